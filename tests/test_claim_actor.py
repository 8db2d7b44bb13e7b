"""Whose a figure is (the claim's actor): the clause's subject or possessor before the number, not a state
named as where or whither the action went. Our own sentences, positives and negatives."""
from __future__ import annotations

import pytest

from kronika import extract

# (sentence, number, the actor the claim must have; None = no actor)
EXAMPLES = [
    # the subject, past a state named after a complex preposition of direction or place
    ("Rosja wystrzeliła w kierunku Ukrainy 137 dronów.", "137", "Russia"),
    ("W nocy Rosja wysłała w stronę Kijowa 40 rakiet.", "40", "Russia"),
    # ... which alone makes no one the actor
    ("Na terytorium Rosji zestrzelono 40 dronów.", "40", None),
    ("W pobliżu Ukrainy ćwiczy 3 tys. żołnierzy.", "3 tys.", None),
    # a possessor after a noun that is no preposition's keeps the actor
    ("W wojsku Korei Północnej służy 11 tys. żołnierzy.", "11 tys.", "North Korea"),
    ("Rosja wystrzeliła 137 dronów.", "137", "Russia"),
]


@pytest.mark.parametrize("text,cue,actor", EXAMPLES)
def test_a_figure_is_its_subjects_not_a_direction_or_places(text: str, cue: str, actor: str | None) -> None:
    [claim] = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert claim.actor == actor
