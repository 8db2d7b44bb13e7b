"""Wire copies: the same agency text published by many portals is one report, not twenty.

Each stored article gets a MinHash (datasketch's values, made by kronika.scale.minhash) of its word
5-shingles; its LSH band keys live in the ledger (`wire_bands`), so a new article finds its candidates
with indexed look-ups however large the ledger is. A candidate whose estimated Jaccard similarity
reaches COPY_SIMILARITY makes the new article a copy of that candidate's original (the first stored
article of the text) in `wire_copies`. Every copy stays in the ledger; `originals` and
`independent_reports` are what reconciliation counts with.
"""
from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import numpy as np

from kronika.ledger.store import atomic
from kronika.scale.minhash import minhash

NUM_PERM = 128  # datasketch's MinHash(num_perm=128, seed=1), scheme affine32 (kronika.scale.minhash)
CANDIDATE_THRESHOLD = 0.6  # LSH banding tuned to this similarity: few misses above COPY_SIMILARITY
# datasketch's MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM) bands, fixed here because the
# band keys are stored (tests/test_minhash.py checks them against datasketch).
BANDS, ROWS = 18, 7
COPY_SIMILARITY = 0.7  # a portal's header, a "read also" line or a trimmed paragraph stays above this
SHINGLE_WORDS = 5
WORD_BATCH = 8192
WHOLE_TEXT = 200_000  # characters: a text up to this long has its words read in one batch
MAX_CANDIDATES = 8  # the candidates sharing most bands are the most similar; the rest are not compared
_WORD = re.compile(r"\w+")
# The earlier articles sharing most bands with a new one, most first (then by id), counted by SQLite.
_BAND = "SELECT article FROM wire_bands WHERE band = ? AND bucket = ?"
_SHARING = (f"SELECT article FROM ({' UNION ALL '.join([_BAND] * BANDS)}) WHERE article != ?"
            " GROUP BY article ORDER BY count(*) DESC, article LIMIT ?")
log = logging.getLogger(__name__)


def signature(text: str) -> np.ndarray:
    """The MinHash values of `text`'s word 5-shingles (lower-cased words, punctuation ignored). The
    shingles are made and hashed a batch at a time, so a long article never holds all of them at once
    (a MinHash of repeated shingles is that of the set)."""
    return minhash(_shingles(text), NUM_PERM)


def _shingles(text: str) -> Iterator[bytes]:
    """Every run of SHINGLE_WORDS words, lower-cased; a shorter text is one shingle of all its words.
    Words are read WORD_BATCH at a time (`_word_batches`), each batch carrying on the last words of the
    one before."""
    words: list[bytes] = []
    for batch in _word_batches(text):
        words = words[len(words) - SHINGLE_WORDS + 1:] + batch if len(words) >= SHINGLE_WORDS else words + batch
        if len(words) >= SHINGLE_WORDS:
            runs = zip(*(words[k : len(words) - SHINGLE_WORDS + 1 + k] for k in range(SHINGLE_WORDS)), strict=True)
            yield from map(b" ".join, runs)
    if len(words) < SHINGLE_WORDS:
        yield b" ".join(words)


def _word_batches(text: str) -> Iterator[list[bytes]]:
    """The words of `text`, lower-cased and UTF-8 encoded, in batches. A text up to WHOLE_TEXT characters
    is one batch, made without a Python step per word: the words joined by spaces, lower-cased, encoded
    and split again are each word's own (a word holds no space, and lower-casing a word does not look
    past its ends); a longer one WORD_BATCH words at a time, so it never holds all of them at once."""
    if len(text) <= WHOLE_TEXT:
        if found := _WORD.findall(text):
            yield " ".join(found).lower().encode().split(b" ")
        return
    matches = _WORD.finditer(text)
    while batch := [match.group().lower().encode() for match in islice(matches, WORD_BATCH)]:
        yield batch


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of MinHash values two signatures agree on."""
    return float(np.count_nonzero(first == second)) / len(first)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    return [(band, int.from_bytes(hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(),
                                                  digest_size=8).digest(), "big", signed=True))
            for band in range(BANDS)]


def link_article(connection: sqlite3.Connection, article: str, text: str,
                 values: np.ndarray | None = None,
                 also: Callable[[sqlite3.Connection], None] | None = None) -> tuple[str, float] | None:
    """Index `article` (its signature `values`, computed here when not given) and link it to the
    original of its closest earlier copy; return (original, similarity) when it is a wire copy. One
    atomic write (kronika.ledger.store.atomic), in which `also` (another write about the same article) runs too."""
    values = signature(text) if values is None else values
    keys = band_keys(values)
    with atomic(connection):
        best = _closest(connection, article, values, keys)
        connection.execute("INSERT OR REPLACE INTO wire_signatures (article, signature) VALUES (?, ?)",
                           (article, values.tobytes()))
        connection.executemany("INSERT OR IGNORE INTO wire_bands (band, bucket, article) VALUES (?, ?, ?)",
                               [(band, bucket, article) for band, bucket in keys])
        if best is not None:
            connection.execute("INSERT OR REPLACE INTO wire_copies (article, original, similarity) VALUES (?, ?, ?)",
                               (article, *best))
        if also is not None:
            also(connection)
    return best


def _closest(connection: sqlite3.Connection, article: str, values: np.ndarray,
             keys: list[tuple[int, int]]) -> tuple[str, float] | None:
    """The most similar earlier article among those sharing the most bands (an indexed look-up per
    band, all in one statement; at most MAX_CANDIDATES signatures compared, however many near-copies
    there are)."""
    rows = connection.execute(_SHARING, [*(number for key in keys for number in key), article, MAX_CANDIDATES])
    candidates = [row[0] for row in rows]
    stored = dict(connection.execute(
        f"SELECT article, signature FROM wire_signatures WHERE article IN ({', '.join('?' * len(candidates))})",
        candidates).fetchall()) if candidates else {}
    best: tuple[str, float] | None = None
    for candidate in candidates:
        if candidate not in stored:
            continue
        score = similarity(values, np.frombuffer(stored[candidate], dtype=np.uint32))
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


def link_stored(connection: sqlite3.Connection, article: str, text: str, values: np.ndarray | None = None,
                also: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """`link_article` for an article just stored: a failure here is logged and leaves the article as it is
    (stored, not linked), never turns it into a rejection."""
    try:
        link_article(connection, article, text, values, also)
    except Exception:
        log.exception("could not look for wire copies of %s", article)
