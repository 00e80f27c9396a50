"""The counterpart named by rank and state ("người đồng cấp Ấn Độ")."""

from diplonews.extract import extract

TEXT = (
    "Ngày 2/9, Thủ tướng Ấn Độ Narendra Modi tới Hà Nội, bắt đầu chuyến thăm chính thức Việt "
    "Nam. Chủ tịch nước Trương Tấn Sang cho biết Thủ tướng Nguyễn Tấn Dũng sẽ hội đàm với "
    "người đồng cấp Ấn Độ vào ngày 3/9."
)


def test_peers_the_peer_of_a_state_is_its_official_of_the_same_office() -> None:
    events = extract(TEXT, "t", published="2016-09").events
    [talks] = [e for e in events if e.kind == "meeting"]
    assert "Narendra Modi" in {p.name for p in talks.participants}
    assert talks.parties == ["IND", "VNM"]


def test_peers_no_official_of_that_office_no_peer() -> None:
    text = TEXT.replace("Thủ tướng Ấn Độ Narendra Modi", "Tổng thống Ấn Độ Ram Nath Kovind")
    events = extract(text, "t", published="2016-09").events
    [talks] = [e for e in events if e.kind == "meeting"]
    assert "Ram Nath Kovind" not in {p.name for p in talks.participants}
