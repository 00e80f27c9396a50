"""Near-duplicate articles: the same story syndicated by two outlets, or saved twice.

Each article body gets a MinHash signature over its word 5-shingles (`SCHEME`): each
word hashed once, as a polynomial over its UTF-8 bytes, and each run of five word
hashes combined into one 32-bit shingle hash, all in a few numpy operations over the
body's bytes; then premixed and permuted as datasketch's `affine32` scheme does (seed
1, 128 permutations): the values are datasketch's `MinHash` given `shingle_hash` as its
hash function. The signature is cut into bands; two articles sharing a band are
candidates, and are duplicates when the Jaccard similarity of their shingles reaches
`THRESHOLD`: as the signatures estimate it, or, when the estimate is within `DOUBT` of
the threshold, as the bodies give it (`jaccard`; `writes`). Bands are kept in the store's own index table rather than an in-memory
LSH, so memory stays flat however many articles the store holds and the index survives
between runs.

A signature is stored as 128 little-endian 32-bit values (512 bytes); stores written
before migration 0005 hold them as 64-bit values (1,024 bytes), which `values` reads
as well. Stores written before migration 0009 hold signatures of the scheme before
this one (crc32 of each shingle, `OLD_SCHEMES`): `writes.Writer` signs their articles
again, from their stored bodies, before it writes into them.

Banner lines, bylines and related-news lists differ between outlets; the body the
`clean` stage keeps does not, which is why the body is what gets signed.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplonews.text import fold

if TYPE_CHECKING:  # numpy is imported when first needed, not at start-up
    import numpy as np

PERMUTATIONS = 128
BANDS = 32  # of 4 rows: a pair at Jaccard 0.8 shares a band with probability ≈ 1
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8  # Jaccard similarity of their shingles from which two bodies are one article
# Two signatures estimate it within 0.04 (one standard deviation, at 0.8 and 128 values);
# an estimate this near the threshold is settled by the bodies' shingles (`jaccard`).
DOUBT = 0.15
SHINGLE = 5  # words
# The signatures a store holds (its `minhash_scheme` row, migration 0009): this one's
# shingle hashes (`_shingle_hashes`) under datasketch's affine32 permutations, seed 1.
SCHEME = "words5-affine32"
OLD_SCHEMES = ("crc32-affine32",)  # crc32 of each shingle's text: signed again from bodies
SEED = 1
# Word hashes: sum of byte * _BASE ** (its place in the word) mod 2^64 (FNV's prime), and
# a shingle's hash: sum of its words' hashes * _SHINGLE_KEYS[place] mod 2^64, top 32 bits.
_BASE = 0x100000001B3
_SHINGLE_KEYS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
)
_SEGMENT = 1 << 16  # bytes hashed at a time (a power table's length)
# MurmurHash3's 32-bit finalizer, datasketch's premix of each shingle hash (affine32).
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _fmix32() -> tuple[np.uint32, ...]:
    """`_FMIX32` as numpy scalars, made once rather than five a signature."""
    import numpy as np

    return tuple(np.uint32(value) for value in _FMIX32)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for seed 1: h -> a * h + b mod 2^32."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def shingles(text: str) -> list[bytes]:
    """The body's shingles as text (five words joined by spaces, or all its words when
    it has fewer): what `shingle_hash` hashes, for tests and datasketch."""
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def shingle_hash(shingle: bytes) -> int:
    """One shingle's 32-bit hash, word by word, as `_shingle_hashes` computes it for
    all of a body's shingles at once (its words are separated by single spaces)."""
    total = 0
    for place, word in enumerate(shingle.split(b" ")):
        hashed = sum(byte * pow(_BASE, j, 1 << 64) for j, byte in enumerate(word))
        total += hashed * _SHINGLE_KEYS[place]
    return (total % (1 << 64)) >> 32


