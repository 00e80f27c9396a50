"""Events stage, recall (second round): triggers, posts, venues and coordinated verbs."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2023-09-12") -> list[Event]:
    return extract(text, "t", published=published).events


def sides(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def test_video_call_is_a_call() -> None:
    [event] = events_of(
        "Chiều 12/9, Thủ tướng Phạm Minh Chính có cuộc gọi video với Thủ tướng Nhật Bản "
        "Kishida Fumio."
    )
    assert event.kind == "call"
    assert set(event.parties) == {"JPN", "VNM"}


def test_receiving_credentials_receives_the_envoy() -> None:
    [event] = events_of(
        "Sáng 12/9, Chủ tịch nước Võ Văn Thưởng nhận Quốc thư của Đại sứ Pháp Olivier Brochet."
    )
    assert event.kind == "meeting"
    assert sides(event) == {"Võ Văn Thưởng": "chair", "Olivier Brochet": "participant"}


def test_working_visit_at_a_state_is_a_trip_not_a_post() -> None:
    for text in (
        "Ngày 12/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn có chuyến thăm làm việc tại Nhật Bản.",
        "Ngày 12/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn sang thăm và làm việc tại Nhật Bản.",
    ):
        [event] = events_of(text)
        assert (event.kind, sorted(event.parties)) == ("visit", ["JPN", "VNM"])


def test_working_at_a_state_is_still_a_post() -> None:
    assert events_of("Ông Nguyễn Văn Hùng hiện làm việc tại Nhật Bản.") == []


def test_visiting_a_factory_or_a_site_is_not_a_state_visit() -> None:
    assert events_of("Ngày 12/9, Thủ tướng Phạm Minh Chính thăm nhà máy Toyota tại Aichi.") == []
    assert events_of("Hôm qua, nghị sĩ New Zealand Sue Brown thăm làng Hữu Nghị (Việt Nam).") == []


def test_venue_after_a_lowercase_noun_places_the_meeting() -> None:
    [event] = events_of(
        "Ngày 12/9, Tổng thống Nga Vladimir Putin đã tiếp Thủ tướng Lào Sonexay Siphandone "
        "tại điện Kremlin."
    )
    assert event.location == "Moscow"


def test_coordinated_verbs_share_plan_and_keep_their_own_counterpart() -> None:
    events = events_of(
        "Trong chuyến thăm, Thủ tướng Phạm Minh Chính sẽ hội kiến Tổng thống Lào Thongloun "
        "Sisoulith, hội kiến Chủ tịch Quốc hội Lào Saysomphone Phomvihane và gặp Thủ tướng "
        "Lào Sonexay Siphandone."
    )
    met = [name for e in events for name in sides(e) if name != "Phạm Minh Chính"]
    assert sorted(met) == ["Saysomphone Phomvihane", "Sonexay Siphandone", "Thongloun Sisoulith"]
    assert {e.status for e in events} == {"planned"}


def test_talks_that_only_date_a_reception_keep_their_own_sides() -> None:
    events = events_of(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone. "
        "Sau hội đàm, Chủ tịch nước Võ Văn Thưởng tiếp Thủ tướng Lào Sonexay Siphandone."
    )
    talks, reception = events
    assert set(sides(talks)) == {"Phạm Minh Chính", "Sonexay Siphandone"}
    assert sides(reception) == {"Võ Văn Thưởng": "chair", "Sonexay Siphandone": "participant"}


def test_trip_only_to_attend_a_named_meeting_is_the_meeting() -> None:
    [event] = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính tới Jakarta dự Hội nghị Bộ trưởng Năng lượng ASEAN."
    )
    assert (event.kind, event.location) == ("meeting", "Jakarta")


def test_trip_to_a_meeting_with_the_host_is_a_visit_too() -> None:
    events = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính tới Viêng Chăn dự Hội nghị cấp cao Việt Nam - Lào."
    )
    assert sorted(e.kind for e in events) == ["meeting", "visit"]


def test_talks_whose_setting_names_the_other_side_take_the_main_subject() -> None:
    events = events_of(
        "Tổng thống Mỹ George W. Bush đón Thủ tướng Phan Văn Khải tại Nhà Trắng. Sau cuộc "
        "thảo luận với Tổng thống nước chủ nhà, Thủ tướng Phan Văn Khải tiếp Bộ trưởng Quốc "
        "phòng Mỹ Donald Rumsfeld."
    )
    talks = [e for e in events if "Donald Rumsfeld" not in sides(e)]
    assert talks and set(sides(talks[0])) == {"George W. Bush", "Phan Văn Khải"}


def test_a_round_of_negotiations_in_older_wording_is_a_meeting() -> None:
    [event] = events_of(
        "Trong các cuộc thương lượng song phương giữa Việt Nam và Mỹ tuần trước, hai bên đạt "
        "được những tiến triển đáng kể."
    )
    assert (event.kind, sorted(event.parties)) == ("meeting", ["USA", "VNM"])


def test_bargaining_by_the_bare_verb_or_its_process_is_no_event() -> None:
    for text in (
        "Ông Didier Julia tới Iraq, định tự mình thương lượng để giải cứu 2 nhà báo Pháp.",
        (
            "Korei bình luận rằng Tổng thống Mỹ Bush đã huỷ hoại tiến trình thương lượng hoà "
            "bình với Palestine."
        ),
    ):
        assert events_of(text) == []


def test_willing_to_hold_talks_is_no_event() -> None:
    assert (
        events_of(
            "Tổng thống Palestine Mahmoud Abbas khẳng định Palestine sẵn sàng tiến hành các cuộc "
            "đàm phán hòa bình với Israel."
        )
        == []
    )


def test_a_delegation_led_by_a_titled_official_travels_with_its_leader() -> None:
    [event] = events_of(
        "Một phái đoàn nghị sĩ Mỹ do dân biểu Curt Weldon dẫn đầu đã tới Tripoli hôm thứ hai "
        "nhằm cải thiện quan hệ song phương."
    )
    assert (event.kind, sorted(event.parties)) == ("visit", ["LBY", "USA"])
    assert [p.name for p in event.participants] == ["Curt Weldon"]


def test_tt_is_a_president_before_a_foreign_name() -> None:
    [event] = events_of("TT Bush đã gặp TT Roh Moo-hyun tại Nhà Trắng ngày 5/6/2004.")
    assert (event.kind, sorted(event.parties)) == ("meeting", ["KOR", "USA"])
    assert sorted(p.name for p in event.participants) == ["Bush", "Roh Moo-hyun"]


def test_tt_for_a_centre_names_no_president() -> None:
    record = extract(
        "Tại TT LTĐH số 371 Nguyễn Kiệm, nhiều học viên cho biết TT Tân Khoa và TT số 101 "
        "Nguyễn Cửu Vân đông hơn. Theo số liệu của TT thì năm nay số học viên giảm.",
        "t",
        published="2023-09-12",
    )
    assert record.people == []


def test_a_trip_told_as_the_setting_is_the_official_named_before() -> None:
    [event] = events_of("Ngoại trưởng Mỹ Colin Powell nhấn mạnh điều này nhân chuyến thăm Hungary.")
    assert (event.kind, sorted(event.parties)) == ("visit", ["HUN", "USA"])
    assert [p.name for p in event.participants] == ["Colin Powell"]


def test_a_setting_trip_to_the_speakers_own_state_is_no_visit() -> None:
    assert events_of("Ông Nguyễn Văn An cho biết điều này trong chuyến thăm Việt Nam.") == []
