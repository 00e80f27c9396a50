"""Figures in the patterns of Vietnamese economic reporting, through the whole extractor
(real lexicons, sentence splitting, publication date): what counts, and what does not."""

from __future__ import annotations

from diplonews.extract import extract


def found(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract(text, "t").figures]


def test_figures_pattern_a_price_per_unit_is_not_a_figure() -> None:
    text = (
        "Nga đề nghị bán khí đốt cho Ukraine với giá 230 USD cho một nghìn mét khối. "
        "Tour Việt Nam - Thái Lan 5 ngày được chào bán 250 USD/khách."
    )
    assert found(text) == []


def test_figures_pattern_an_amount_per_year_is_kept() -> None:
    text = "Thương mại hai chiều Việt Nam - Lào đạt khoảng 2 tỷ USD/năm."
    assert found(text) == [(2e9, "USD")]


def test_figures_pattern_people_who_are_not_a_flow_between_the_sides() -> None:
    text = (
        "Cuối tuần qua, khoảng 17.000 người Hàn Quốc đã xuống đường phản đối đàm phán FTA với "
        "Mỹ. Hơn 400 người Thái Lan và Campuchia đã thiệt mạng trong các vụ bạo động."
    )
    assert found(text) == []


def test_figures_pattern_people_who_live_or_work_on_the_other_side() -> None:
    text = "Hiện có khoảng 200.000 người Việt Nam sinh sống và làm việc tại Hàn Quốc."
    assert found(text) == [(200000, "people")]


def test_figures_pattern_an_amount_without_trade_investment_or_aid_is_not_a_figure() -> None:
    text = (
        "Tây Ban Nha ký hợp đồng với Venezuela trị giá 2 tỷ USD. Mỹ treo thưởng 25 triệu USD "
        "cho ai bắt được thủ lĩnh Al-Qaeda tại Iraq."
    )
    assert found(text) == []


def test_figures_pattern_the_subject_may_follow_the_amount() -> None:
    text = "Năm 2023, Hàn Quốc rót 4,2 tỷ USD vốn đầu tư vào Việt Nam."
    assert found(text) == [(4.2e9, "USD")]


def test_figures_pattern_a_handful_of_students_or_experts_is_a_group_not_a_flow() -> None:
    text = (
        "6 học sinh Việt Nam sẽ tham dự cuộc thi khoa học tại Indonesia. Hai chuyên gia "
        "người Serbia giám sát việc khám nghiệm tại Hà Lan."
    )
    assert found(text) == []


def test_figures_pattern_other_dollars_are_not_us_dollars() -> None:
    text = (
        "Chính phủ Australia viện trợ Việt Nam 4,2 triệu đô la Úc. Canada tài trợ Việt Nam "
        "3 triệu đôla Canada và Mỹ viện trợ Việt Nam 2 triệu đô la."
    )
    assert found(text) == [(4.2e6, "AUD"), (3e6, "CAD"), (2e6, "USD")]


def test_figures_pattern_a_factor_written_in_words() -> None:
    text = (
        "Kim ngạch thương mại hai chiều Việt Nam - Ấn Độ tăng gấp đôi kể từ năm 2016. "
        "Số du khách Việt Nam đến Malaysia là 42.000 người, tăng gấp ba năm 2003."
    )
    assert found(text) == [(2, "times"), (42000, "people"), (3, "times")]


def test_figures_pattern_a_factor_in_words_needs_a_verb_of_change() -> None:
    assert found("Việt Nam và Ấn Độ đánh thuế gấp đôi hàng nhập khẩu.") == []


def test_figures_pattern_the_next_sentence_goes_on_about_the_same_trade() -> None:
    text = (
        "Ngày 5/9/2023, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Brazil Lula da Silva "
        "tại Hà Nội. Kim ngạch thương mại hai chiều năm 2022 đạt gần 6,8 tỷ USD, tăng 6,6% so "
        "với năm 2021. Trong 8 tháng đầu năm, kim ngạch đạt 4,46 tỷ USD, trong đó Việt Nam xuất khẩu "
        "nhiều hơn."
    )
    assert found(text) == [(6.8e9, "USD"), (6.6, "percent"), (4.46e9, "USD")]


