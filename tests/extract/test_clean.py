"""Tests of diplonews.extract.clean: page furniture out, title, sentences and body_end."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplonews.extract import clean, make_doc
from diplonews.extract.doc import CleanText
from diplonews.extract.lexicons import load
from diplonews.text import normalize_typography
from gold_data import close_text, gold_cases

DATA = Path(__file__).parents[1] / "data"
LEAD = "Ngày 7/6, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã chủ trì Đối thoại Hàn-ASEAN."
SECOND = "Đây là kênh đối thoại thường niên giữa Hàn Quốc và 10 nước ASEAN."
LAST = "Hai bên nhất trí tiếp tục phối hợp chặt chẽ trong thời gian tới./."


GOLD = gold_cases()


def cleaned(*lines: str) -> CleanText:
    return clean.clean_text(unicodedata.normalize("NFC", "\n".join(lines)))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in clean.split_sentences(text)]


# ---------------------------------------------------------------- furniture


def test_clean_weekday_banner_dropped():
    for banner in ("Chủ Nhật, Tháng mười một 24, 2024", "Thứ Bảy, 14/03/2026, 06:41 (GMT+7)"):
        result = cleaned(banner, "Hàn Quốc thúc đẩy hợp tác với ASEAN", LEAD, LAST)
        assert banner not in result.body
        assert result.title == "Hàn Quốc thúc đẩy hợp tác với ASEAN"


def test_clean_enumerating_weekday_word_is_body():
    result = cleaned(LEAD, "Thứ hai, hai bên nhất trí đẩy mạnh hợp tác trong năm 2024.", LAST)
    assert "Thứ hai, hai bên" in result.body


def test_clean_crawler_marker_then_title():
    result = cleaned(" date 2021-07 Hàn Quốc thúc đẩy hợp tác thực chất", "", LEAD, LAST)
    assert result.title == "Hàn Quốc thúc đẩy hợp tác thực chất"
    assert result.marker_date == "2021-07"
    assert "date" not in result.body


def test_clean_crawler_marker_then_lead():
    result = cleaned(f" date 2020-09 {LEAD}", "", SECOND, LAST)
    assert result.title is None
    assert result.body.startswith(LEAD)


def test_clean_crawler_marker_then_photo_credit():
    result = cleaned(" date 2025-10-29 Photo : YONHAP News", "", LEAD, LAST)
    assert result.title is None
    assert "YONHAP" not in result.body


def test_clean_contacts_and_site_chrome_dropped():
    result = cleaned(
        "* Email: bbt.dongnama@gmail.com *Tòa soạn: 0989011688 - 0768908888",
        "spot_img",
        "Tiêu đề bài viết về ASEAN",
        "ĐNA -",
        LEAD,
        "0:00 / 0:00",
        "0:00",
        "📞",
        "![]() |",
        "|",
        LAST,
    )
    assert result.body == f"{LEAD}\n{LAST}"


def test_clean_breadcrumb_dropped():
    result = cleaned(
        "Thứ Bảy, 14/03/2026, 06:41 (GMT+7)",
        "Những chủ trương công tác lớn Tin tức - Thời sự",
        LEAD,
        LAST,
    )
    assert result.title is None
    assert result.body == f"{LEAD}\n{LAST}"


def test_clean_bylines_dropped():
    for byline in (
        "Quang Hòa 18:17 | 28/01/2024",
        "Theo Nguyễn Hồng/ Báo Thế giới & Việt Nam 02/07/2022 10:25 | Chào ngày mới",
        "09:06 - 20/03/2024",
        "Cập nhật: 05/06/2024 10:25",
    ):
        result = cleaned("Tiêu đề bài viết về ASEAN", byline, LEAD, LAST)
        assert result.body == f"{LEAD}\n{LAST}", byline
        assert result.title == "Tiêu đề bài viết về ASEAN"


def test_clean_section_label_after_title_dropped():
    result = cleaned(
        "Việt Nam là ưu tiên của Hàn Quốc", "", "Hợp Tác Việt-Hàn", "09:06 - 20/03/2024", LEAD, LAST
    )
    assert result.title == "Việt Nam là ưu tiên của Hàn Quốc"
    assert result.body == f"{LEAD}\n{LAST}"


@pytest.mark.parametrize(
    "trailer",
    [
        ["Theo Yonhap"],
        ["TTXVN"],
        ["(TTXVN/Vietnam+)"],
        ["(Vietnam+)"],
        ["Hoàng Hạnh"],
        ["Lê Thảo (Lược dịch từ Sputniknews & Yonhap)"],
        ["Minh Anh/VOV-Bắc Kinh"],
        ["Nguyễn Hùng - Phóng viên TTXVN tại Seoul"],
        ["Thu Hà (tổng hợp)"],
        ["Hoàng Hạnh", "Theo Báo Quốc tế"],
    ],
)
def test_clean_final_credit_lines_dropped(trailer):
    result = cleaned(LEAD, SECOND, LAST, "", *trailer)
    assert result.body == f"{LEAD}\n{SECOND}\n{LAST}"
    assert result.body_end == LAST


@pytest.mark.parametrize(
    "caption",
    [
        "Quang cảnh cuộc Đối thoại Hàn-ASEAN . (Ảnh: Bộ Ngoại giao Hàn Quốc cung cấp)",
        "Quang cảnh buổi tham vấn. (Ảnh: Minh Đức/TTXVN)",
        "Đại sứ Vũ Hồ, Quyền Trưởng SOM ASEAN Việt Nam. (Nguồn: TTXVN)",
        "Bộ trưởng Ngoại giao các nước tham dự Hội nghị lần thứ 7. Ảnh: Yonhap",
        "Tổng Bí thư điện đàm với Chủ tịch Trung Quốc. Ảnh: Trí Dũng - TTXVN",
        "Bộ trưởng Nguyễn Xuân Cường đi kiểm tra vùng vải thiều. Ảnh: V.H |",
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn. (Ảnh: Nguyễn Hồng) |",
        "Tiêu đề bài song phương ảnh 1Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn. (Nguồn: Yonhap)",
        "Nguyễn Thị Oanh - huy chương vàng 1.500m |",
        "Ảnh: Reuters",
    ],
)
def test_clean_captions_dropped(caption):
    result = cleaned(LEAD, caption, SECOND, LAST)
    assert result.body == f"{LEAD}\n{SECOND}\n{LAST}"


def test_clean_caption_printed_twice_dropped():
    caption = "Một tiền đồn tại khu vực biên giới Triều Tiên, nhìn từ tỉnh Gyeonggi, Hàn Quốc."
    result = cleaned(LEAD, caption, caption, SECOND, LAST)
    assert caption not in result.body


def test_clean_headline_printed_twice_is_title():
    result = cleaned(
        "Hàn Quốc và ASEAN tăng cường hợp tác", "Hàn Quốc và ASEAN tăng cường hợp tác", LEAD, LAST
    )
    assert result.title == "Hàn Quốc và ASEAN tăng cường hợp tác"
    assert result.body == f"{LEAD}\n{LAST}"


def test_clean_unterminated_line_inside_body_is_caption():
    caption = "Thứ trưởng Nguyễn Minh Vũ cùng Thứ trưởng Vladimir Titov chủ trì Đối thoại"
    result = cleaned(LEAD, caption, SECOND, LAST)
    assert caption not in result.body


def test_clean_repeat_of_body_sentence_dropped():
    repeat = "Bộ trưởng Bùi Thanh Sơn khẳng định, Việt Nam ủng hộ Lào trong năm 2024."
    paragraph = repeat[:-1] + "; phối hợp chặt chẽ với Lào trong việc thúc đẩy hợp tác."
    result = cleaned(LEAD, paragraph, repeat, LAST)
    assert result.body == f"{LEAD}\n{paragraph}\n{LAST}"


def test_clean_links_and_promos_dropped():
    result = cleaned(
        LEAD,
        "[ASEAN 2020: Đối Thoại ASEAN và Hàn Quốc lần thứ 24]",
        SECOND,
        "* Mời quý độc giả theo dõi các chương trình trên TV Online!",
        LAST,
    )
    assert result.body == f"{LEAD}\n{SECOND}\n{LAST}"


@pytest.mark.parametrize(
    "marker",
    [
        "Tin liên quan",
        "Tin mới hơn",
        "Tin khác",
        "Tin cùng chuyên mục",
        "Các tin/bài khác",
        "Bình luận (0)",
        "Phản hồi",
        "TIN LIÊN QUAN",
        "Tags: ASEAN, Hàn Quốc",
    ],
)
def test_clean_related_block_cut(marker):
    result = cleaned(
        LEAD,
        LAST,
        marker,
        "Một biển báo gần lối vào Đại sứ quán. (Ảnh: AFP)",
        "Ngày 15/2, Bộ Ngoại giao Myanmar tuyên bố một quyết định mới.",
    )
    assert result.body == f"{LEAD}\n{LAST}"
    assert result.body_end == LAST


def test_clean_dated_headline_list_cut():
    result = cleaned(
        LEAD,
        LAST,
        "Hà Nội cấp bách kiểm soát ô nhiễm không khí",
        "10:18 | 03/12/2025 Môi trường",
        "Cà Mau tăng cường hỗ trợ pháp luật",
        "10:01 | 03/12/2025 Tin tức",
    )
    assert result.body == f"{LEAD}\n{LAST}"


def test_clean_schedule_inside_body_kept():
    result = cleaned(LEAD, "Chương trình cụ thể:", "8:30 Lễ đón chính thức", "9:00 Hội đàm", LAST)
    assert result.body_end == LAST


@pytest.mark.parametrize(
    "prefix",
    [
        "(Ngày Nay) - ",
        "(VOV5) - ",
        "(BNG) – ",
        "Seoul, 26/8 (TTXVN) - ",
        "VOV.VN - ",
    ],
)
def test_clean_lead_prefix_stripped(prefix):
    result = cleaned("Hàn Quốc kêu gọi ASEAN ủng hộ đối thoại", prefix + LEAD, LAST)
    assert result.body.startswith(LEAD)


def test_clean_lead_with_parenthesis_not_a_prefix():
    lead = "Bộ Ngoại giao (BNG) - cơ quan của Chính phủ, cho biết như vậy."
    assert cleaned(lead, LAST).body.startswith(lead)


# ---------------------------------------------------------------- title


def test_clean_title_is_short_heading_before_body():
    result = cleaned(
        "Việt Nam là cầu nối đưa quan hệ ASEAN-Hàn Quốc lên tầm cao mới", "", LEAD, LAST
    )
    assert result.title == "Việt Nam là cầu nối đưa quan hệ ASEAN-Hàn Quốc lên tầm cao mới"
    assert not result.body.startswith("Việt Nam là cầu nối")


def test_clean_title_none_when_text_starts_with_lead():
    assert cleaned(LEAD, SECOND, LAST).title is None


def test_clean_title_then_sapo_keeps_sapo_in_body():
    sapo = "Tổng thống Singapore là một trong số các nhà lãnh đạo được mời dự lễ nhậm chức."
    result = cleaned("Lãnh đạo Singapore thăm Hàn Quốc", "", sapo, LEAD, LAST)
    assert result.title == "Lãnh đạo Singapore thăm Hàn Quốc"
    assert result.body.startswith(sapo)


def test_clean_title_not_a_caption_or_lone_line():
    assert (
        cleaned("Tổng thống Hàn Quốc Moon Jae-in. (Ảnh: Time Magazine)", LEAD, LAST).title is None
    )
    assert cleaned("Một dòng chữ duy nhất").title is None


def test_clean_title_may_ask_a_question():
    assert cleaned("Vì sao xuất khẩu nông sản đạt kỷ lục?", LEAD, LAST).title == (
        "Vì sao xuất khẩu nông sản đạt kỷ lục?"
    )


# ---------------------------------------------------------------- sentences


def test_clean_sentences_split_on_final_marks():
    text = "Câu một. Câu hai! Câu ba? Câu bốn… Câu năm./."
    assert sentences(text) == ["Câu một.", "Câu hai!", "Câu ba?", "Câu bốn…", "Câu năm./."]


def test_clean_sentences_keep_closing_quotes():
    text = "Ông nói: “Hợp tác là quan trọng.” Hai bên nhất trí."
    assert sentences(text) == ["Ông nói: “Hợp tác là quan trọng.”", "Hai bên nhất trí."]


def test_clean_sentences_split_glued_period():
    text = (
        "Hội nghị Diễn đàn Hợp tác kinh tế (APEC).Tại buổi gặp, hai bên thảo luận.Đáp lại, ông nói."
    )
    assert sentences(text) == [
        "Hội nghị Diễn đàn Hợp tác kinh tế (APEC).",
        "Tại buổi gặp, hai bên thảo luận.",
        "Đáp lại, ông nói.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Cuộc họp tại TP.HCM diễn ra tốt đẹp.",
        "Đại sứ Philippines Noel Eugene Eusebio M.Servigon cho rằng như vậy.",
        "Đại sứ Indonesia Ibnu Hadi S.E cho biết như vậy.",
        "Ông đã tới Washington D.C. vào tuần trước.",
        "GS.TS Nguyễn Văn A và ThS. Trần Thị B phát biểu.",
        "Kim ngạch đạt 196,64 tỉ USD, chạy 1.500m, sáng 24.6 vừa qua.",
        "Quan hệ với U.S. vẫn được duy trì.",
        "Cuộc họp tại TP. Hồ Chí Minh diễn ra tốt đẹp.",
        "Ông John F. Kennedy từng tới đây.",
        "Các lĩnh vực khí hậu, quản lý thiên tai..., đồng thời tăng đầu tư.",
    ],
)
def test_clean_sentences_keep_abbreviations(text):
    assert sentences(text) == [text]


def test_clean_sentences_never_cross_line_breaks():
    text = "Dòng một không có dấu\n  Dòng hai có dấu.  Câu ba.\n\nDòng cuối"
    spans = clean.split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Dòng một không có dấu",
        "Dòng hai có dấu.",
        "Câu ba.",
        "Dòng cuối",
    ]
    assert all("\n" not in text[a:b] and text[a:b] == text[a:b].strip() for a, b in spans)


def test_clean_run_sets_doc_fields():
    doc = make_doc("\n".join(["Tiêu đề về hợp tác ASEAN", LEAD + " " + SECOND, LAST]), "t")
    clean.run(doc, load())
    assert doc.record.title == "Tiêu đề về hợp tác ASEAN"
    assert doc.body == f"{LEAD} {SECOND}\n{LAST}"
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [LEAD, SECOND, LAST]
    assert doc.record.body_end == LAST


# ---------------------------------------------------------------- body_end


def test_clean_body_end_last_sentence_as_written():
    result = cleaned(LEAD, "Câu đầu. Đêm Hòa nhạc sẽ được tổ chức  cùng ngày tại Hà Nội.")
    assert result.body_end == "Đêm Hòa nhạc sẽ được tổ chức  cùng ngày tại Hà Nội."


def test_clean_body_end_skips_text_cut_at_limit():
    head = f"{LEAD}\n{' '.join([SECOND] * 10)}\n{LAST} "
    raw = (head + "Câu bị cắt giữa chừng " * 100)[: clean.TRUNCATION_LIMIT]
    assert clean.clean_text(raw).body_end == LAST


def test_clean_body_end_keeps_unpunctuated_paragraph_of_short_text():
    last = "Các nước nhất trí ưu tiên ứng phó với đại dịch Covid-19"
    assert cleaned(LEAD, SECOND, last).body_end == last


def test_clean_body_end_skips_the_photo_captions_between_the_story_and_its_byline():
    captions = "Chủ tịch nước đón Tổng thống tới dự Quốc yến Tổng thống phát biểu tại Quốc yến"
    assert cleaned(LEAD, SECOND, captions, "THÀNH NAM - HÀM YÊN").body_end == SECOND


def test_clean_body_end_keeps_an_unpunctuated_last_paragraph_with_no_byline():
    # nothing signs the story after it: the writer left the full stop out
    last = "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế và quốc phòng"
    assert cleaned(LEAD, SECOND, last).body_end == last


def test_clean_body_end_skips_paragraph_cut_after_comma():
    assert (
        cleaned(LEAD, SECOND, "Phát biểu tại lễ khai mạc, ông Nguyễn Văn Sơn cho biết, ").body_end
        == SECOND
    )


def test_clean_body_end_skips_fragment_after_last_sentence():
    assert cleaned(LEAD, "Hai bên nhất trí tăng cường trao đổi. Thứ trưởng t").body_end == (
        "Hai bên nhất trí tăng cường trao đổi."
    )


def test_clean_body_end_is_the_wire_end_mark_before_a_byline_on_its_line():
    assert cleaned(LEAD, f"{SECOND} {LAST} Thu Hà - Minh Anh").body_end == LAST


def test_clean_body_end_after_the_wire_end_mark_is_not_read_in_a_sentence():
    # a sentence, not a byline, after the mark: the mark closed an earlier part
    last = "Hội nghị sẽ bế mạc vào ngày mai."
    assert cleaned(LEAD, f"{LAST} {last}").body_end == last


HEADLINES = (
    "Bộ trưởng Ngoại giao tiếp Đại sứ Ba Lan",
    "Hợp tác Việt - Lào trong lĩnh vực năng lượng",
)


@pytest.mark.parametrize(
    "tail",
    [
        HEADLINES,  # other stories listed with no heading the page names
        ("Mời bạn đọc thêm", *HEADLINES),
        ("Đọc thêm", *HEADLINES, "Chủ đề: Quan hệ Việt - Lào, Bộ Ngoại giao"),
        ("Xem thêm:", "Hợp tác năng lượng: vì sao lại chậm?", "Đại sứ Ba Lan chào từ biệt."),
        ("Chủ đề: Quan hệ Việt - Lào, ngoại giao kinh tế",),  # a tag line
        ("#Ngoại giao #Lào #Năng lượng",),
        ("Còn nữa",),  # a series to be continued
        ("Minh Châu | Báo Thời Đại",),  # bylines of shapes the credit lines do not have
        ("Lan Hương/Báo Tin tức",),
        ("Quốc Việt, Thanh Tùng",),
        ("Thanh Hà, từ Viêng Chăn",),
        ("Hải Đăng dịch",),
    ],
)
def test_clean_body_end_skips_the_short_lines_that_end_the_page_after_the_story(tail):
    assert cleaned(LEAD, SECOND, *tail).body_end == SECOND


@pytest.mark.parametrize(
    "last",
    [
        "Các nước nhất trí ưu tiên ứng phó với đại dịch Covid-19",  # the writer left it out
        "Đoàn sẽ rời Hà Nội, tiếp tục chuyến thăm Campuchia",
    ],
)
def test_clean_body_end_keeps_one_unpunctuated_sentence_that_is_no_furniture(last):
    assert cleaned(LEAD, SECOND, last).body_end == last


def test_clean_body_end_keeps_a_numbered_list_the_story_ends_with():
    # the roster the story announces is its own text, not a list of other stories
    roster = ("1- Nguyễn Văn An - Trưởng đoàn", "2- Trần Thị Bình - Phó Trưởng đoàn")
    assert cleaned(LEAD, "Danh sách đoàn gồm các ông bà sau.", *roster).body_end == roster[1]


def test_clean_body_end_keeps_the_story_going_on_after_a_read_more_link():
    # "Xem thêm" with a headline inside the article: a long paragraph follows
    third = (
        "Trong cuộc gặp, hai bên đã trao đổi về tình hình khu vực và quốc tế, nhất trí "
        "tiếp tục phối hợp chặt chẽ tại các diễn đàn đa phương, trong đó có Liên hợp quốc, "
        "ASEAN và Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương trong thời gian tới."
    )
    assert cleaned(LEAD, "Xem thêm", HEADLINES[0], third).body_end == third


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đây là một phần trong chuyến công du Nam Á. Trước đó, ông đã tới Ấn Độ.",
            ["Đây là một phần trong chuyến công du Nam Á.", "Trước đó, ông đã tới Ấn Độ."],
        ),
        ("Ông sẽ thăm Ý. Sau đó ông tới Pháp.", ["Ông sẽ thăm Ý.", "Sau đó ông tới Pháp."]),
        ("Tổng thống John F. Kennedy tới Berlin.", ["Tổng thống John F. Kennedy tới Berlin."]),
    ],
)
def test_clean_a_one_letter_word_with_a_mark_ends_a_sentence(text, expected):
    # "Á", "Ý" are words (Asia, Italy), not initials
    assert sentences(text) == expected


def test_clean_body_end_keeps_ellipsis():
    last = "Ứng phó với các thách thức, ổn định tài chính-kinh tế…"
    assert cleaned(LEAD, last).body_end == last


# ---------------------------------------------------------------- robustness


def test_clean_empty_and_furniture_only():
    for raw in ("", "   \n\n", "Tin liên quan", "spot_img\n|\n0:00", "\x00\x01\ufffd"):
        result = clean.clean_text(raw)
        assert result.body_end is None or isinstance(result.body_end, str)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_never_raises(raw):
    result = clean.clean_text(raw)
    for start, end in clean.split_sentences(result.body):
        assert 0 <= start < end <= len(result.body)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                LEAD,
                SECOND,
                LAST,
                "",
                "Tin liên quan",
                "Theo Yonhap",
                "(Ảnh: TTXVN)",
                "0:00",
                "|",
                " date 2021-07 Tiêu đề",
                "Thứ Hai, 20/03/2024",
                "11:54 | 05/12/2025 Môi trường",
                "Câu bị cắt,",
                "TP.HCM.Tại",
                "./.",
                "(VOV5) - ",
                "…",
                "[Tin]",
                "Ảnh: VGP",
            ]
        ),
        max_size=12,
    ).map("\n".join)
)
def test_clean_never_raises_on_page_pieces(raw):
    result = clean.clean_text(raw)
    assert result.title is None or "\n" not in result.title
    assert result.body_end is None or result.body_end.strip() == result.body_end


# ---------------------------------------------------------------- golden


@pytest.mark.parametrize("text,gold", GOLD, ids=[g["doc_id"] for _, g in GOLD])
def test_clean_golden_title(text, gold):
    doc = make_doc(text, gold["doc_id"])
    clean.run(doc, load())
    assert close_text(gold["title"], doc.record.title, 0.95), (gold["title"], doc.record.title)


@pytest.mark.parametrize("text,gold", GOLD, ids=[g["doc_id"] for _, g in GOLD])
def test_clean_golden_body_end(text, gold):
    doc = make_doc(text, gold["doc_id"])
    clean.run(doc, load())
    assert close_text(gold["body_end"], doc.record.body_end), (
        gold["body_end"],
        doc.record.body_end,
    )


def test_clean_sentences_split_glued_after_a_year():
    text = "Hàn Quốc sẽ tăng viện trợ lên 10 tỷ USD đến năm 2030.Bên lề hội nghị, hai bên hội đàm."
    assert sentences(text) == [
        "Hàn Quốc sẽ tăng viện trợ lên 10 tỷ USD đến năm 2030.",
        "Bên lề hội nghị, hai bên hội đàm.",
    ]


@pytest.mark.parametrize(
    "date", ["28/7", "28-7", "28/7/2022", "28-7-2022", "28 tháng 7", "28 tháng 7 năm 2022"]
)
def test_clean_sentences_split_glued_after_a_day_and_month(date: str) -> None:
    text = f"Hai bên sẽ hội đàm trong ngày {date}.Chánh văn phòng Kim giải thích thêm."
    assert sentences(text) == [
        f"Hai bên sẽ hội đàm trong ngày {date}.",
        "Chánh văn phòng Kim giải thích thêm.",
    ]


def test_clean_sentences_keep_a_decimal_after_a_range_whole() -> None:
    text = "Tăng trưởng đạt 6-7.5% trong năm nay."
    assert sentences(text) == [text]


def test_clean_normalize_typography_leaves_plain_single_spaces() -> None:
    text = "Hai\xa0 bên\u2009đã\t\thội đàm\u200b.\r\nNgày\u202f7/6.\rXong\u2028hết\ufeff."
    assert normalize_typography(text) == "Hai bên đã hội đàm.\nNgày 7/6.\nXong\nhết."


def test_clean_normalize_typography_keeps_clean_text_as_is() -> None:
    text = "Ngày 7/6, hai Bộ trưởng đã hội đàm.\n\nHai bên nhất trí."
    assert normalize_typography(text) == text


def test_clean_normalize_typography_joins_words_with_a_hyphen() -> None:
    text = "Đối thoại ASEAN–Hàn Quốc giai đoạn 2020–2025 \u2011 Tổng thống Yoon Suk\u2010yeol."
    assert normalize_typography(text) == (
        "Đối thoại ASEAN-Hàn Quốc giai đoạn 2020-2025 - Tổng thống Yoon Suk-yeol."
    )
    spaced = "Hà Nội – Sáng nay, hai bên hội đàm — và ký Bản ghi nhớ."
    assert normalize_typography(spaced) == spaced  # dashes between spaces stay


def test_clean_body_end_skips_the_sources_glued_after_the_last_sentence():
    assert cleaned(LEAD, SECOND + " (BBC, CNN, AP)").body_end == SECOND
    assert cleaned(LEAD, SECOND + " (Theo Reuters)").body_end == SECOND


def test_clean_source_line_with_a_link_is_a_credit_not_the_end_of_the_body():
    source = (
        "Nguồn VOV: http://vovnews.vn/home/cuoc-hop-dac-biet-cac-tong-vu-truong/20103/136598.vov"
    )
    result = cleaned(LEAD, SECOND, source)
    assert result.body_end == SECOND
    assert [ln.kind for ln in result.lines if ln.text == source] == [clean.CREDIT]


def test_clean_comment_form_instructions_end_the_body():
    result = cleaned(LEAD, SECOND, "Vui lòng gõ tiếng việt có dấu, cám ơn sự đóng góp của bạn đọc.")
    assert result.body_end == SECOND


def test_clean_sentences_skip_spaces_of_any_width_between_sentences():
    text = "Hai bên hội đàm. \t Sau đó, hai bên ký kết.\tCuộc gặp kết thúc. "
    assert sentences(text) == ["Hai bên hội đàm.", "Sau đó, hai bên ký kết.", "Cuộc gặp kết thúc."]


def test_clean_sentences_cut_a_very_long_sentence_at_spaces():
    text = "Mở đầu. Từ " + "từ " * 2_000 + "hết."
    spans = clean.split_sentences(text)
    assert text[spans[0][0] : spans[0][1]] == "Mở đầu."
    assert all(0 < end - start <= clean.MAX_SENTENCE for start, end in spans)
    assert " ".join(text[a:b] for a, b in spans[1:]) == text[8:]


def test_clean_layout_gives_the_body_sentences_once():
    result = cleaned("Hàn Quốc thúc đẩy hợp tác với ASEAN", LEAD, SECOND + " " + LAST)
    assert result.sentences == clean.split_sentences(result.body)
    assert [result.body[a:b] for a, b in result.sentences] == [LEAD, SECOND, LAST]


def test_clean_body_end_reads_back_into_the_paragraph_before():
    # The last paragraph holds only the sources: the last sentence is the paragraph's before.
    assert cleaned(LEAD, SECOND, "(BBC, CNN, AP)").body_end == SECOND


def test_clean_wire_end_mark_ends_the_body():
    # "./." closes wire copy: the reader's notice and "back to top" after it are the page's.
    closing = "Đây là lần đầu tiên hai nước ký hiệp định này./."
    notice = "LƯU Ý: Tòa soạn sẽ biên tập ý kiến của bạn đọc trước khi xuất bản. Xin cảm ơn."
    result = cleaned(LEAD, closing, "Theo TTXVN", notice, "Quay lên trên")
    assert result.body_end == closing
    assert notice not in result.body
    # Without the mark the same notice is read as body: the mark is what ends it.
    assert cleaned(LEAD, SECOND, notice).body_end != SECOND


def test_clean_back_to_top_link_is_furniture():
    result = cleaned(LEAD, SECOND, "Quay lên trên")
    assert result.body_end == SECOND
