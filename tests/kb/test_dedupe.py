"""Near-duplicate detection: syndicated copies are one article, other stories are not."""

from pathlib import Path

from diplonews.kb import dedupe


def test_a_copy_with_a_few_words_changed_is_a_near_duplicate(seed_articles: list[Path]) -> None:
    text = seed_articles[0].read_text(encoding="utf-8")
    copy = (
        "Báo Thế giới & Việt Nam\n" + text.replace("Hàn Quốc", "Hàn Quốc (KOR)", 1) + "\nTheo TTXVN"
    )
    a, b = dedupe.signature(text), dedupe.signature(copy)
    assert dedupe.similarity(a, b) >= dedupe.THRESHOLD
    assert set(dedupe.band_keys(a)) & set(dedupe.band_keys(b))


def test_different_articles_are_not_duplicates(seed_articles: list[Path]) -> None:
    signatures = [dedupe.signature(p.read_text(encoding="utf-8")) for p in seed_articles]
    for i, a in enumerate(signatures):
        for b in signatures[i + 1 :]:
            assert dedupe.similarity(a, b) < 0.3


def test_signatures_are_stable_bytes() -> None:
    sig = dedupe.signature("Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 đã diễn ra tại Vientiane.")
    assert sig == dedupe.signature(
        "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 đã diễn ra tại Vientiane."
    )
    assert len(sig) == dedupe.PERMUTATIONS * 8
    assert len(dedupe.band_keys(sig)) == dedupe.BANDS


def test_short_and_empty_texts_have_signatures() -> None:
    assert dedupe.similarity(dedupe.signature("Hà Nội"), dedupe.signature("Hà Nội")) == 1.0
    assert len(dedupe.signature("")) == dedupe.PERMUTATIONS * 8


def test_content_hash_tells_texts_apart() -> None:
    assert dedupe.content_hash("a") != dedupe.content_hash("b")
    assert dedupe.content_hash("Đối thoại") == dedupe.content_hash("Đối thoại")
