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
    assert len(sig) == dedupe.PERMUTATIONS * 4
    assert len(dedupe.band_keys(sig)) == dedupe.BANDS
    assert all(-(2**30) <= key < 2**30 for key in dedupe.band_keys(sig))


def test_short_and_empty_texts_have_signatures() -> None:
    assert dedupe.similarity(dedupe.signature("Hà Nội"), dedupe.signature("Hà Nội")) == 1.0
    assert len(dedupe.signature("")) == dedupe.PERMUTATIONS * 4


def test_content_hash_tells_texts_apart() -> None:
    assert dedupe.content_hash("a") != dedupe.content_hash("b")
    assert dedupe.content_hash("Đối thoại") == dedupe.content_hash("Đối thoại")


def test_signatures_are_datasketchs_affine32_minhash(seed_articles: list[Path]) -> None:
    """The values are datasketch's, so signatures stored before migration 0005 (computed
    with datasketch) and new ones find each other."""
    import zlib

    from datasketch import MinHash

    texts = [p.read_text(encoding="utf-8") for p in seed_articles]
    for text in [*texts, "", "Hà Nội", "một hai ba bốn năm", "một hai ba bốn năm sáu"]:
        reference = MinHash(
            num_perm=dedupe.PERMUTATIONS, seed=1, scheme="affine32", hashfunc=zlib.crc32
        )
        pieces = dedupe.shingles(text)
        if pieces:
            reference.update_batch(pieces)
        assert (dedupe.values(dedupe.signature(text)) == reference.hashvalues).all()


def test_signatures_stored_with_8_byte_values_keep_their_bands_and_similarity(
    seed_articles: list[Path],
) -> None:
    """A store written before migration 0005 holds 1,024-byte signatures; its band keys
    were 63 bits, which the migration shifts to the 31 `band_keys` gives."""
    import hashlib
    import struct

    import numpy as np

    text = seed_articles[0].read_text(encoding="utf-8")
    new = dedupe.signature(text)
    old = np.frombuffer(new, dtype="<u4").astype("<u8").tobytes()
    assert len(old) == dedupe.PERMUTATIONS * 8
    assert dedupe.similarity(old, new) == 1.0
    assert dedupe.band_keys(old) == dedupe.band_keys(new)
    width = dedupe.ROWS * 8
    before = [  # the keys as diplonews computed them before 0005
        struct.unpack(
            "<q",
            hashlib.blake2b(
                old[b * width : (b + 1) * width], digest_size=8, person=struct.pack("<Q", b)
            ).digest(),
        )[0]
        >> 1
        for b in range(dedupe.BANDS)
    ]
    assert [key >> 32 for key in before] == dedupe.band_keys(new)
