"""Near-duplicate articles: the same story syndicated by two outlets, or saved twice.

Each article body gets a MinHash signature (datasketch) over its word 5-shingles. The
signature is cut into bands; two articles sharing a band are candidates, and are
duplicates when their estimated Jaccard similarity reaches `THRESHOLD`. Bands are kept
in the store's own index table rather than an in-memory LSH, so memory stays flat
however many articles the store holds and the index survives between runs.

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

if TYPE_CHECKING:  # datasketch loads SciPy: imported when first needed, not at start-up
    from datasketch import MinHash

PERMUTATIONS = 128
BANDS = 32  # of 4 rows: a pair at Jaccard 0.8 shares a band with probability ≈ 1
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8  # estimated Jaccard similarity from which two bodies are one article
SHINGLE = 5  # words
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """Permutations are drawn once; copying them is cheaper than drawing per article."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME, hashfunc=zlib.crc32)


def shingles(text: str) -> list[bytes]:
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> bytes:
    """The MinHash signature of a body, as bytes for the store."""
    from datasketch import MinHash

    minhash = MinHash(
        num_perm=PERMUTATIONS,
        seed=1,
        permutations=_template().permutations,
        scheme=SCHEME,
        hashfunc=zlib.crc32,  # 32 bits, as the scheme wants, and twice as fast as SHA-1
    )
    pieces = shingles(text)
    if pieces:
        minhash.update_batch(pieces)
    return minhash.hashvalues.astype("<u8").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    left = np.frombuffer(a, dtype="<u8")
    right = np.frombuffer(b, dtype="<u8")
    if left.shape != right.shape or not left.size:
        return 0.0
    return float(np.count_nonzero(left == right)) / left.size


def band_keys(sig: bytes) -> list[int]:
    """One signed 63-bit key per band (band number included), for an integer index."""
    keys = []
    width = ROWS * 8
    for band in range(BANDS):
        digest = hashlib.blake2b(
            sig[band * width : (band + 1) * width], digest_size=8, person=struct.pack("<Q", band)
        ).digest()
        keys.append(struct.unpack("<q", digest)[0] >> 1)
    return keys


def content_hash(text: str) -> str:
    """Exact identity of a text (after NFC): the cheap check before any extraction."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
