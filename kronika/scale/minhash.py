"""MinHash signatures without a Python step per hashed item and without importing datasketch.

The values are bit for bit those of `datasketch.MinHash(num_perm, seed, scheme="affine32")` (datasketch
2.x's default scheme) fed the same items with `update_batch`: each item's SHA-1, first 4 bytes little
endian, pre-mixed with the MurmurHash3 32-bit finalizer, then each permutation `a * h + b` in uint32
arithmetic, the minimum kept. So signatures stored in ledgers by earlier versions (made with datasketch)
stay comparable with new ones, and nothing needs recomputing (tests/test_minhash.py checks the equality
against datasketch itself). What differs is the cost: the SHA-1 digests of a batch are joined into one
buffer and read as one uint32 array, the permutations are applied to the whole batch as array work, and
datasketch's package import (which pulls in scipy, ~0.6 s and ~60 MB per process) is never paid.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from hashlib import sha1
from itertools import islice
from operator import methodcaller

import numpy as np

BATCH = 4096  # items hashed and permuted at once: a (BATCH, num_perm) uint32 array, 2 MB at 128 permutations
MAX_HASH = np.uint32(0xFFFFFFFF)  # an empty signature (nothing hashed), as datasketch's
_DIGEST = methodcaller("digest")
_M1, _M2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)


@cache
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The affine32 permutations (a odd, b) datasketch draws for `num_perm` and `seed`."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def sha1_hash32(items: list[bytes]) -> np.ndarray:
    """datasketch's `sha1_hash32` of every item, as one uint32 array: a SHA-1 digest is 20 bytes, five
    little-endian uint32 words, and the hash is the first."""
    digests = b"".join(map(_DIGEST, map(sha1, items)))  # no Python step per item
    return np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)


def _fmix32(values: np.ndarray) -> np.ndarray:
    values = values ^ (values >> np.uint32(16))
    values = values * _M1
    values = values ^ (values >> np.uint32(13))
    values = values * _M2
    return values ^ (values >> np.uint32(16))


def minhash(items: Iterable[bytes], num_perm: int, seed: int = 1) -> np.ndarray:
    """The MinHash values (uint32, `num_perm` of them) of the set of `items`."""
    a, b = permutations(num_perm, seed)
    values = np.full(num_perm, MAX_HASH, dtype=np.uint32)
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        hashed = _fmix32(sha1_hash32(batch)).reshape(-1, 1)
        with np.errstate(over="ignore"):
            permuted = hashed * a + b
        np.minimum(values, permuted.min(axis=0), out=values)
    return values
