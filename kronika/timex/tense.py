"""The tense of the verb nearest to an expression, to say which `wtorek` or `listopad` is meant.

morfeusz2 is asked only here, and only about the words around expressions whose year or week the
text leaves open, so the cost stays with the few expressions that need it.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from kronika.timex.grammar import KINDS
from kronika.timex.morph import analyser
from kronika.timex.tokens import Tokens

logger = logging.getLogger(__name__)

_WORD = KINDS["word"]
_PREP_FOR, _DAY = KINDS["prep_for"], KINDS["day"]
_BOUNDARIES = set("|;!?:")
_WINDOW = 14  # tokens (words and spaces) looked at on each side


@lru_cache(maxsize=65536)
def verb_tense(word: str) -> str | None:
    """past, future or present if some reading of the word is a finite verb form, else None."""
    tenses = set()
    noun = False
    for _start, _end, (_form, _lemma, tag, _names, _quals) in analyser().analyse(word):
        fields = tag.split(":")
        if fields[0] in ("praet", "imps"):  # imps: the impersonal past of news, zatrzymano, odwołano
            tenses.add("past")
        elif fields[0] == "bedzie":
            tenses.add("future")
        elif fields[0] == "fin":
            tenses.add("future" if "perf" in fields else "present")
        elif fields[0] == "subst":
            noun = True
    if noun:
        # A noun that is also a rare verb form (`do wybrzeży`: wybrzeżyć) is the noun; a past form stays
        # a verb (the news's past is its commonest tense).
        tenses -= {"future", "present"}
    for tense in ("past", "future", "present"):
        if tense in tenses:
            return tense
    return None


def _is_boundary(tokens: Tokens, i: int) -> bool:
    kind = tokens.kinds[i]
    if kind in _BOUNDARIES:
        return True
    # a full stop ends a sentence unless it closes an abbreviation or a number (r., 7.)
    return kind == "." and i > 0 and tokens.kinds[i - 1] == _WORD and len(tokens.folded[i - 1]) > 3


def names_target(tokens: Tokens, first: int) -> bool:
    """`zapowiedziano na 13 sierpnia`, `mecz przełożono na sobotę`: a date after `na` is the target of an
    arrangement, so the verb's tense dates the arranging, not the day (but `z 4 na 5 maja` is a night)."""
    if first < 2 or tokens.kinds[first - 1] != " " or tokens.kinds[first - 2] != _PREP_FOR:
        return False
    return first < 4 or tokens.kinds[first - 4] != _DAY


def tense_near(tokens: Tokens, first: int, last: int) -> str | None:
    """Tense of the closest finite verb in the same sentence, looking out from the span both ways."""
    left, right = first - 1, last
    left_open = right_open = True
    for _step in range(_WINDOW):
        for i, side in ((right, "right"), (left, "left")):
            if side == "right" and right_open:
                if i >= len(tokens.kinds) or _is_boundary(tokens, i):
                    right_open = False
                elif tokens.kinds[i] == _WORD and (tense := verb_tense(tokens.words[i])):
                    return tense
            if side == "left" and left_open:
                if i < 0 or _is_boundary(tokens, i):
                    left_open = False
                elif tokens.kinds[i] == _WORD and (tense := verb_tense(tokens.words[i])):
                    return tense
        left, right = left - 1, right + 1
    return None
