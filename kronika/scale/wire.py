"""Wire copies: the same agency text published by many portals is one report, not twenty.

Each stored article gets a MinHash (datasketch) of its word 5-shingles; its LSH band keys live in the
ledger (`wire_bands`), so a new article finds its candidates with indexed look-ups however large the
ledger is. A candidate whose estimated Jaccard similarity reaches COPY_SIMILARITY makes the new article
a copy of that candidate's original (the first stored article of the text) in `wire_copies`. Every
copy stays in the ledger; `originals` and `independent_reports` are what reconciliation counts with.
"""
from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch pulls in scipy (~60 MB, 0.7 s): imported where a signature is made
    from datasketch import MinHash

NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.6  # LSH banding tuned to this similarity: few misses above COPY_SIMILARITY
COPY_SIMILARITY = 0.7  # a portal's header, a "read also" line or a trimmed paragraph stays above this
SHINGLE_WORDS = 5
SHINGLE_BATCH = 4096
MAX_CANDIDATES = 8  # the candidates sharing most bands are the most similar; the rest are not compared
_WORD = re.compile(r"\w+")
log = logging.getLogger(__name__)


@cache
def _template() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


@cache
def _bands() -> tuple[int, int]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(text: str) -> np.ndarray:
    """The MinHash values of `text`'s word 5-shingles (lower-cased words, punctuation ignored). The
    shingles are hashed a batch at a time: a MinHash of repeated shingles is that of the set, so a
    long article never holds all its shingles at once."""
    from datasketch import MinHash

    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
    shingles = _shingles(text)
    while batch := list(islice(shingles, SHINGLE_BATCH)):
        minhash.update_batch(batch)
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def _shingles(text: str) -> Iterator[bytes]:
    """Every run of SHINGLE_WORDS words, lower-cased; a shorter text is one shingle of all its words."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    for word in _WORD.finditer(text):
        window.append(word.group().lower())
        if len(window) == SHINGLE_WORDS:
            yield " ".join(window).encode()
    if len(window) < SHINGLE_WORDS:
        yield " ".join(window).encode()


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of MinHash values two signatures agree on."""
    return float(np.count_nonzero(first == second)) / len(first)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    bands, rows = _bands()
    return [(band, int.from_bytes(hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(),
                                                  digest_size=8).digest(), "big", signed=True))
            for band in range(bands)]


def link_article(connection: sqlite3.Connection, article: str, text: str,
                 values: np.ndarray | None = None) -> tuple[str, float] | None:
    """Index `article` (its signature `values`, computed here when not given) and link it to the
    original of its closest earlier copy; return (original, similarity) when it is a wire copy. One
    transaction."""
    values = signature(text) if values is None else values
    keys = band_keys(values)
    connection.execute("BEGIN IMMEDIATE")
    try:
        best = _closest(connection, article, values, keys)
        connection.execute("INSERT OR REPLACE INTO wire_signatures (article, signature) VALUES (?, ?)",
                           (article, values.tobytes()))
        connection.executemany("INSERT OR IGNORE INTO wire_bands (band, bucket, article) VALUES (?, ?, ?)",
                               [(band, bucket, article) for band, bucket in keys])
        if best is not None:
            connection.execute("INSERT OR REPLACE INTO wire_copies (article, original, similarity) VALUES (?, ?, ?)",
                               (article, *best))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return best


def _closest(connection: sqlite3.Connection, article: str, values: np.ndarray,
             keys: list[tuple[int, int]]) -> tuple[str, float] | None:
    """The most similar earlier article among those sharing the most bands (an indexed look-up per
    band; at most MAX_CANDIDATES signatures compared, however many near-copies there are)."""
    shared: Counter[str] = Counter()
    for band, bucket in keys:
        shared.update(row[0] for row in connection.execute(
            "SELECT article FROM wire_bands WHERE band = ? AND bucket = ?", (band, bucket)))
    shared.pop(article, None)
    best: tuple[str, float] | None = None
    for candidate, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]:
        row = connection.execute("SELECT signature FROM wire_signatures WHERE article = ?", (candidate,)).fetchone()
        if row is None:
            continue
        score = similarity(values, np.frombuffer(row[0], dtype=np.uint32))
        if score >= COPY_SIMILARITY and (best is None or score > best[1]):
            best = (candidate, score)
    if best is None:
        return None
    root = connection.execute("SELECT original FROM wire_copies WHERE article = ?", (best[0],)).fetchone()
    return (root[0], best[1]) if root else best


def originals(connection: sqlite3.Connection) -> dict[str, str]:
    """Each wire copy's original article."""
    return dict(connection.execute("SELECT article, original FROM wire_copies").fetchall())


def independent_reports(articles: Iterable[str], copies: dict[str, str]) -> int:
    """How many independent reports `articles` are: every wire copy counts as its original."""
    return len({copies.get(article, article) for article in articles})


def link_stored(connection: sqlite3.Connection, article: str, text: str, values: np.ndarray | None = None) -> None:
    """`link_article` for an article just stored: a failure here is logged and leaves the article as it is
    (stored, not linked), never turns it into a rejection."""
    try:
        link_article(connection, article, text, values)
    except Exception:
        log.exception("could not look for wire copies of %s", article)
