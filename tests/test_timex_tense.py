"""The tense that picks which weekday or month a text means: the nearest finite verb, where a noun
that is also a rare verb form (`wybrzeży`) is the noun. Sentences written for these tests."""
from __future__ import annotations

from kronika.article import Article
from kronika.pipeline import extract_article
from kronika.timex.tense import verb_tense


def test_past_future_and_present_forms() -> None:
    assert verb_tense("dotarło") == "past"
    assert verb_tense("zatrzymano") == "past"
    assert verb_tense("dotrze") == "future"
    assert verb_tense("przybywa") == "present"


def test_a_noun_that_is_also_a_verb_form_is_the_noun() -> None:
    assert verb_tense("wybrzeży") is None  # `do wybrzeży`, not a form of `wybrzeżyć`
    assert verb_tense("domu") is None


def test_a_weekday_before_a_noun_of_that_kind_takes_the_verbs_past() -> None:
    article = Article(id="t", text="W sobotę do wybrzeży wyspy dotarło 800 migrantów.", published="2025-09-08")
    [claim] = extract_article(article)
    assert claim.reference_time == "2025-09-06"
    ahead = Article(id="t", text="W sobotę do wybrzeży wyspy dotrze prom z 300 pasażerami.", published="2025-09-08")
    assert [c.reference_time for c in extract_article(ahead)] == ["2025-09-13"]
