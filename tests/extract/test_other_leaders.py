"""Leaders beside whom a subject acts: only others' leaders make a
gathering with no foreign state diplomacy, and the audit mode reads as production."""

import pytest

from diplonews.extract import extract
from diplonews.extract.events import audit


def events(text: str) -> list:
    return extract(text, "t", published="2025-03-06").events


HOME_LEADERS = [
    (
        "Tin trong nước\nSáng 5/3/2025, tại Hà Nội, Tổng Bí thư Tô Lâm cùng các lãnh đạo Đảng, "
        "Nhà nước dự Hội nghị tổng kết công tác năm 2024 của ngành Ngoại giao. Năm qua, quan hệ "
        "với Nhật Bản tiếp tục phát triển."
    ),
    (
        "Tin trong nước\nChiều 5/3/2025, Thủ tướng Phạm Minh Chính cùng các lãnh đạo bộ, ngành "
        "đã có buổi đối thoại với doanh nghiệp. Các doanh nghiệp Hàn Quốc cũng được mời."
    ),
]


@pytest.mark.parametrize("text", HOME_LEADERS)
def test_home_leaders_beside_the_subject_do_not_make_a_meeting_diplomacy(text: str) -> None:
    assert events(text) == []


def test_leaders_of_the_economies_make_a_gathering_diplomacy() -> None:
    found = events(
        "Tin ngoại giao\nChiều 5/3/2025, Chủ tịch nước Lương Cường cùng lãnh đạo các nền kinh "
        "tế đã có buổi đối thoại với Hội đồng Tư vấn kinh doanh."
    )
    assert [(e.parties, [p.name for p in e.participants]) for e in found] == [
        (["VNM"], ["Lương Cường"])
    ]


UNMARKED = (
    "Tin trong nước\nChiều 5/3/2025, Chủ tịch nước Lương Cường cùng các nhà lãnh đạo đã có "
    "buổi đối thoại với doanh nghiệp."
)


@pytest.mark.parametrize("text", [UNMARKED, *HOME_LEADERS])
def test_the_audit_mode_reads_as_production(text: str, monkeypatch) -> None:
    production = [e.to_dict() for e in events(text)]
    monkeypatch.setattr(audit, "SINK", [])
    assert [e.to_dict() for e in events(text)] == production
