"""Near-duplicate articles: the same story syndicated by two outlets, or saved twice.

Each article body gets a MinHash signature over its word 5-shingles: crc32 of each
shingle, premixed and permuted as datasketch's `affine32` scheme does (seed 1, 128
permutations), so signatures are the values datasketch gives, computed here in a few
numpy operations over one buffer instead of a Python string per shingle. The
signature is cut into bands; two articles sharing a band are candidates, and are
duplicates when their estimated Jaccard similarity reaches `THRESHOLD`. Bands are kept
in the store's own index table rather than an in-memory LSH, so memory stays flat
however many articles the store holds and the index survives between runs.

A signature is stored as 128 little-endian 32-bit values (512 bytes); stores written
before migration 0005 hold them as 64-bit values (1,024 bytes), which `values` reads
as well: the numbers, and so the band keys, are the same.

Banner lines, bylines and related-news lists differ between outlets; the body the
`clean` stage keeps does not, which is why the body is what gets signed.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

from diplonews.text import fold

if TYPE_CHECKING:  # numpy is imported when first needed, not at start-up
    import numpy as np

PERMUTATIONS = 128
BANDS = 32  # of 4 rows: a pair at Jaccard 0.8 shares a band with probability ≈ 1
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8  # estimated Jaccard similarity from which two bodies are one article
SHINGLE = 5  # words
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
SEED = 1
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
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


# Over UTF-8 bytes: an ASCII byte that is no word character becomes a space; the bytes
# of other characters are kept (a non-word one is replaced by a space before).
_SPACE_NON_WORDS = bytes(b if b >= 0x80 or _WORD.fullmatch(chr(b)) else 0x20 for b in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _shingle_hashes(folded: str) -> np.ndarray:
    """crc32 of each shingle of `shingles(text)` (given `fold(text)`), uint32: the
    words, as `_WORD` finds them, joined by single spaces five at a time, all in C
    loops, straight into the array."""
    import numpy as np

    if not folded.isascii():  # a non-word character outside ASCII ("“", "…") separates
        for char in set(_NON_ASCII.findall(folded)):
            if not _WORD.fullmatch(char):
                folded = folded.replace(char, " ")
    words = folded.encode().translate(_SPACE_NON_WORDS).split()
    if len(words) < SHINGLE:
        return np.array([zlib.crc32(b" ".join(words))] if words else [], dtype=np.uint32)
    tuples = zip(*(words[i:] for i in range(SHINGLE)), strict=False)
    count = len(words) - SHINGLE + 1
    return np.fromiter(map(zlib.crc32, map(b" ".join, tuples)), dtype=np.uint32, count=count)


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
    """One signed 31-bit key per band (band number included), for an integer index.
    The same for a signature stored with 4- or 8-byte values: the band's values are
    hashed as 8-byte ones, as they were stored before migration 0005 (whose keys were
    the 63 bits this keeps the top 31 of)."""
    wide = values(sig).astype("<u8").tobytes()
    width = ROWS * 8
    keys = []
    for band, empty in enumerate(_BAND_HASHES):
        hashed = empty.copy()  # a copy of a keyed hash costs a third less than a new one
        hashed.update(wide[band * width : (band + 1) * width])
        keys.append(_SIGNED_64.unpack(hashed.digest())[0] >> 33)
    return keys


# blake2b of 8 bytes, personalised with the band's number, before any data.
_BAND_HASHES = tuple(
    hashlib.blake2b(digest_size=8, person=struct.pack("<Q", band)) for band in range(BANDS)
)
_SIGNED_64 = struct.Struct("<q")


def content_hash(text: str) -> str:
    """Exact identity of a text (after NFC): the cheap check before any extraction."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
