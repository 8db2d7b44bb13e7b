"""Examples-as-tests for the Polish sentence splitter: every line of tests/corpus/sentences_pl.txt
must split exactly where it marks ` || `, and nowhere else."""
from pathlib import Path

import pytest

from kronika.prepare.sentences import split_sentences

CORPUS = Path(__file__).parent / "corpus" / "sentences_pl.txt"
EXAMPLES = [
    line for line in CORPUS.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_splits_where_marked(example: str) -> None:
    expected = example.split(" || ")
    text = " ".join(expected)
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_corpus_has_positives_and_negatives() -> None:
    assert sum(" || " in e for e in EXAMPLES) >= 10
    assert sum(" || " not in e for e in EXAMPLES) >= 10


def test_line_breaks_always_end_a_sentence() -> None:
    text = "Nagłówek bez kropki\nPierwsze zdanie tekstu."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Nagłówek bez kropki", "Pierwsze zdanie tekstu."]
