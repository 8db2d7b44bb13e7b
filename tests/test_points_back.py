"""A sentence that points back (`tam`, `wtedy`, `wówczas`) takes the time and place of the sentence before
it when it names none; without such a word it keeps the article's own time. Sentences are our own."""
from __future__ import annotations

from kronika.article import Article
from kronika.pipeline import extract_article


def _claim(text: str):  # type: ignore[no-untyped-def]
    [claim] = extract_article(Article(id="t", text=text, published="2026-04-20"))
    return claim


def test_a_sentence_pointing_back_takes_the_earlier_time_and_place() -> None:
    for adverb_sentence in ("Zginęło wtedy 6 górników.", "Zginęło tam 6 górników.", "Wówczas zginęło 6 górników."):
        claim = _claim("W marcu 2019 r. w czeskiej Ostrawie doszło do podobnego wypadku. " + adverb_sentence)
        assert (claim.reference_time, claim.place) == ("2019-03", "Czechia"), adverb_sentence


def test_without_a_word_pointing_back_the_figure_keeps_the_article_time() -> None:
    claim = _claim("W marcu 2019 r. w czeskiej Ostrawie doszło do podobnego wypadku. Po wybuchu zginęło 6 górników.")
    assert claim.reference_time == "2026-04-20"
    # Its own time wins over the earlier sentence's.
    own = _claim("W marcu 2019 r. doszło do podobnego wypadku. W piątek zginęło tam 6 górników.")
    assert own.reference_time == "2026-04-17"


def test_pointing_back_at_a_start_is_pointing_at_that_moment() -> None:
    # `od września 2022 r., gdy...` names a moment; `wówczas` there is September 2022, not a total since.
    claim = _claim("To najcięższe walki od września 2022 r., gdy starcia trwały dwa dni. Zginęło wówczas 70 żołnierzy.")
    assert (claim.reference_time, claim.reference_basis) == ("2022-09", "text")
    # A sentence that only continues the report keeps the running total.
    running = _claim("Od września 2022 r. zginęło 70 żołnierzy.")
    assert running.reference_basis == "since:2022-09"

    # A place adverb points at the place only: a start carried there stays a running total.
    there = _claim("To najcięższe walki od września 2022 r., gdy starcia trwały dwa dni. Zginęło tam 70 żołnierzy.")
    assert there.reference_basis == "since:2022-09"