# Over UTF-8 bytes: an ASCII byte that is no word character becomes a space; the bytes
# of other characters are kept (a non-word one is replaced by a space before).
_SPACE_NON_WORDS = bytes(b if b >= 0x80 or _WORD.fullmatch(chr(b)) else 0x20 for b in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=1)
def _powers() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_BASE ** i and its inverse ** i mod 2^64 for i < _SEGMENT + 1, and _SHINGLE_KEYS."""
    import numpy as np

    base = np.full(_SEGMENT + 1, _BASE, dtype=np.uint64)
    base[0] = 1
    inverse = np.full(_SEGMENT + 1, pow(_BASE, -1, 1 << 64), dtype=np.uint64)
    inverse[0] = 1
    keys = np.array(_SHINGLE_KEYS, dtype=np.uint64)
    return np.cumprod(base), np.cumprod(inverse), keys


def _word_hashes(data: bytes) -> np.ndarray:
    """The hash of each word of `data` (runs of bytes other than a space; `data` begins
    and ends with one), uint64: a running sum of byte * _BASE ** place, its difference
    over each word, moved to the word's start by the inverse power. A text longer than
    `_SEGMENT` is hashed a segment at a time, each cut at a space (a word longer than a
    segment is hashed alone, `_long_word_hash`)."""
    import numpy as np

    powers, inverses, _ = _powers()
    pieces = []
    start = 0  # at a space
    while start < len(data) - 1:
        end = min(len(data), start + _SEGMENT)
        if end < len(data):
            end = data.rfind(b" ", start + 1, end) + 1
            if end <= 0:  # one word longer than a segment
                end = data.index(b" ", start + 1)
                pieces.append(np.array([_long_word_hash(data[start + 1 : end])], np.uint64))
                start = end
                continue
        piece = np.frombuffer(data, dtype=np.uint8, count=end - start, offset=start)
        word = piece != 0x20
        edges = np.flatnonzero(word[1:] != word[:-1]) + 1
        starts, ends = edges[0::2], edges[1::2]  # word i: from starts[i] to ends[i]
        sums = np.empty(piece.size + 1, dtype=np.uint64)
        sums[0] = 0
        np.cumsum(piece * powers[: piece.size], out=sums[1:])
        pieces.append((sums[ends] - sums[starts]) * inverses[starts])
        start = end - 1
    if not pieces:
        return np.empty(0, dtype=np.uint64)
    return np.concatenate(pieces) if len(pieces) > 1 else pieces[0]


def _long_word_hash(word: bytes) -> int:
    """`_word_hashes` of one word longer than `_SEGMENT` bytes, a segment at a time."""
    import numpy as np

    powers = _powers()[0]
    total = 0
    for start in range(0, len(word), _SEGMENT):
        piece = np.frombuffer(
            word, dtype=np.uint8, count=min(_SEGMENT, len(word) - start), offset=start
        )
        part = int((piece * powers[: piece.size]).sum(dtype=np.uint64))
        total += part * pow(_BASE, start, 1 << 64)
    return total % (1 << 64)


def _shingle_hashes(folded: str) -> np.ndarray:
    """`shingle_hash` of each shingle of `shingles(text)` (given `fold(text)`), uint32:
    the words, as `_WORD` finds them, each hashed once (`_word_hashes`), five at a time
    combined."""
    import numpy as np

    if not folded.isascii():  # a non-word character outside ASCII ("“", "…") separates
        for char in set(_NON_ASCII.findall(folded)):
            if not _WORD.fullmatch(char):
                folded = folded.replace(char, " ")
    words = _word_hashes(b" " + folded.encode().translate(_SPACE_NON_WORDS) + b" ")
    keys = _powers()[2]
    count = max(len(words) - SHINGLE + 1, 1 if len(words) else 0)
    combined = words[:count] * keys[0]
    for place in range(1, min(SHINGLE, len(words))):
        combined += words[place : place + count] * keys[place]
    combined >>= np.uint64(32)
    return combined.astype(np.uint32)


def minhash(folded: str) -> np.ndarray:
    """The 128 MinHash values of a folded body (uint32), as datasketch's affine32 gives
    them for the shingles of the body."""
    import numpy as np

    hv = _shingle_hashes(folded)
    if not hv.size:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _fmix32()
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = _permutations()
    products = np.multiply.outer(hv, a)  # shingles × permutations
    products += b
    values: np.ndarray = products.min(axis=0)
    return values


def signature(text: str) -> bytes:
    """The MinHash signature of a body, as bytes for the store (128 × 4 bytes)."""
    return signature_of_folded(fold(text))


def signature_of_folded(folded: str) -> bytes:
    """`signature(text)` given `fold(text)`, for a caller that has it already."""
    return minhash(folded).astype("<u4").tobytes()


def values(sig: bytes) -> np.ndarray:
    """A stored signature's values, whichever width it was stored with (4 or 8 bytes)."""
    import numpy as np

    if len(sig) == PERMUTATIONS * 8:
        return np.frombuffer(sig, dtype="<u8")
    return np.frombuffer(sig, dtype="<u4").astype("<u8")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    left, right = values(a), values(b)
    if left.shape != right.shape or not left.size:
        return 0.0
    return float(np.count_nonzero(left == right)) / left.size


def band_keys(sig: bytes) -> list[int]:
    """One signed 31-bit key per band (band number included), for an integer index: the
    band's values times the band's own odd 64-bit keys, summed mod 2^64, top 31 bits.
    [] for a signature of no values (an article signed with nothing, `writes`)."""
    import numpy as np

    rows = values(sig)
    if rows.size != PERMUTATIONS:
        return []
    mixed = (rows.reshape(BANDS, ROWS) * _band_keys()).sum(axis=1, dtype=np.uint64)
    keys: list[int] = ((mixed >> np.uint64(33)).astype(np.int64) - (1 << 30)).tolist()
    return keys


@lru_cache(maxsize=1)
def _band_keys() -> np.ndarray:
    """The odd 64-bit multipliers of each band's values (fixed: stored keys depend on them)."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    return gen.randint(0, 1 << 63, (BANDS, ROWS), dtype=np.uint64) * np.uint64(2) + np.uint64(1)


def jaccard(folded: str, other: str) -> float:
    """The Jaccard similarity of two folded bodies' shingle sets (by their hashes)."""
    left, right = set(_shingle_hashes(folded).tolist()), set(_shingle_hashes(other).tolist())
    union = len(left | right)
    return len(left & right) / union if union else 1.0


def content_hash(text: str) -> str:
    """Exact identity of a text (after NFC): the cheap check before any extraction."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
