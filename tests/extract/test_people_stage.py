"""people/stage: who counts as an official without a title."""

from diplonews.extract import extract


def names_of(text: str) -> list[str]:
    return [p.name for p in extract(text, "t").people]


def test_the_head_of_a_delegation_is_an_official_without_a_title() -> None:
    assert "Peter Hollis" in names_of(
        "Hôm qua, một nhóm hạ nghị sĩ Mỹ do ông Peter Hollis dẫn đầu đã tới Tripoli."
    )
    assert "Peter Hollis" in names_of(
        "Các nghị sĩ Mỹ vừa thăm Bình Nhưỡng, dẫn đầu đoàn là ông Peter Hollis."
    )


def test_a_person_named_without_a_title_elsewhere_is_not_an_official() -> None:
    assert names_of("Hôm qua, ông Peter Hollis đã tới Tripoli để du lịch.") == []


def test_people_stage_the_other_side_of_an_officials_meeting_is_an_official() -> None:
    text = (
        "Thị trưởng Matxcơva Ivan Sorokin đến Batumi hôm qua. Ông Sorokin đã có cuộc gặp "
        "với ông Giorgi Beridze."
    )
    assert "Giorgi Beridze" in names_of(text)
    assert "Giorgi Beridze" in names_of(
        "Ngoại trưởng Nga Ivan Sorokin đã gặp ông Giorgi Beridze tại Tbilisi."
    )


def test_people_stage_someone_met_by_no_official_stays_out() -> None:
    # a reporter's interview: nobody the text names as an official holds it
    assert names_of("Phóng viên đã có cuộc gặp với ông Giorgi Beridze về vấn đề này.") == []