def test_figures_pattern_trade_is_not_carried_to_an_unrelated_sentence() -> None:
    text = (
        "Kim ngạch thương mại hai chiều năm 2022 đạt gần 6,8 tỷ USD. Dự án nhà máy của công "
        "ty có vốn đầu tư 250 tỷ đồng. Kim ngạch xuất khẩu của Mỹ đạt 2.000 tỷ USD."
    )
    assert found(text) == [(6.8e9, "USD")]


def test_figures_pattern_visitors_of_one_state_to_a_vietnamese_city() -> None:
    text = "Trong 6 tháng đầu năm, khách Hàn Quốc đến Đà Nẵng ước đạt 870.000 lượt."
    figures = extract(text, "t").figures
    assert [(f.value, f.unit, f.what) for f in figures] == [
        (870000, "people", "Korea-Vietnam visitors")
    ]


def test_figures_pattern_a_city_abroad_is_not_a_side() -> None:
    text = "Hơn 5.000 du khách đã tụ tập tại bãi biển ở Sydney sau khi Australia mở cửa."
    assert found(text) == []


def test_figures_pattern_a_price_is_not_a_figure_but_a_worth_is() -> None:
    text = (
        "Công ty Du lịch Hà Nội chào tour du lịch Thái Lan 5 ngày với giá 289 USD. Hàn Quốc "
        "chuyển cho Triều Tiên khoản viện trợ trị giá 25 triệu USD."
    )
    assert found(text) == [(25e6, "USD")]


def years(text: str, published: str) -> list[int | None]:
    return [f.year for f in extract(text, "t", published=published).figures]


def test_figures_pattern_last_year_is_the_year_before_publication() -> None:
    text = "Kim ngạch thương mại hai chiều Việt Nam - Ấn Độ năm ngoái đạt trên 10 tỷ USD."
    assert years(text, "2019-06-17") == [2018]


def test_figures_pattern_the_first_months_of_the_year_are_of_the_publication_year() -> None:
    text = "Trong 6 tháng đầu năm, khách Hàn Quốc đến Đà Nẵng ước đạt 870.000 lượt."
    assert years(text, "2025-09-20") == [2025]
    text = "Trong 6 tháng đầu năm 2024, khách Hàn Quốc đến Đà Nẵng ước đạt 870.000 lượt."
    assert years(text, "2025-09-20") == [2024]


def test_figures_pattern_a_relative_baseline_is_not_the_year() -> None:
    text = "Thương mại Việt Nam - Lào đạt 2 tỷ USD, tăng 12% so với năm ngoái."
    assert years(text, "2019-06-17") == [None, None]


def test_figures_pattern_no_relative_year_without_a_publication_date() -> None:
    text = "Kim ngạch thương mại hai chiều Việt Nam - Ấn Độ năm ngoái đạt trên 10 tỷ USD."
    assert [f.year for f in extract(text, "t").figures] == [None]


def test_figures_pattern_two_way_trade_is_between_the_articles_two_sides() -> None:
    text = (
        "Ngày 5/9/2023, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Brazil Lula da Silva "
        "tại Hà Nội. Kim ngạch thương mại hai chiều năm 2022 đạt gần 6,8 tỷ USD."
    )
    assert [f.what for f in extract(text, "t").figures] == ["Vietnam-Brazil two-way trade"]


def test_figures_pattern_a_forecast_is_not_a_figure() -> None:
    text = (
        "Thương mại hai chiều Việt Nam - Lào năm ngoái đạt 2 tỷ USD và dự kiến lên 5 tỷ USD năm "
        "2030. Thương mại song phương Việt Nam - Đức dự kiến sẽ tăng gấp đôi trong thập kỷ tới."
    )
    assert found(text) == [(2e9, "USD")]
