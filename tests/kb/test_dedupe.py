"""Near-duplicate detection: syndicated copies are one article, other stories are not."""

from pathlib import Path

from diplonews.kb import dedupe
from diplonews.text import fold


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
    assert len(sig) == dedupe.PERMUTATIONS * 4
    assert len(dedupe.band_keys(sig)) == dedupe.BANDS
    assert all(-(2**30) <= key < 2**30 for key in dedupe.band_keys(sig))


def test_short_and_empty_texts_have_signatures() -> None:
    assert dedupe.similarity(dedupe.signature("Hà Nội"), dedupe.signature("Hà Nội")) == 1.0
    assert len(dedupe.signature("")) == dedupe.PERMUTATIONS * 4


def test_content_hash_tells_texts_apart() -> None:
    assert dedupe.content_hash("a") != dedupe.content_hash("b")
    assert dedupe.content_hash("Đối thoại") == dedupe.content_hash("Đối thoại")


def test_signatures_are_datasketchs_affine32_minhash_of_the_shingle_hash(
    seed_articles: list[Path],
) -> None:
    """The values are datasketch's MinHash (affine32, seed 1) given `shingle_hash`, the
    hash `_shingle_hashes` computes for every shingle of a body at once."""
    from datasketch import MinHash

    texts = [p.read_text(encoding="utf-8") for p in seed_articles]
    for text in [*texts, "", "Hà Nội", "một hai ba bốn năm", "“Hà Nội” … là thủ đô, 2006."]:
        reference = MinHash(
            num_perm=dedupe.PERMUTATIONS, seed=1, scheme="affine32", hashfunc=dedupe.shingle_hash
        )
        pieces = dedupe.shingles(text)
        if pieces:
            reference.update_batch(pieces)
        assert (dedupe.values(dedupe.signature(text)) == reference.hashvalues).all()


def test_long_texts_are_hashed_in_segments_as_whole() -> None:
    """A body longer than a segment is cut at spaces, and a word longer than a segment
    is hashed alone: every shingle's hash is still `shingle_hash` of its text."""
    words = ["hà", "nội", "việt", "nam", "asean", "2006", "hội", "nghị"]
    text = " ".join(words[(i * 7 + i // 5) % len(words)] for i in range(30_000))
    text += " " + "x" * (dedupe._SEGMENT + 10) + " yy zz " + "q" * (2 * dedupe._SEGMENT) + " cuối"
    hashes = dedupe._shingle_hashes(fold(text))
    assert hashes.tolist() == [dedupe.shingle_hash(s) for s in dedupe.shingles(text)]


def test_signatures_stored_with_8_byte_values_keep_their_bands_and_similarity(
    seed_articles: list[Path],
) -> None:
    """A store written before migration 0005 held 1,024-byte signatures: read as the same
    values."""
    import numpy as np

    text = seed_articles[0].read_text(encoding="utf-8")
    new = dedupe.signature(text)
    old = np.frombuffer(new, dtype="<u4").astype("<u8").tobytes()
    assert len(old) == dedupe.PERMUTATIONS * 8
    assert dedupe.similarity(old, new) == 1.0
    assert dedupe.band_keys(old) == dedupe.band_keys(new)


def test_a_signature_of_nothing_has_no_bands_and_is_like_none() -> None:
    """An article signed with nothing (`writes.sign_again`: no body to sign)."""
    assert dedupe.band_keys(b"") == []
    assert dedupe.similarity(b"", dedupe.signature("Hà Nội")) == 0.0
