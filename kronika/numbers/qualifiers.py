"""How exact a number is, from the words right before it: `ok.`, `ponad`, `co najmniej`, `do`..."""
from __future__ import annotations

from dataclasses import replace

from kronika.mentions import NumberMention
from kronika.numbers.amounts import Amount
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
        if size == 1 and phrase in grammar.lexicon.connectors.get("range_to", ()):
            if not _is_ceiling(tokens, grammar):
                return None
        if phrase in grammar.lexicon.qualifiers_after_verb and not _after_verb(tokens[size:], grammar):
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
    if word[-1:] in ".!?;:":
        return True  # the word before ends the previous sentence: "Do 500 osób..." starts a new one
    return not word.startswith(lexicon.change_verb_stems)


def _after_verb(tokens: list[tuple[int, int, str]], grammar: NumberGrammar) -> bool:
    """True at the start of a sentence or line, or right after a verb ("zginęło przeszło 300")."""
    if not tokens or tokens[0][2][-1:] in ".!?:;,":
        return True
    word = tokens[0][2]
    lexicon = grammar.lexicon
    return word in lexicon.verb_words or word.endswith(lexicon.verb_endings)


def share_coordinated(
    text: str, found: list[tuple[NumberMention, Amount]], grammar: NumberGrammar
) -> list[NumberMention]:
    """Give a bare number the qualifier of the number it is coordinated with.

    Only parallel amounts share it: written alike, with the same multiplier and unit ("około 5 tys.
    żołnierzy i 2,5 tys. funkcjonariuszy"). In "ponad 40 dronów i sześć rakiet" the six stays exact.
    """
    shared = [mention for mention, _ in found]
    for index in range(1, len(shared)):
        previous, current = shared[index - 1], shared[index]
        previous_amount, current_amount = found[index - 1][1], found[index][1]
        if (
            current.qualifier == "exact"
            and current.qualifier_span is None
            and previous.qualifier in _SHARED
            and previous.unit == current.unit
            and previous_amount.kind == current_amount.kind
            and previous_amount.scale == current_amount.scale
            and grammar.coordination_gap.fullmatch(text, previous.end, current.start)
        ):
            shared[index] = replace(
                current, qualifier=previous.qualifier, qualifier_span=previous.qualifier_span
            )
    return shared
