"""Migration 0009: a store signed with the crc32 scheme is signed again, from its stored
bodies, before anything is written into it, so new articles find old ones; a scheme
this diplonews does not know is refused."""

from __future__ import annotations

import os

import pytest

from diplonews.errors import StoreError
from diplonews.extract.lexicons import load
from diplonews.kb import dedupe
from diplonews.kb.store import Store
from diplonews.kb.store.writes import Prepared, Writer
from diplonews.text import fold

BODY = (
    "Chiều 12/3, tại Hà Nội, Thủ tướng Phan Văn Khải đã tiếp Bộ trưởng Ngoại giao Nhật Bản "
    "đang ở thăm chính thức Việt Nam. Hai bên trao đổi về quan hệ hợp tác kinh tế, thương mại "
    "và đầu tư giữa hai nước, cũng như các vấn đề khu vực và quốc tế cùng quan tâm."
)
OTHER = (
    "Sáng nay, Quốc hội thảo luận dự án Luật Đất đai sửa đổi. Nhiều đại biểu đề nghị làm rõ "
    "quyền của người sử dụng đất, việc bồi thường khi Nhà nước thu hồi đất và giá đất."
)


def _prepared(source: str, body: str) -> Prepared:
    return Prepared(
        source=source,
        doc_id=source,
        url=None,
        content_hash=dedupe.content_hash(source + body),
        record={"doc_id": source, "title": None, "events": [], "people": []},
        body=body,
        spans=[],
        signature=dedupe.signature(body),
    )


def _scheme(store: Store) -> str:
    return str(store.query("SELECT name FROM minhash_scheme")[0][0])


def _as_if_signed_by_crc32(store: Store) -> None:
    """What a store written before 0009 holds: other signatures, other band keys."""
    with store.transaction():
        for (article_id,) in store.query("SELECT id FROM articles"):
            store.execute(
                "UPDATE articles SET minhash = ? WHERE id = ?", (os.urandom(512), article_id)
            )
        store.execute("UPDATE minhash_bands SET band_key = band_key + 1")
        store.execute("UPDATE minhash_scheme SET name = 'crc32-affine32'")


def test_a_new_store_holds_this_scheme(store: Store) -> None:
    assert _scheme(store) == dedupe.SCHEME


def test_an_old_store_is_signed_again_before_it_is_written(store: Store) -> None:
    lexicons = load()
    with store.transaction():
        writer = Writer(store, lexicons)
        first = writer.add_article(_prepared("a.txt", BODY))
        second = writer.add_article(_prepared("b.txt", OTHER))
        empty = writer.add_article(_prepared("c.txt", ""))
        writer.finish()
    _as_if_signed_by_crc32(store)
    copy = _prepared("copy.txt", "Theo TTXVN. " + BODY)
    with store.transaction():
        writer = Writer(store, lexicons)  # signs the store again
        writer.look_up_bands([copy])
        assert writer.near_duplicate(copy) is not None
        assert writer.near_duplicate(copy)[0] == first  # type: ignore[index]
    assert _scheme(store) == dedupe.SCHEME
    signatures = dict(store.query("SELECT id, minhash FROM articles"))
    assert bytes(signatures[first]) == dedupe.signature(BODY)
    assert bytes(signatures[second]) == dedupe.signature(OTHER)
    assert bytes(signatures[empty]) == b""  # its whole text is not stored: signed with nothing
    bands = sorted(
        tuple(row) for row in store.query("SELECT band_key, article_id FROM minhash_bands")
    )
    want = sorted(
        {(key, article) for article, body in ((first, BODY), (second, OTHER))
         for key in dedupe.band_keys(dedupe.signature(body))}
    )  # fmt: skip
    assert bands == want
    with store.transaction():  # an article signed with nothing can still go
        Writer(store, lexicons).forget_source("c.txt")


def test_a_scheme_this_diplonews_does_not_know_is_refused(store: Store) -> None:
    with store.transaction():
        store.execute("UPDATE minhash_scheme SET name = 'from-the-future'")
    with pytest.raises(StoreError) as raised, store.transaction():
        Writer(store, load())
    message = str(raised.value)
    assert "\n" not in message
    assert "unknown scheme 'from-the-future'" in message and "upgrade diplonews" in message


def test_a_likeness_near_the_threshold_is_settled_by_the_bodies(store: Store) -> None:
    """Two bodies sharing about four fifths of their shingles: whether they are one
    article is decided by the Jaccard similarity of their shingles, not by how the
    signatures happen to estimate it."""
    words = [f"từ{n}" for n in range(400)]
    body = " ".join(words)
    lexicons = load()
    with store.transaction():
        writer = Writer(store, lexicons)
        stored = writer.add_article(_prepared("a.txt", body))
        writer.finish()
    # Every 44th word changed: Jaccard 0.796, estimated 0.867; every 48th: 0.812 and
    # 0.781 (the estimate alone would decide both wrongly); every 30th: 0.714, 0.664.
    for changed in (range(0, 400, 44), range(0, 400, 48), range(0, 400, 30)):
        other = " ".join(f"khác{n}" if n in changed else w for n, w in enumerate(words))
        item = _prepared("b.txt", other)
        exact = dedupe.jaccard(fold(body), fold(other))
        estimate = dedupe.similarity(dedupe.signature(body), item.signature)
        assert abs(estimate - dedupe.THRESHOLD) <= dedupe.DOUBT
        with store.transaction():
            writer = Writer(store, lexicons)
            writer.look_up_bands([item])
            found = writer.near_duplicate(item)
        if exact >= dedupe.THRESHOLD:
            assert found == (stored, exact)
        else:
            assert found is None
