"""The shortcuts taken for speed give what the slow way gives: the sentence splitter's backward walk for
the word before a full stop matches its regular expression, and a time rule skipped because the text
lacks a kind it needs would have matched nothing."""
from __future__ import annotations

import random
from pathlib import Path

from kronika.prepare import sentences
from kronika.timex import _tokenizer
from kronika.timex.grammar import KINDS
from kronika.timex.recognise import rule_needs
from kronika.timex.rulebook import BOOK

CORPUS = Path(__file__).parent / "corpus"


def _regex_word_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    found = sentences._WORD_BEFORE.search(text, start, end)
    return (found.start(), found.group(1)) if found else None


def test_word_before_full_stop_as_the_regular_expression_finds_it() -> None:
    pick = random.Random(11)
    alphabet = "ab_ż1.!?…\"')] \n\tX"
    texts = [line for line in (CORPUS / "sentences_pl.txt").read_text("utf-8").splitlines() if line.strip()]
    texts += ["".join(pick.choice(alphabet) for _ in range(pick.randint(1, 80))) for _ in range(3000)]
    checked = 0
    for text in texts:
        for end, char in enumerate(text, start=1):
            if char in ".!?…":
                start = max(0, end - pick.randint(1, 40))
                assert sentences._word_before(text, start, end) == _regex_word_before(text, start, end), text
                checked += 1
    assert checked > 1000


def test_a_time_rule_is_skipped_only_where_it_matches_nothing() -> None:
    tokenizer = _tokenizer("pl")
    lines = (CORPUS / "time_pl.tsv").read_text("utf-8").splitlines()
    kind_strings = [tokenizer(line.split("\t")[1]).kinds for line in lines if line.strip() and not line.startswith("#")]
    pick = random.Random(5)
    alphabet = [*KINDS.values(), " ", ".", "-", ",", "/", ":", "'"]
    kind_strings += ["".join(pick.choice(alphabet) for _ in range(pick.randint(1, 12))) for _ in range(5000)]
    skipped = 0
    for kinds in kind_strings:
        present = frozenset(kinds)
        for rule in BOOK.rules:
            if not all(present & needed for needed in rule_needs(rule.regex)):
                skipped += 1
                assert rule.regex.search(kinds) is None, (rule.name, kinds)
    assert skipped > 1000
    assert sum(bool(rule_needs(rule.regex)) for rule in BOOK.rules) > len(BOOK.rules) // 2


def test_readings_from_the_underlying_analyser_as_the_wrapper_gives_them() -> None:
    from kronika.assemble import morph

    words = {w for line in (CORPUS / "sentences_pl.txt").read_text("utf-8").splitlines() for w in line.split()}
    words |= {"Kowalskiego", "tys.", "2024", "zginęło", "miało", "Nowym", "xqzw", "PKW", "się"}
    analyser = morph._analyser()
    for word in words:
        public = [(lemma, tag) for _, _, (_, lemma, tag, _, _) in analyser.analyse(word)]
        assert list(morph.lemmas_and_tags(word)) == public, word
        # the name layers' one analysis per form (names and labels included) is the wrapper's
        assert morph.analyses(word) == tuple(analyser.analyse(word)), word


def test_a_time_rule_tried_only_where_a_match_can_start_finds_what_finditer_finds() -> None:
    from kronika.timex.recognise import rule_matches, rule_starts

    tokenizer = _tokenizer("pl")
    lines = (CORPUS / "time_pl.tsv").read_text("utf-8").splitlines()
    kind_strings = [tokenizer(line.split("\t")[1]).kinds for line in lines if line.strip() and not line.startswith("#")]
    pick = random.Random(9)
    alphabet = [*KINDS.values(), " ", ".", "-", ",", "/", ":", "'", "_", "_", " "]
    kind_strings += ["".join(pick.choice(alphabet) for _ in range(pick.randint(1, 40))) for _ in range(3000)]
    kind_strings.append(" ".join(kind_strings))  # one long text
    assert sum(rule_starts(rule.regex) is not None for rule in BOOK.rules) > len(BOOK.rules) // 2
    for kinds in kind_strings:
        for rule in BOOK.rules:
            expected = [(m.span(), m.groupdict()) for m in rule.regex.finditer(kinds)]
            assert [(m.span(), m.groupdict()) for m in rule_matches(rule.regex, kinds)] == expected, rule.name


def test_non_ascii_letters_counted_as_the_regular_expression_counts_them() -> None:
    from kronika.ingest import language

    pick = random.Random(3)
    alphabet = "abzAZąęłśżÄöüßčřžёжїі 12_.,-\u0307İ"
    samples = ["".join(pick.choice(alphabet) for _ in range(pick.randint(0, 60))) for _ in range(2000)]
    for sample in samples:
        lowered = sample.lower()
        letters = sum(map(len, language._WORD.findall(lowered)))
        expected = len(language._NON_ASCII_LETTER.findall(lowered))
        own = sum(lowered.count(letter) for letter in language.profile("pl").letters)
        found = language.evidence(sample)
        assert found.foreign_share == ((expected - own) / letters if letters else 0.0), sample


def test_glued_words_found_where_the_lookaround_pattern_finds_them() -> None:
    from kronika.prepare import document

    pick = random.Random(4)
    alphabet = "abcąłAŁZ -\n."
    samples = ["".join(pick.choice(alphabet) for _ in range(pick.randint(0, 50))) for _ in range(5000)]
    samples.append("przywódcaWładimir mówiłKowalski oraz AccuWeather i McDonald")
    for sample in samples:
        expected = [m.start() for m in document._GLUED.finditer(sample)]
        assert [m.start() for m in document._GLUED_CAPITAL.finditer(sample)] == expected, sample
