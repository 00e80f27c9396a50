"""Tests of diplonews.extract.dates: temporal expressions, year resolution and the anchor year."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplonews.extract import clean, extract
from diplonews.extract.dates import find_times, infer_anchor_year, run
from diplonews.extract.doc import Doc, TimeMention
from diplonews.extract.lexicons import Lexicons
from gold_data import gold_cases

DATA = Path(__file__).parents[1] / "data"


def articles() -> list[tuple[dict, str]]:
    """(gold record, cleaned body) of every seed and dev article."""
    return [(record, clean.clean_text(raw).body) for raw, record in gold_cases()]


def one(text: str, published: str | None = None, anchor: int | None = None) -> TimeMention:
    found = find_times(text, published, anchor)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- day and month forms


def test_dates_day_month_with_ngay() -> None:
    m = one("Thông cáo cho biết ngày 7/6, Thứ trưởng đã đồng chủ trì.", "2021-07")
    assert (m.value, m.precision, m.year_stated, m.text) == ("2021-06-07", "day", False, "ngày 7/6")


def test_dates_capitalised_ngay_at_sentence_start() -> None:
    assert one("Ngày 29/11, tại Hà Nội, hai bên đã tham vấn.", None, 2021).value == "2021-11-29"


def test_dates_bare_date_at_sentence_start() -> None:
    assert one("29/11, tại Hà Nội, hai bên đã tham vấn.", None, 2021).value == "2021-11-29"


def test_dates_full_date_states_its_year() -> None:
    m = one("Ngày 1/11/2023, tại Hà Nội, Bộ Ngoại giao tổ chức Diễn đàn.", "2025-01")
    assert (m.value, m.year_stated) == ("2023-11-01", True)


def test_dates_full_date_after_ngay() -> None:
    assert one("lễ nhậm chức được tổ chức ngày 10/5/2022.").value == "2022-05-10"


def test_dates_part_of_day_joins_the_span() -> None:
    m = one("Chiều 19/3, tại Trụ sở Chính phủ, Thủ tướng tiếp Đại sứ.", "2024-03-20")
    assert (m.text, m.value) == ("Chiều 19/3", "2024-03-19")


def test_dates_sang_nay_with_hyphen() -> None:
    m = one("Thủ tướng sáng nay 19-10 đã chủ trì lễ đón.", "2020-10")
    assert (m.text, m.value) == ("sáng nay 19-10", "2020-10-19")


def test_dates_hyphen_separator() -> None:
    assert one("ngày 29-9, hai nhà lãnh đạo điện đàm.", "2020-09").value == "2020-09-29"
    assert one("Đối thoại bắt đầu tối 31-5 tại Singapore.", "2019-06").value == "2019-05-31"


def test_dates_dot_separator() -> None:
    assert one("sáng 24.6, Hội nghị đã diễn ra.", "2020-06").value == "2020-06-24"


def test_dates_parenthesised_date_after_chieu_nay() -> None:
    m = one("Chiều nay (26/3) tại Phủ Chủ tịch, Chủ tịch nước tiếp Đại sứ.", "2016-03-26")
    assert (m.text, m.value) == ("Chiều nay (26/3)", "2016-03-26")


def test_dates_written_out_date() -> None:
    m = one("Hiệp định được ký ngày 7 tháng 6 năm 2021 tại Seoul.")
    assert (m.value, m.precision, m.year_stated) == ("2021-06-07", "day", True)


def test_dates_written_out_date_without_year() -> None:
    assert one("Hội nghị diễn ra ngày 8 tháng 6.", "2021-07").value == "2021-06-08"


@pytest.mark.parametrize(
    "text,published,value,end",
    [
        ("Chiều 23 tháng 7, hai Bộ trưởng đã gặp nhau.", "2016-07-24", "2016-07-23", None),
        ("Sáng 5 tháng 6 năm 2023, Thủ tướng tiếp Đại sứ.", None, "2023-06-05", None),
        ("chiều nay 23 tháng 7 năm 2016, hai bên đã gặp nhau.", None, "2016-07-23", None),
        (
            "Hội nghị diễn ra tại Vientiane từ 23-26 tháng 7 năm 2016.",
            None,
            "2016-07-23",
            "2016-07-26",
        ),
        ("Thứ Tư, 20 tháng 3 năm 2024, hai bên đã ký Bản ghi nhớ.", None, "2024-03-20", None),
    ],
)
def test_dates_written_out_after_a_part_of_the_day_from_or_a_weekday(
    text: str, published: str | None, value: str, end: str | None
) -> None:
    """Some outlets write out the dates others write 23/7: the same date either way."""
    m = one(text, published)
    assert (m.value, m.end_value) == (value, end)


def test_dates_a_number_of_months_before_a_month_number_is_no_date() -> None:
    assert find_times("Sau 3 tháng 2 nước đã ký hiệp định.", "2021-06-01") == []


# ---------------------------------------------------------------- ranges


def test_dates_day_range_without_anchor_has_no_value() -> None:
    m = one("Hội nghị sẽ được tổ chức từ ngày 25-26/11 ở Busan.")
    assert (m.value, m.end_value, m.precision) == (None, None, "day")


def test_dates_day_range_with_anchor() -> None:
    m = one("Hội nghị sẽ được tổ chức từ ngày 25-26/11 ở Busan.", None, 2019)
    assert (m.value, m.end_value) == ("2019-11-25", "2019-11-26")


def test_dates_day_range_after_tu_ngay() -> None:
    m = one("Tổng thống sẽ thăm Seoul từ ngày 9-11/5 theo lời mời.", "2022-05")
    assert (m.value, m.end_value) == ("2022-05-09", "2022-05-11")


def test_dates_day_range_with_year() -> None:
    m = one("các Hội nghị liên quan tại Vientiane từ 23-26/7/2016 đã kết thúc.")
    assert (m.value, m.end_value, m.year_stated) == ("2016-07-23", "2016-07-26", True)


def test_dates_range_across_months() -> None:
    m = one("Diễn đàn diễn ra từ 31-5 đến 2-6 tại Singapore.", None, 2019)
    assert (m.value, m.end_value, m.text) == ("2019-05-31", "2019-06-02", "31-5 đến 2-6")


def test_dates_range_across_months_with_a_dash() -> None:
    m = one("Tổng thống thăm Việt Nam từ ngày 30/8-2/9 theo lời mời.", "2024-08-29")
    assert (m.value, m.end_value) == ("2024-08-30", "2024-09-02")
    m = one("Chuyến thăm diễn ra từ ngày 30.12 – 2.1.2025.")
    assert (m.value, m.end_value) == ("2024-12-30", "2025-01-02")


def test_dates_range_across_months_must_be_consecutive_months() -> None:
    assert find_times("tỉ số 3/8-2/5 trong hai trận", "2024-08-29") == []


@pytest.mark.parametrize(
    "text", ["từ 8 đến 10/9", "trong hai ngày 8 và 9/9", "ngày 8 - 10/9", "từ ngày 8 đến ngày 9/9"]
)
def test_dates_range_with_words_takes_the_first_day(text: str) -> None:
    assert one(f"Hội nghị diễn ra {text} tại Hà Nội.", "2024-09-20").value == "2024-09-08"


def test_dates_month_and_year_in_brackets() -> None:
    m = one("Chủ tịch nước thăm cấp Nhà nước tới Campuchia (12/2014), Thủ tướng thăm Lào.")
    assert (m.value, m.precision) == ("2014-12", "month")


def test_dates_month_with_a_dotted_year() -> None:
    assert one("Bất đồng bắt đầu vào tháng 9.2005 sau khi báo đăng tranh.").value == "2005-09"


def test_dates_weekday_before_a_bare_date() -> None:
    assert one("Thủ tướng thứ Hai (11/9) đã hội đàm.", "2024-09-12").value == "2024-09-11"


# ---------------------------------------------------------------- months and relations


def test_dates_month_coming() -> None:
    m = one("Hội nghị Bộ trưởng (vào tháng 8 tới) sẽ diễn ra.", "2021-07")
    assert (m.value, m.precision, m.relation, m.text) == (
        "2021-08",
        "month",
        "future",
        "tháng 8 tới",
    )


def test_dates_month_coming_rolls_into_next_year() -> None:
    assert one("Hội nghị dự kiến diễn ra vào tháng 1 tới.", "2021-11").value == "2022-01"


def test_dates_end_of_month_coming() -> None:
    m = one("tổ chức thành công APEC vào cuối tháng 10 tới tại Gyeongju.", "2025-08-04")
    assert (m.value, m.relation) == ("2025-10", "future")


def test_dates_month_just_past() -> None:
    m = one("tại Hội nghị Thượng đỉnh vào tháng 10 vừa qua.", "2025-12-04")
    assert (m.value, m.relation, m.text) == ("2025-10", "past", "tháng 10 vừa qua")


def test_dates_month_just_past_rolls_into_previous_year() -> None:
    assert one("chuyến thăm hồi tháng 12 vừa qua.", "2026-01").value == "2025-12"


def test_dates_hoi_thang_is_past() -> None:
    m = one("Dự thảo được hoàn tất tại Hội nghị SOM ARF hồi tháng 7.", "2020-09")
    assert (m.value, m.relation) == ("2020-07", "past")


def test_dates_neutral_month_phrases() -> None:
    found = find_times(
        "Đầu tháng 3 hai bên gặp nhau; các hội nghị diễn ra trong tháng 5.", "2023-03"
    )
    assert [(m.value, m.relation) for m in found] == [("2023-03", None), ("2023-05", None)]


def test_dates_du_kien_makes_a_plan() -> None:
    m = one(
        "Diễn đàn Tương lai ASEAN (dự kiến vào tháng 4/2024) sẽ do Việt Nam đăng cai.", "2024-01-28"
    )
    assert (m.value, m.relation, m.year_stated) == ("2024-04", "future", True)


def test_dates_month_with_year() -> None:
    assert one("Hai bên đã ký kết hồi tháng 11/2023.").value == "2023-11"
    assert one("Hai bên gặp nhau trong tháng 6 năm 2021.").value == "2021-06"


def test_dates_month_with_only_an_anchor_year() -> None:
    m = one("sau chuyến thăm chính thức Việt Nam tháng 6 vừa qua.", None, 2016)
    assert (m.value, m.relation) == ("2016-06", "past")


def test_dates_truoc_do_is_past() -> None:
    m = one("Trước đó, chiều 18-10, Thủ tướng Nhật Bản đã tới sân bay Nội Bài.", "2020-10")
    assert (m.value, m.relation) == ("2020-10-18", "past")


def test_dates_toi_as_the_verb_arrive_is_not_future() -> None:
    assert one("Ngày 5/6 tới Hà Nội, ông đã gặp Thủ tướng.", "2020-06").relation is None


# ---------------------------------------------------------------- years and relative words


def test_dates_stated_year() -> None:
    m = one("đăng cai COP 28 vào năm 2023.", "2021-07")
    assert (m.value, m.precision, m.year_stated) == ("2023", "year", True)


def test_dates_year_horizon_is_future() -> None:
    m = one("các nhà ngoại giao thông qua kế hoạch hợp tác đến năm 2020.", "2015-07")
    assert (m.value, m.relation) == ("2020", "future")


def test_dates_relative_years() -> None:
    found = find_times("năm ngoái, năm nay, năm tới, năm sau", "2021-07")
    assert [(m.value, m.relation) for m in found] == [
        ("2020", "past"),
        ("2021", None),
        ("2022", "future"),
        ("2022", "future"),
    ]


def test_dates_relative_year_needs_an_anchor() -> None:
    assert one("tương tự năm ngoái").value is None
    assert one("tương tự năm ngoái", None, 2021).value == "2020"


def test_dates_gan_day_is_the_anchor_year_in_the_past() -> None:
    m = one("chuyến thăm của đoàn đặc phái viên gần đây", "2025-08-04")
    assert (m.value, m.precision, m.relation) == ("2025", "year", "past")


def test_dates_today_and_yesterday_against_a_day() -> None:
    found = find_times("hôm nay, ngày hôm qua và tối qua", "2021-07-05")
    assert [m.value for m in found] == ["2021-07-05", "2021-07-04", "2021-07-04"]
    assert found[1].text == "ngày hôm qua"


def test_dates_today_needs_a_day_precision_date() -> None:
    assert find_times("hôm nay và hôm qua", "2021-07") == []


def test_dates_next_week_is_a_loose_month() -> None:
    # a week gives its month, but is no day: it does not pin the event (see `loose`)
    found = one("hai bên sẽ gặp nhau tuần tới", "2021-07-05")
    assert (found.value, found.precision, found.loose) == ("2021-07", "month", True)


def test_dates_durations_are_not_dates() -> None:
    # ("10 năm trước", ten years ago, is a time: see the tests of so long ago below)
    text = "trong 30 năm tới, 3 năm tới, 6 tháng sau và một tháng sau khi nhậm chức, các năm tới"
    assert find_times(text, "2020-10") == []


# ---------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "tối 26/8, tại Quảng trường 26/3 thành phố Hà Giang",
        "đoàn xe đi qua đường 30/4",
        "dịch vụ hoạt động 24/7",
        "đội tuyển thắng với tỉ số 3-1",
        "tiếp sức 4x400, 4 x 400m và 1.500m, 10.000m",
        "kim ngạch đạt 196,64 tỉ USD, tăng 12%",
        "với thành tích 3 phút 42 giây 89",
        "Hội nghị lần thứ 7, COVID-19 và G20",
        "tỷ lệ 2/3 số phiếu",
    ],
)
def test_dates_numbers_that_are_not_dates(text: str) -> None:
    dates = [
        m for m in find_times(text, "2022-08") if m.precision == "day" and "26/8" not in m.text
    ]
    assert dates == []


def test_dates_place_name_beside_a_real_date() -> None:
    found = find_times("tối 26/8, tại Quảng trường 26/3 thành phố Hà Giang", "2022-08")
    assert [m.text for m in found] == ["tối 26/8"]


@pytest.mark.parametrize("text", ["ngày 32/1", "ngày 12/13", "ngày 31/4", "ngày 0/5"])
def test_dates_implausible_day_or_month(text: str) -> None:
    assert find_times(text, "2021-07") == []


@pytest.mark.parametrize(
    "text",
    [
        "Thứ Bảy, 14/03/2026, 06:41 (GMT+7)",
        "Hợp Tác Việt-Hàn 09:06 - 20/03/2024",
        "Báo Thế giới & Việt Nam 02/07/2022 10:25 | Chào ngày mới",
        "Quang Hòa 18:17 | 28/01/2024",
    ],
)
def test_dates_datelines_are_skipped(text: str) -> None:
    assert find_times(text) == []


def test_dates_spans_point_into_the_text() -> None:
    text = "Trước đó, chiều 18-10, ông tới Hà Nội; tháng 8 tới và năm ngoái, hôm nay (5/7)."
    for m in find_times(text, "2020-10-20"):
        assert text[m.start : m.end] == m.text


# ---------------------------------------------------------------- year rollover


def test_dates_past_date_after_publication_is_last_year() -> None:
    assert one("Ngày 28/12, hai bên đã ký thỏa thuận.", "2021-01-05").value == "2020-12-28"


def test_dates_past_date_after_month_published_is_last_year() -> None:
    assert one("Ngày 28/12, hai bên đã ký thỏa thuận.", "2021-01").value == "2020-12-28"


def test_dates_planned_date_well_before_publication_is_next_year() -> None:
    assert one("Hội nghị sẽ diễn ra ngày 15/3 tại Hà Nội.", "2021-12-20").value == "2022-03-15"


def test_dates_date_near_publication_keeps_its_year() -> None:
    assert one("Ngày 3/12, Thứ trưởng đã kêu gọi ASEAN.", "2025-12-04").value == "2025-12-03"
    assert one("Vào ngày 6/8, Ngoại trưởng đã điện đàm.", "2025-08-04").value == "2025-08-06"


# ---------------------------------------------------------------- anchor year


def test_dates_anchor_from_a_deictic_full_date() -> None:
    text = (
        "Hội nghị lần thứ nhất diễn ra vào ngày 12/11/2015. Chiều nay 23/7/2016, Phó Thủ "
        "tướng đã có cuộc gặp."
    )
    assert infer_anchor_year(text) == 2016


def test_dates_anchor_from_nam_nay_with_its_year() -> None:
    assert infer_anchor_year("Năm nay (2020), Việt Nam là nước Chủ tịch ASEAN.") == 2020
    assert infer_anchor_year("Trong năm 2020 này, hai nước kỷ niệm quan hệ.") == 2020


def test_dates_anchor_from_a_full_date_in_the_lead() -> None:
    text = (
        "Lãnh đạo Singapore thăm Hàn Quốc.\nTổng thống Singapore được mời dự lễ nhậm chức "
        "được tổ chức ngày 10/5/2022."
    )
    assert infer_anchor_year(text) == 2022


def test_dates_anchor_takes_the_latest_full_date_of_the_lead() -> None:
    text = (
        "Sáng 30/4, lễ kỷ niệm 50 năm Ngày Giải phóng miền Nam (30/4/1975-30/4/2025) đã "
        "diễn ra trọng thể."
    )
    assert infer_anchor_year(text) == 2025


def test_dates_anchor_ignores_a_full_date_deep_in_history() -> None:
    text = (
        "Ngày 4/7, Bộ trưởng sẽ dự Hội nghị. Các nước thành viên gồm 6 nước. Hợp tác "
        "Mekong-Lan Thương là nền tảng mới. Hội nghị lần thứ nhất diễn ra vào ngày 12/11/2015."
    )
    assert infer_anchor_year(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Tối 7/9, Tổng thống đến Hà Nội. Đoàn có nhiều bộ trưởng. Tổng thống sinh ngày 2/2/1952.",
        "Nhân dịp kỷ niệm chiến thắng 30-4-1975, thành phố tổ chức mít tinh.",
        "Tổ chức này được thành lập ngày 26/3/1931 tại Hà Nội.",
        "An ninh được siết chặt kể từ vụ khủng bố 11/9/2001 ở Mỹ.",
        "Lễ kỷ niệm 10 năm hai nước thiết lập quan hệ ngoại giao (12/7/1995) diễn ra tối 11/7.",
    ],
)
def test_dates_anchor_skips_a_recalled_date(text: str) -> None:
    assert infer_anchor_year(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Nghi phạm duy nhất bị kết tội tham gia vụ tấn công 11/9/2001 đã được trả tự do hôm qua.",
        "Tòa án hôm nay hủy bản án với bị cáo của vụ khủng bố hôm 11/9/2001 ở Mỹ.",
        "Kẻ chủ mưu vụ đánh bom hôm 12/10/2002 ở Bali đã trốn thoát.",
        "Ông Nixon xúc phạm bà Gandhi trong cuộc trao đổi riêng ngày 5/11/1971, theo băng ghi âm.",
        "Sở đã hủy bỏ văn bản số 123/GT-GTT ngày 8-4-2005 của Sở GTCC về ranh xây dựng.",
        "Theo Nghị định 66/2002/NĐ-CP ngày 1/7/2002, hành lý được miễn thuế.",
        "Số người thiệt mạng vì thảm họa sóng thần ngày 26-12-2004 đã lên 165.000.",
    ],
)
def test_dates_anchor_skips_the_day_of_a_thing_the_lead_recalls(text: str) -> None:
    assert infer_anchor_year(text) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Ngày 7/6/2005, cuộc hội đàm đã diễn ra tại Hà Nội.", 2005),
        ("Cuộc hội đàm đã diễn ra ngày 7/6/2005 tại Hà Nội.", 2005),
        ("Ông Dương tạm giữ chức vụ này từ 1/1/2006.", 2006),
        ("Ngành đường sắt mở dịch vụ giao vé từ ngày 26-9-2005.", 2005),
        ("Nhận hồ sơ từ ngày 25/8 đến 10/9 và đợt ba từ 15/9 đến 30/9/2005.", 2005),
    ],
)
def test_dates_anchor_keeps_the_day_of_the_clause(text: str, year: int) -> None:
    assert infer_anchor_year(text) == year


def test_dates_anchor_contradicted_by_a_later_past_year() -> None:
    text = (
        "Ngày 30/4/1975, xe tăng tiến vào Dinh Độc Lập. Hai nước đã thiết lập quan hệ năm 1995. "
        "Năm 2005, Thủ tướng đã thăm Mỹ."
    )
    assert infer_anchor_year(text) is None


def test_dates_anchor_not_contradicted_by_a_plan() -> None:
    text = (
        "Ngày 1/3/2010, tại TP.HCM, hội nghị đã khai mạc. Hai nước sẽ đạt 10 tỷ USD vào năm 2015."
    )
    assert infer_anchor_year(text) == 2010


def test_dates_anchor_from_a_restated_date() -> None:
    text = (
        "Ngày 29/11, hai bên tham vấn. Hai bên trao đổi. Hai bên nhất trí. Hai bên cam kết. "
        "Cuộc tham vấn ngày 29/11/2021 là hoạt động đầu tiên."
    )
    assert infer_anchor_year(text) == 2021


def test_dates_anchor_from_an_anniversary_range() -> None:
    text = (
        "Hội nghị thông qua Tuyên bố chung, đánh dấu mốc phát triển mới nhân kỷ niệm 35 năm "
        "thiết lập quan hệ (1989-2024)."
    )
    assert infer_anchor_year(text) == 2024


def test_dates_anchor_anniversary_count_must_match_the_range() -> None:
    assert infer_anchor_year("nhân kỷ niệm 30 năm thiết lập quan hệ (1989-2024).") is None


def test_dates_anchor_from_a_chairmanship() -> None:
    assert infer_anchor_year("Phó Thủ tướng, đại diện Chủ tịch ASEAN 2020, chủ trì.") == 2020
    assert (
        infer_anchor_year("Việt Nam ủng hộ Lào đảm nhiệm vai trò Chủ tịch ASEAN năm 2024.") == 2024
    )


def test_dates_anchor_ignores_an_announced_chairmanship() -> None:
    assert infer_anchor_year("Việt Nam sẽ đảm nhận vai trò Chủ tịch ASEAN 2020.") is None


def test_dates_anchor_from_a_term_just_begun() -> None:
    text = (
        "Đây là một trong những hoạt động đầu tiên sau khi Việt Nam tiếp nhận vai trò là nước "
        "điều phối quan hệ ASEAN-Hàn Quốc giai đoạn 2021-2024."
    )
    assert infer_anchor_year(text) == 2021


def test_dates_anchor_ignores_a_term_not_begun() -> None:
    assert infer_anchor_year("đánh giá quan hệ ASEAN-Hàn Quốc giai đoạn 2021-2024.") is None


@pytest.mark.parametrize(
    "text",
    [
        "năm 2016, Việt Nam và Philippines kỷ niệm 40 năm thiết lập quan hệ ngoại giao.",
        "đưa thương mại đạt 10 tỷ USD vào năm 2018.",
        "các nhà ngoại giao thông qua kế hoạch hợp tác đến năm 2020.",
        "Thứ Bảy, 14/03/2026, 06:41 (GMT+7)\nĐối thoại Shangri-La năm nay bắt đầu tối 31-5.",
        "Hội nghị sẽ được tổ chức từ ngày 25-26/11 ở Busan.",
    ],
)
def test_dates_anchor_not_guessed(text: str) -> None:
    assert infer_anchor_year(text) is None


def test_dates_anchor_rule_order_lead_date_before_chairmanship() -> None:
    text = "Ngày 1/11/2023, tại Hà Nội, đại diện Chủ tịch ASEAN 2020 phát biểu."
    assert infer_anchor_year(text) == 2023


def test_dates_run_takes_the_published_year() -> None:
    doc = Doc("d", "")
    doc.body = "Ngày 7/6, đại diện Chủ tịch ASEAN 2020 phát biểu; hội nghị vào tháng 8 tới."
    doc.record.published = "2021-07"
    run(doc, Lexicons())
    assert doc.anchor_year == 2021
    assert [m.value for m in doc.times] == ["2021-06-07", "2021-08"]


def test_dates_run_infers_the_anchor_without_published() -> None:
    doc = Doc("d", "")
    doc.body = (
        "Ngày 29/11, tại Hà Nội, hai bên tham vấn. Việt Nam tiếp nhận vai trò giai đoạn 2021-2024."
    )
    run(doc, Lexicons())
    assert doc.anchor_year == 2021
    assert doc.times[0].value == "2021-11-29"


# ---------------------------------------------------------------- golden: the 29 articles

# Anchor years the body pins down when no publication date is known (None: nothing does;
# 003's "[ASEAN 2020: …]" is a related-news link that cleaning removes).
EXPECTED_ANCHORS = {
    "001_51f8d41edc40698b": 2021, "002_68a183f616eec114": 2023, "003_b981de81e369b96a": None,
    "004_955376071938104d": 2024, "v04": None, "v05": 2022, "v08": None, "v10": 2016,
    "v12": None, "v13": None, "v14": None, "v21": None, "v22": None, "v23": None, "v24": None,
}  # fmt: skip


def test_dates_golden_anchor_years() -> None:
    for record, body in articles():
        anchor = infer_anchor_year(body)
        if record["published"] is None:
            assert anchor == EXPECTED_ANCHORS[record["doc_id"]], record["doc_id"]
        else:  # the text must not contradict the publication date
            assert anchor in (None, int(record["published"][:4])), record["doc_id"]


def test_dates_golden_event_dates_are_found() -> None:
    unrecoverable = {("003_b981de81e369b96a", "2020-08-26")}  # anchor year not in the body
    for record, body in articles():
        doc = Doc(record["doc_id"], body)
        doc.body = body
        doc.record.published = record["published"]
        run(doc, Lexicons())
        published = record["published"] or ""
        values = {m.value for m in doc.times} | {str(doc.anchor_year), published, published[:7]}
        for event in record["events"]:
            gold = event["date"]
            if gold is None or (record["doc_id"], gold) in unrecoverable:
                continue
            assert gold in values or any(v and v.startswith(gold) for v in values), (
                record["doc_id"],
                gold,
                sorted(v for v in values if v),
            )


def test_dates_golden_no_dates_without_an_anchor() -> None:
    for record, body in articles():
        if record["doc_id"] in ("v04", "v12", "v13", "v21"):
            undated = [
                m for m in find_times(body, None, infer_anchor_year(body)) if not m.year_stated
            ]
            assert all(m.value is None for m in undated), record["doc_id"]


# ---------------------------------------------------------------- never raises

_TOKENS = st.sampled_from(
    [
        "ngày",
        "Ngày",
        "tháng",
        "năm",
        "nay",
        "qua",
        "tới",
        "vừa",
        "hồi",
        "sáng",
        "chiều",
        "hôm",
        "từ",
        "đến",
        "dự kiến",
        "(",
        ")",
        ",",
        ".",
        "\n",
        "-",
        "/",
        "–",
        "7/6",
        "29-9",
        "24.6",
        "25-26/11",
        "31-5",
        "2-6",
        "1/11/2023",
        "2021",
        "1989-2024",
        "0",
        "99",
        "13",
        "31/2",
        "29/2",
        "kỷ niệm",
        "35",
        "Chủ tịch ASEAN",
        "giai đoạn",
        "tiếp nhận",
        "06:41",
        "Thứ Bảy",
        "gần đây",
        "ngoái",
        "sau",
        "trước",
        "đó",
        "Quảng trường",
        "12:00",
        "9999/99/9999",
    ]
)
_PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from(
        ["2021", "2021-07", "2021-01-05", "2020-02-29", "2021-12-31", "bad", "2021-13"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_TOKENS, max_size=40),
    published=_PUBLISHED,
    anchor=st.one_of(st.none(), st.integers(1900, 2100)),
)
def test_dates_never_raise_on_date_like_text(
    words: list[str], published: str | None, anchor: int | None
) -> None:
    text = " ".join(words)
    for m in find_times(text, published, anchor):
        assert text[m.start : m.end] == m.text
    infer_anchor_year(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), published=_PUBLISHED)
def test_dates_never_raise_on_any_text(text: str, published: str | None) -> None:
    find_times(text, published, infer_anchor_year(text))


@pytest.mark.parametrize(
    "text",
    [
        "các phiên đối thoại về Tầm nhìn Cộng đồng ASEAN sau năm 2025.",
        "hướng tới kỷ niệm 70 năm quan hệ ngoại giao vào năm 2025.",
        "phấn đấu đưa kim ngạch đạt 150 tỉ USD vào năm 2030.",
    ],
)
def test_dates_a_goal_year_is_a_horizon(text: str) -> None:
    assert one(text, "2023-08-04").relation == "horizon"


def test_dates_a_year_reported_is_no_horizon() -> None:
    assert one("Bà Bachelet thăm chính thức Việt Nam năm 2006.").relation is None


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tổng thống hôm thứ Hai đã hội đàm với Thủ tướng.", "2024-09-09"),
        ("Tổng thống hôm thứ Năm đã tới Hà Nội.", "2024-09-12"),
        ("Hai bên sẽ gặp nhau vào thứ Sáu.", "2024-09-13"),
        ("Thủ tướng thứ Ba tuần trước đã tiếp Đại sứ.", "2024-09-03"),
        ("Hội nghị diễn ra vào Chủ nhật tới.", "2024-09-15"),
        ("Hai bên sẽ họp vào thứ 4 tuần tới.", "2024-09-18"),
    ],
)
def test_dates_weekday_against_the_day_published(text: str, value: str) -> None:
    assert one(text, "2024-09-12").value == value  # a Thursday


def test_dates_weekday_needs_a_day_precision_date() -> None:
    assert find_times("Tổng thống hôm thứ Hai đã hội đàm.", "2024-09") == []
    assert find_times("Tổng thống hôm thứ Hai đã hội đàm.", None, 2024) == []


@pytest.mark.parametrize(
    "text",
    ["Đây là lần thứ hai hai bên gặp nhau.", "Thứ hai, hai bên nhất trí hợp tác.", "khóa thứ Ba"],
)
def test_dates_ordinals_are_no_weekdays(text: str) -> None:
    assert find_times(text, "2024-09-12") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cuộc hội đàm 10/9 vừa qua diễn ra tốt đẹp.", "2024-09-10"),
        ("Hội nghị 25/9 tới sẽ diễn ra tại Hà Nội.", "2024-09-25"),
        ("Tổng thống (10/9) đã hội đàm với Thủ tướng.", "2024-09-10"),
        ("Lễ kỷ niệm diễn ra ngày mồng 2/9.", "2024-09-02"),
        ("Hai bên sẽ ký kết văn kiện vào ngày mai.", "2024-09-13"),
        ("Hai bên đã gặp nhau hôm kia.", "2024-09-10"),
    ],
)
def test_dates_more_marked_days(text: str, value: str) -> None:
    assert one(text, "2024-09-12").value == value


# ---------------------------------------------------------------- the year of a planned meeting


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            (
                "Sáng 2/3, tại Đà Nẵng, các quan chức đã họp trù bị chuẩn bị cho Hội nghị cấp cao "
                "ASEAN lần thứ 20 tại Hà Nội vào tháng 4/2012."
            ),
            2012,
        ),
        (
            (
                "Tối 10-11, hai lãnh đạo đã gặp nhau tại Hà Nội. Sau đó, Tổng thống sẽ bay vào "
                "Đà Nẵng để dự Hội nghị lãnh đạo các nền kinh tế thành viên APEC 2017."
            ),
            2017,
        ),
    ],
)
def test_dates_anchor_from_the_meeting_a_story_leads_up_to(text: str, year: int) -> None:
    assert infer_anchor_year(text) == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Chiều 15/11, Chủ tịch nước đã dự Hội nghị Cấp cao APEC 2023 tại San Francisco.",
            2023,
        ),
        # a meeting of the past recalled in the sentence does not date it
        ("Chiều 15/11, hai bên nhắc lại kết quả Hội nghị Cấp cao APEC 2017 hồi đó.", None),
    ],
)
def test_dates_anchor_from_the_meeting_a_story_reports(text: str, year: int | None) -> None:
    assert infer_anchor_year(text) == year


@pytest.mark.parametrize(
    "text",
    [
        # a goal, not a meeting
        "Ngày 3/4, hai bên cam kết sẽ đưa kim ngạch lên 20 tỷ USD vào tháng 12/2030.",
        # no yearless day to date
        "Các bộ trưởng sẽ chuẩn bị cho Hội nghị cấp cao ASEAN vào tháng 4/2012.",
        # a later year reported: the plan is not the latest
        (
            "Ngày 3/4, bộ trưởng nói hội nghị sẽ chuẩn bị cho Hội nghị cấp cao vào tháng 4/2012. "
            "Năm 2015, hai nước đã ký hiệp định."
        ),
        # a meeting recalled, not announced
        "Ngày 3/4, hai bên nhắc lại Hội nghị cấp cao ASEAN tháng 4/2012 tại Hà Nội.",
    ],
)
def test_dates_anchor_not_from_a_goal_or_a_recalled_meeting(text: str) -> None:
    assert infer_anchor_year(text) is None


def test_dates_toi_nay_after_a_date_is_the_past() -> None:
    m = one("đánh giá hợp tác kể từ phiên đối thoại lần thứ 4 (9/2015) tới nay.", "2016-12")
    assert (m.value, m.relation) == ("2015-09", "past")


def test_dates_sap_xep_is_not_a_plan() -> None:
    m = one("Tổng thống đã sắp xếp thời gian để có một cuộc gặp vào tối 9-11.", "2017-11")
    assert m.relation is None


def test_dates_a_weekday_after_a_part_of_the_day_is_the_story_date() -> None:
    m = one("Chiều thứ Ba, 10/9/2024, Thủ tướng hội đàm với Thủ tướng Nhật Bản.")
    assert m.value == "2024-09-10"


def test_dates_a_day_then_its_year_in_words_is_one_date() -> None:
    m = one("Ngày 9/5 năm 2023, hai bên đã hội đàm tại Hà Nội.", None, 2024)
    assert (m.value, m.precision, m.year_stated) == ("2023-05-09", "day", True)


def test_dates_the_day_of_a_dateline_set_aside_dates_the_lead() -> None:
    text = (
        "Thủ tướng hội đàm với Thủ tướng Lào\n\nHà Nội, 12/9 (TTXVN) - Thủ tướng Phạm Minh "
        "Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone."
    )
    assert [e.date for e in extract(text, "t", published="2024-09-13").events] == ["2024-09-12"]


def test_dates_a_dateline_day_gives_way_to_the_lead_own_date() -> None:
    text = (
        "Thủ tướng hội đàm với Thủ tướng Lào\n\nHà Nội, 12/9 (TTXVN) - Ngày 11/9, Thủ tướng "
        "Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone."
    )
    assert [e.date for e in extract(text, "t", published="2024-09-13").events] == ["2024-09-11"]


@pytest.mark.parametrize(
    "dateline",
    [
        "Hà Nội, 12/9 - ",
        "HÀ NỘI, 12/9/2024 – ",
        "Viêng Chăn, 12/9 - ",
        "Hà Nội (TTXVN) 12/9 - ",
        "Viêng Chăn (TTXVN) ngày 12/9 – ",
        "(TTXVN) 12/9 - ",
    ],
)
def test_dates_a_dateline_without_outlet_is_set_aside_too(dateline: str) -> None:
    # The dateline's day is the story's; the lead's own day and "hôm qua" date the events.
    title = "Thủ tướng hội đàm với Thủ tướng Lào\n\n"
    lead = "Ngày 11/9, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone."
    own = extract(title + dateline + lead, "t", published="2024-09-13").events
    assert [e.date for e in own] == ["2024-09-11"]
    bare = lead.replace("Ngày 11/9, ", "")
    story = extract(title + dateline + bare, "t", published="2024-09-13").events
    assert [e.date for e in story] == ["2024-09-12"]
    told = extract(title + dateline + "Hôm qua, " + bare, "t", published="2024-09-12").events
    assert [e.date for e in told] == ["2024-09-11"]


# ---------------------------------------------------------------- weeks


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hai bên đã gặp nhau tuần trước.", "2024-09"),  # 2-8 Sep 2024
        ("Đoàn sẽ sang trong tuần tới.", "2024-09"),  # 16-22 Sep
        ("Hội nghị họp vào cuối tuần này.", "2024-09"),
    ],
)
def test_dates_a_week_dates_to_its_month(text: str, value: str) -> None:
    found = one(text, "2024-09-12")
    assert (found.value, found.precision, found.loose) == (value, "month", True)


def test_dates_a_week_across_two_months_has_no_month() -> None:
    assert one("Hai bên đã gặp nhau tuần trước.", "2024-09-04").value is None  # 26/8-1/9


def test_dates_a_length_of_weeks_or_a_week_of_the_story_is_no_date() -> None:
    assert find_times("Chuyến thăm kéo dài hai tuần tới đây.", "2024-09-12") == []
    assert find_times("Một tuần sau đó, hai bên ký kết.", "2024-09-12") == []
    assert find_times("Hai bên đã gặp nhau tuần trước.", "2024-09") == []  # no day to count from


def test_dates_relative_days_count_from_the_dateline_without_a_publication_date() -> None:
    text = (
        "Thủ tướng điện đàm với Thủ tướng Singapore\n\nHà Nội, 10/6/2024 - Hôm qua, Thủ tướng "
        "Phạm Minh Chính đã điện đàm với Thủ tướng Singapore Lawrence Wong."
    )
    assert [e.date for e in extract(text, "t").events] == ["2024-06-09"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ngày 12 tháng Ba năm 2024, hai bên đã hội đàm.", "2024-03-12"),
        ("Hôm 5 tháng Mười Hai, hai bên đã hội đàm.", "2023-12-05"),
        ("Hôm 5 tháng 12, hai bên đã hội đàm.", "2023-12-05"),
        ("Đoàn sẽ sang vào tháng Mười Một.", "2023-11"),
    ],
)
def test_dates_months_in_words_and_hom_before_a_day(text: str, value: str) -> None:
    assert one(text, "2023-12-20").value == value


def test_dates_a_month_word_in_lower_case_is_no_month() -> None:
    # "tháng năm" is time ("những tháng năm"), "tháng Năm" is May.
    assert not find_times("Sau những tháng năm xa cách, hai bên đã gặp lại.", "2023-12-20")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sáng sớm 11/9, Thủ tướng đã hội đàm với Tổng thống Mỹ.", "2023-09-11"),
        ("Tối muộn 11/9, Thủ tướng đã điện đàm với Thủ tướng Nhật Bản.", "2023-09-11"),
        ("Đêm muộn ngày 11/9, Bộ trưởng đã tới Tokyo.", "2023-09-11"),
        ("Sáng sớm 11 tháng 9, Bộ trưởng đã tới Tokyo.", "2023-09-11"),
        ("Sớm nay, Bộ trưởng đã tới Tokyo.", "2023-09-12"),
        ("Sáng sớm nay, Bộ trưởng đã tới Tokyo.", "2023-09-12"),
        ("Sáng sớm qua, Bộ trưởng đã tới Tokyo.", "2023-09-11"),
    ],
)
def test_dates_a_part_of_the_day_early_or_late(text: str, value: str) -> None:
    times = find_times(text, "2023-09-12")
    assert [t.value for t in times] == [value]
    assert text.lower().startswith(times[0].text.lower())


def test_dates_early_or_late_alone_is_no_date_word() -> None:
    assert find_times("Hai bên sẽ ký sớm 3/4 số hợp đồng.", "2023-09-12") == []


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Trong hai ngày 11, 12/9, Thủ tướng đã thăm Lào.", "2023-09-11", "2023-09-12"),
        ("Các ngày 11, 12 và 13/9, Thủ tướng đã thăm Lào.", "2023-09-11", "2023-09-13"),
        ("Hôm 11, 12/9, hai bên đã họp.", "2023-09-11", "2023-09-12"),
        ("Hội nghị họp trong các ngày 28, 29 và 30-6-2005 tại Hà Nội.", "2005-06-28", "2005-06-30"),
    ],
)
def test_dates_a_list_of_days_is_a_range(text: str, first: str, last: str) -> None:
    times = find_times(text, "2023-09-12")
    assert [(t.value, t.end_value) for t in times] == [(first, last)]


@pytest.mark.parametrize("text", ["theo Điều 11, 12/2005 của Luật", "tăng 11, 12/9 lần"])
def test_dates_a_list_of_numbers_without_a_day_word_is_no_date(text: str) -> None:
    assert find_times(text, "2023-09-12") == []


def test_dates_a_month_of_last_year_against_the_anchor_year() -> None:
    assert one("Hai bên đã gặp nhau hồi tháng 11 năm ngoái.", None, 2005).value == "2004-11"
    assert one("Hai bên sẽ gặp nhau vào tháng 3 năm tới.", None, 2005).value == "2006-03"


def test_dates_a_month_of_last_year_against_the_publication_date() -> None:
    # a story of September 2023: its "tháng 5 năm ngoái" is May 2022, not May 2023
    assert one("Hai bên đã gặp nhau hồi tháng 5 năm ngoái.", "2023-09-12").value == "2022-05"
    assert one("Ông thăm Hà Nội ngày 20/11 năm ngoái.", "2023-09-12").value == "2022-11-20"
    assert one("Hai bên sẽ gặp nhau vào tháng 2 năm tới.", "2023-09-12").value == "2024-02"


CHRONOLOGY = (
    "Diễn biến đàm phán\n"
    "Dưới đây là các mốc chính của tiến trình đàm phán.\n"
    "5/11/2003: Hai bên nhất trí mở đàm phán.\n"
    "20/12: Vòng đàm phán thứ nhất diễn ra tại Geneva.\n"
    "2004:\n"
    "15/1: Vòng đàm phán thứ hai kết thúc.\n"
    "3/3: Vòng đàm phán thứ ba bị hoãn.\n"
    "28/12: Hai bên ký thỏa thuận.\n"
    "10/1: Thỏa thuận có hiệu lực.\n"
)


def test_dates_a_chronology_gives_each_entry_the_year_before_it() -> None:
    doc = Doc("d", "")
    doc.body = CHRONOLOGY
    run(doc, Lexicons())
    values = [t.value for t in doc.times]
    assert values == [
        "2003-11-05", "2003-12-20", "2004-01-15", "2004-03-03", "2004-12-28", "2005-01-10"
    ]  # fmt: skip


def test_dates_dated_paragraphs_are_no_chronology_without_entry_marks() -> None:
    text = "Ngày 5/12/2003, hai bên gặp nhau.\nNgày 3/11, hai bên trao đổi.\nNgày 4/11, …\n"
    assert [t.value for t in find_times(text, None, 2003)][1] == "2003-11-03"


def test_dates_anchor_is_not_a_battle_s_days_in_the_lead() -> None:
    # the days of a war told in the lead are history, not the story's "now"
    text = (
        "Hôm nay, Nhật hoàng Akihito tới đảo Saipan thăm một đài tưởng niệm. Khoảng 43.000 "
        "binh sĩ Nhật Bản thiệt mạng trong gần một tháng giao tranh trên đảo Saipan từ 15/6 "
        "đến 9/7/1944."
    )
    assert infer_anchor_year(text) is None


def test_dates_a_past_year_closing_a_noun_phrase_is_not_now() -> None:
    # "hồi năm 2004 này": "này" closes "Người …", the year is a past one
    text = (
        "Người từng hụt chức tổng thống vào tay ông Yushchenko hồi năm 2004 này đã ngay lập "
        "tức kêu gọi các đảng phái đứng về phía ông."
    )
    assert infer_anchor_year(text) is None
    assert infer_anchor_year("Trong năm 2020 này, Việt Nam là Chủ tịch ASEAN.") == 2020


# ---------------------------------------------------------------- so long ago


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Cách đây 3 năm, hai bộ trưởng đã gặp nhau ở Lima.", "2021", "year"),
        ("Hai năm trước, hai bộ trưởng đã gặp nhau ở Lima.", "2022", "year"),
        ("Hai bộ trưởng đã gặp nhau ở Lima cách đây mười năm.", "2014", "year"),
        ("Đúng 5 năm trước đây, hai bộ trưởng đã gặp nhau ở Lima.", "2019", "year"),
        ("Bốn tháng về trước, hai bộ trưởng đã gặp nhau ở Lima.", "2023-11", "month"),
        ("Ba ngày trước, hai bộ trưởng đã gặp nhau ở Lima.", "2024-03-12", "day"),
        ("Cách đây một tuần, hai bộ trưởng đã gặp nhau ở Lima.", "2024-03", "month"),
    ],
)
def test_dates_so_long_before_publication(text: str, value: str, precision: str) -> None:
    m = one(text, "2024-03-15")
    assert (m.value, m.precision, m.relation) == (value, precision, "past")


def test_dates_a_week_ago_across_two_months_has_no_month() -> None:
    # the week of 2024-03-01 runs from February into March
    assert one("Một tuần trước, hai bộ trưởng đã gặp nhau ở Lima.", "2024-03-08").value is None


def test_dates_years_ago_count_from_the_anchor_year_without_publication() -> None:
    assert one("Cách đây 2 năm, hai bộ trưởng đã gặp nhau ở Lima.", None, 2005).value == "2003"
    # days ago stay in the story's year; months ago need the story's month
    assert one("Ba ngày trước, hai bộ trưởng đã gặp nhau.", None, 2005).value == "2005"
    assert one("Ba tháng trước, hai bộ trưởng đã gặp nhau.", None, 2005).value is None


def test_dates_a_rough_count_ago_is_kept_without_a_date() -> None:
    # "hơn 10 năm trước": no year to give, but the mention stands (it dates the clause)
    m = one("Hơn 10 năm trước, hai bộ trưởng đã gặp nhau ở Lima.", "2024-03-15")
    assert (m.value, m.relation) == (None, "past")


@pytest.mark.parametrize(
    "text",
    [
        "Hai năm trước khi nhậm chức, ông đã gặp người đồng cấp.",  # before another time
        "Ba năm trước đó, ông đã gặp người đồng cấp.",  # before the time just told
        "Hai ngày trước cuộc bầu cử, ông đã gặp người đồng cấp.",  # before an event
        "Số du khách tăng 5% so với một năm trước.",  # a comparison
    ],
)
def test_dates_before_another_time_is_not_so_long_ago(text: str) -> None:
    assert [
        t for t in find_times(text, "2024-03-15") if t.relation == "past" and "trước" in t.text
    ] == []


def test_dates_the_opening_day_just_after_a_year_end_publication_is_of_the_new_year() -> None:
    # the page says 31/12, the story opens on 5/1 told as done: days later, not a year before
    m = one("Tối 5/1, hai nhà lãnh đạo đã hội đàm tại Bắc Kinh.", "2025-12-31")
    assert m.value == "2026-01-05"


def test_dates_a_later_yearless_january_day_of_a_year_end_story_stays_in_its_year() -> None:
    # a review of the year: only the story's opening day is moved, not the days it recalls
    found = find_times(
        "Ngày 28/12, Bộ Ngoại giao tổng kết năm. Ngày 5/1, Thủ tướng đã hội đàm với Thủ tướng Lào.",
        "2025-12-31",
    )
    assert [t.value for t in found] == ["2025-12-28", "2025-01-05"]


def test_dates_a_weekday_of_this_week_named_with_nay() -> None:
    # 2005-06-15 is a Wednesday: "thứ Bảy này" is the coming Saturday, "thứ Hai này" the
    # Monday just gone when told as done, the next one when told as to come
    assert one("Thứ bảy này, Tổng thống sẽ tới Ankara.", "2005-06-15").value == "2005-06-18"
    assert one("Hôm thứ Hai này, hai ông đã gặp nhau.", "2005-06-15").value == "2005-06-13"
    assert one("Thứ Hai này, Tổng thống sẽ tới Havana.", "2005-06-15").value == "2005-06-20"


def test_dates_an_ordinal_before_nay_is_no_weekday() -> None:
    assert find_times("Đây là lần thứ hai này ông gặp Thủ tướng Anh.", "2005-06-15") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hai ngoại trưởng đã gặp nhau ở Lima vào ngày 18 tháng trước.", "2024-02-18"),
        ("Hai ngoại trưởng đã gặp nhau ở Lima hôm mồng 4 tháng trước.", "2024-02-04"),
    ],
)
def test_dates_a_day_of_last_month_is_no_count_of_months_ago(text: str, value: str) -> None:
    m = one(text, "2024-03-15")
    assert (m.value, m.precision, m.relation) == (value, "day", "past")


@pytest.mark.parametrize(
    "text",
    [
        "Thương mại hai chiều tăng gấp ba trong 6 năm trước.",  # a length of time
        "Trong 8 ngày trước, đoàn đã làm việc ở Lima.",
        "Số du học sinh nhiều hơn 3 năm trước.",  # a comparison
    ],
)
def test_dates_a_length_or_comparison_is_not_so_long_ago(text: str) -> None:
    assert find_times(text, "2024-03-15") == []


@pytest.mark.parametrize(
    "text",
    [
        "Chuyến công du thứ hai này của Tổng thống tới châu Phi rất thành công.",
        "Phiên họp thứ ba này của hai đoàn đàm phán kéo dài cả ngày.",
    ],
)
def test_dates_a_lower_case_ordinal_before_nay_is_no_weekday(text: str) -> None:
    assert find_times(text, "2005-06-15") == []


def test_dates_a_weekday_with_nay_told_as_done_is_not_after_publication() -> None:
    # 2005-06-13 is a Monday: "Chủ nhật này" told as done is the day before, not the 19th
    m = one("Chủ nhật này, hai ngoại trưởng đã ký thỏa thuận tại Ankara.", "2005-06-13")
    assert m.value == "2005-06-12"
    assert one("Thứ Bảy này, hai ông đã gặp nhau.", "2005-06-13").value == "2005-06-11"


def test_dates_an_opening_january_day_of_a_year_review_stays_in_its_year() -> None:
    # a story of 30/12 that runs from January to December: its opening day is of that year
    found = find_times(
        "Ngày 8/1, Ngoại trưởng đã hội đàm với Ngoại trưởng Lào. Ngày 15/11, Ngoại trưởng "
        "tiếp Đại sứ Pháp.",
        "2025-12-30",
    )
    assert [t.value for t in found] == ["2025-01-08", "2025-11-15"]
