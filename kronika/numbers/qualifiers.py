"""How exact a number is, from the words right before it: `ok.`, `ponad`, `co najmniej`, `do`..."""
from __future__ import annotations

from dataclasses import replace

from kronika.mentions import NumberMention
from kronika.numbers.patterns import NumberGrammar

# Qualifiers that carry over to a coordinated number: "około 5 tys. żołnierzy i 2,5 tys. policjantów".
_SHARED = frozenset({"approx", "more_than", "at_least", "less_than", "at_most", "up_to"})
_LONGEST_CUE = 3  # words


def find_qualifier(
    tokens: list[tuple[int, int, str]], grammar: NumberGrammar
) -> tuple[str, tuple[int, int]] | None:
    """The qualifier and its span from the tokens before a number (nearest first), longest cue first."""
    cues = grammar.lexicon.qualifiers
    for size in range(min(_LONGEST_CUE, len(tokens)), 0, -1):
        phrase = " ".join(token for _, _, token in reversed(tokens[:size]))
        qualifier = cues.get(phrase)
        if qualifier is None:
            continue
        if size == 1 and phrase in grammar.lexicon.connectors.get("range_to", ()) and not _is_ceiling(
            tokens, grammar
        ):
            return None
        return qualifier, (tokens[size - 1][0], tokens[0][1])
    return None


def _is_ceiling(tokens: list[tuple[int, int, str]], grammar: NumberGrammar) -> bool:
    """`do 500 osób` is a ceiling; `wzrosła do 500` and `z 5 do 7 proc.` name a level reached."""
    if len(tokens) < 2:
        return True
    word = tokens[1][2]
    lexicon = grammar.lexicon
    number_words = (lexicon.numerals, lexicon.multipliers, lexicon.units_after)
    if word[-1:].isdigit() or any(word in table for table in number_words):
        return False
    return not word.startswith(lexicon.change_verb_stems)


def share_coordinated(
    text: str, mentions: list[NumberMention], grammar: NumberGrammar
) -> list[NumberMention]:
    """Give a bare number the qualifier of the number it is coordinated with, when their units agree."""
    shared = list(mentions)
    for index in range(1, len(shared)):
        previous, current = shared[index - 1], shared[index]
        if (
            current.qualifier == "exact"
            and current.qualifier_span is None
            and previous.qualifier in _SHARED
            and previous.unit == current.unit
            and grammar.coordination_gap.fullmatch(text, previous.end, current.start)
        ):
            shared[index] = replace(
                current, qualifier=previous.qualifier, qualifier_span=previous.qualifier_span
            )
    return shared
