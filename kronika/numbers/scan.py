"""Find every amount in a text: candidates from one compiled regex, then amounts, ranges, qualifiers
and the non-figure filters, left to right without overlap."""
from __future__ import annotations

import logging

from kronika.mentions import NumberMention
from kronika.numbers.amounts import Amount, inherit, join_range, read_amount
from kronika.numbers.context import next_token, previous_tokens
from kronika.numbers.filters import is_year, non_figure_reason
from kronika.numbers.patterns import NumberGrammar
from kronika.numbers.qualifiers import find_qualifier, share_coordinated

logger = logging.getLogger(__name__)


def scan(text: str, grammar: NumberGrammar) -> list[NumberMention]:
    found: list[tuple[NumberMention, Amount]] = []
    search = grammar.candidate.search
    pos = 0
    while (candidate := search(text, pos)) is not None:
        mention, next_pos = _read_mention(text, candidate.start(), grammar)
        if mention is not None:
            found.append(mention)
        pos = max(next_pos, candidate.start() + 1)
    return share_coordinated(text, found, grammar)


def _read_mention(
    text: str, start: int, grammar: NumberGrammar
) -> tuple[tuple[NumberMention, Amount] | None, int]:
    amount, read_to = read_amount(text, start, grammar)
    if amount is None:
        return None, read_to
    tokens = previous_tokens(text, start, 4)  # a cue has up to three words, plus the verb before it
    lead = tokens[0][2] if tokens else ""
    connectors = grammar.lexicon.connectors

    second_at, range_start = None, start
    if lead in connectors.get("range_from", ()) and (join := grammar.range_to.match(text, amount.end)):
        second_at, range_start = join.end(), tokens[0][0]
    elif lead in connectors.get("range_between", ()) and (join := grammar.range_and.match(text, amount.end)):
        second_at, range_start = join.end(), tokens[0][0]
    elif lead in connectors.get("change_from", ()) and (join := grammar.range_to.match(text, amount.end)):
        second, _ = _second_amount(text, join.end(), amount, grammar)
        if second is not None:
            amount = inherit(amount, second)  # "z 5 do 7 proc.": the 7 is read on its own next
    if second_at is None and (dash := grammar.dash.match(text, amount.end)) is not None:
        second_at = dash.end()
    if second_at is not None and (second := _second_amount(text, second_at, amount, grammar)[0]):
        if is_year(amount.plain) and is_year(second.plain):
            return None, second.end  # a range of years: "2014–2022", "od 2022 do 2024"
        amount = join_range(amount, second, range_start) or amount

    qualifier_span = None
    if amount.is_range:
        qualifier = "vague" if amount.vague else "range"
    elif amount.vague:
        qualifier = "vague"
    else:
        found = find_qualifier(tokens, grammar)
        qualifier, qualifier_span = found if found else ("exact", None)
        if qualifier == "up_to" and (_destination(text, amount.end, tokens, grammar)
                                     or _level_reached(text, amount.end, tokens, grammar)):
            qualifier, qualifier_span = "exact", None

    reason = non_figure_reason(text, amount, tokens, qualifier_span is not None, grammar)
    if reason is not None:
        logger.debug("not a figure (%s): %r", reason, text[amount.start : amount.end])
        return None, amount.end
    mention = NumberMention(
        start=amount.start,
        end=amount.end,
        text=text[amount.start : amount.end],
        value=amount.lo,
        value_max=amount.hi if (amount.is_range or amount.vague) else None,
        qualifier=qualifier,
        qualifier_span=qualifier_span,
        unit=amount.unit,
    )
    return (mention, amount), amount.end


def _destination(text: str, end: int, tokens: list[tuple[int, int, str]], grammar: NumberGrammar) -> bool:
    """`paczki trafiły do 300 rodzin`: after a verb of motion or sending (up to three words back), `do N`
    with a place or a household after it says where things went, not how many at most."""
    lexicon = grammar.lexicon
    return (len(tokens) >= 2 and tokens[0][2] in lexicon.connectors.get("range_to", ())
            and any(word.startswith(lexicon.motion_verb_stems) for _, _, word in tokens[1:])
            and next_token(text, end).rstrip(".") in lexicon.destination_words)


def _level_reached(text: str, end: int, tokens: list[tuple[int, int, str]], grammar: NumberGrammar) -> bool:
    """`Do siedmiu wzrosła liczba ofiar` (a sentence opening `Do N` and a verb of change), `wzrosła w
    piątek do siedmiu` (the verb up to four words before `do`, in its clause): N is a level reached."""
    stems = grammar.lexicon.change_verb_stems
    if not tokens or tokens[0][2] not in grammar.lexicon.connectors.get("range_to", ()):
        return False
    opens = len(tokens) < 2 or tokens[1][2][-1:] in ".!?;:"
    if opens:
        return next_token(text, end).startswith(stems)
    back = previous_tokens(text, tokens[0][0], 4)  # the four words before `do`
    for _, _, word in back:  # back within the clause: a word that ends in a stop belongs before it
        if word[-1:] in ",.!?;:–-":
            return False
        if word.startswith(stems):
            return True
    return False


def _second_amount(text: str, pos: int, first: Amount, grammar: NumberGrammar) -> tuple[Amount | None, int]:
    """The amount at `pos` when it is written like `first` (digits with digits, words with words)."""
    if pos >= len(text) or text[pos].isdigit() != (first.kind == "digits"):
        return None, pos
    return read_amount(text, pos, grammar)

