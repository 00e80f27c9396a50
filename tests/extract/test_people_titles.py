"""people/titles: the offices of negotiators, envoys and security chiefs, and their state."""

from diplonews.extract import extract


def people_of(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.country, p.titles) for p in extract(text, "t").people}


def test_a_nuclear_negotiator_is_an_official_of_the_state_named() -> None:
    found = people_of(
        "Nhà đàm phán hạt nhân hàng đầu của Iran Reza Farahani đã gặp Ngoại trưởng Đức "
        "Klaus Brenner tại Vienna."
    )
    assert found["Reza Farahani"] == ("IRN", ["Chief Nuclear Negotiator"])
    assert found["Klaus Brenner"][0] == "DEU"


def test_a_former_security_chief_is_an_official() -> None:
    found = people_of(
        "Tối qua, cựu trưởng lực lượng an ninh Palestine Khaled Nasser thảo luận với "
        "Bộ trưởng Quốc phòng Israel Avi Levin về lệnh ngừng bắn."
    )
    assert found["Khaled Nasser"] == ("PSE", ["Security Chief"])


def test_a_senior_adviser_of_a_state_in_a_list_keeps_that_state() -> None:
    found = people_of(
        "Trước đó, nhà đàm phán Palestine Omar Haddad và cố vấn cao cấp của Israel "
        "Uri Stern có các cuộc họp tại Tel Aviv."
    )
    assert found["Omar Haddad"][0] == "PSE"
    assert found["Uri Stern"] == ("ISR", ["Senior Advisor"])
