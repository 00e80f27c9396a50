"""The state of an official told in an aside after the name (round twelve, x-sides4): the
state the rest of the office names ("X, giám đốc Cơ quan Tình báo Iraq, cho biết"), and
asides set off by dashes ("ông X – người đứng đầu phái đoàn Y – cho biết")."""

from diplonews.extract import extract


def people(text: str) -> dict[str, str | None]:
    record = extract(text, "t", published="2005-03-10")
    return {p.name: p.country for p in record.people}


def test_the_state_named_in_the_rest_of_the_office_is_the_holders() -> None:
    found = people(
        "Tin thế giới\nThiếu tướng Robert Hale, phó chỉ huy lực lượng không quân Mỹ tại "
        "Afghanistan, cho biết chiến dịch sẽ kéo dài. Ông Tomas Berg, phát ngôn viên Bộ Y tế "
        "Thái Lan, nói số ca nhiễm đã giảm."
    )
    assert found["Robert Hale"] == "USA"
    assert found["Tomas Berg"] == "THA"


def test_an_organisation_named_in_the_office_is_the_holders() -> None:
    found = people(
        "Tin kinh tế\nÔng Pedro Alvarez, Phó giám đốc thường trực của Ngân hàng Thế giới tại "
        "Việt Nam, cho biết dự án sẽ khởi động vào tháng tới."
    )
    assert found["Pedro Alvarez"] == "WB"


def test_a_state_in_a_firms_or_a_places_name_is_not_the_holders() -> None:
    found = people(
        "Tin kinh tế\nÔng Kenji Mori, Tổng giám đốc Công ty Việt Nhật, cho biết. Ông Hiroshi "
        "Ueda, Tổng giám đốc Honda Việt Nam, nói doanh số tăng."
    )
    assert found.get("Kenji Mori") != "VNM"
    assert found.get("Hiroshi Ueda") != "VNM"


def test_a_vietnamese_name_keeps_its_state_whatever_its_office_names() -> None:
    found = people(
        "Tin giáo dục\nÔng Trần Văn Hải, Giám đốc Trung tâm giáo dục Canada tại Việt Nam, "
        "cho biết học phí năm nay không đổi."
    )
    assert found["Trần Văn Hải"] == "VNM"


def test_an_aside_between_dashes_gives_the_office_and_its_state() -> None:
    record = extract(
        "Tin thế giới\nÔng Lars Holm – người đứng đầu phái đoàn Na Uy – cho biết hai bên sẽ "
        "gặp lại vào tuần tới.",
        "t",
        published="2005-03-10",
    )
    [person] = record.people
    assert (person.name, person.country) == ("Lars Holm", "NOR")
    assert person.titles == ["Head of Delegation"]


def test_a_dash_never_closed_opens_no_aside() -> None:
    found = people(
        "Tin giáo dục\nÔng Mark Dean - Giám đốc tuyển sinh của trường sẽ tổ chức buổi gặp gỡ "
        "tại Hà Nội vào ngày mai."
    )
    assert "Mark Dean" not in found
