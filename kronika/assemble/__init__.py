"""Assemble claims: for each number in a prepared document, the counted subject, measure, actor,
place, source, modality and reference time, read from the words around it.

Only sentences that hold a number (and the one before, for carried attribution) are tokenised and
looked up in morfeusz2: the rest of the text costs nothing here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kronika.article import full_date
from kronika.assemble.attribution import Attribution, attribution_for, find_attributions, opens_continuation
from kronika.assemble.lexicon import ClaimLexicon
from kronika.assemble.lexicon import lexicon as load_lexicon
from kronika.assemble.measure import CueHit, choose_measure, cue_hits
from kronika.assemble.modality import modality_cues_at, modality_of
from kronika.assemble.morph import Token, readings
from kronika.assemble.roles import actor_in_clause, actor_in_phrase, place_in_sentence
from kronika.assemble.sentence import Sentence
from kronika.assemble.subject import counted_after, counted_before, specific_person
from kronika.assemble.timing import POINT_TYPES, anchored, document_anchor, reference_time
from kronika.bounds import bounds
from kronika.claim import Claim
from kronika.entities import find_entities
from kronika.mentions import EntityMention, NumberMention, TimeMention
from kronika.numbers import find_numbers
from kronika.prepare.document import Document
from kronika.reconcile.subject_kinds import load_subject_kinds, subject_kind
from kronika.timex import find_times

__all__ = ["assemble_claims"]

# Counted things that are sent as supplies, not deployed: `wysłał miliony pocisków` is a delivery.
EQUIPMENT_KINDS = frozenset({
    "missiles", "artillery shells", "drones", "artillery pieces", "armoured vehicles", "aircraft", "vehicles",
    "ships", "launchers", "helicopters", "bombs", "ammunition", "weapons", "tanks", "small arms",
    "projectiles", "mines", "air defence systems",
})
# Kinds of counted people: who can be deployed, and who are people at all.
DEPLOYABLE_KINDS = frozenset({"soldiers", "police officers", "border guards", "rescuers", "medics"})
PEOPLE_KINDS = DEPLOYABLE_KINDS | {"people", "civilians", "children", "women", "workers", "journalists"}
# People counted in general, whom a nearer specific noun may name (`grupę żołnierzy złożoną z 6 tys. osób`).
GENERIC_PEOPLE = frozenset({"osoba", "człowiek"})
# Money is supplied (`przekazał`, `trafi do`) or it is no event of the taxonomy.
CURRENCY_MEASURES = frozenset({"supplied", "deployed"})

CIRCUMSTANCE_PREPOSITIONS = frozenset({"w", "we", "przy", "przez", "pod", "nad", "za", "dla", "ku", "bez", "u"})
# `w` takes a figure when the counted noun stands in the genitive the numeral demands
# (`trafiły w ponad 1,3 tys. celów`), a circumstance when it agrees in the locative (`w dziesięciu krajach`).
LOCATIVE_ONLY_PREPOSITIONS = frozenset({"w", "we"})
# A form of `mieć` that may carry a reported figure (`miało dotrzeć`): its sentence may continue a report.
_MAY_REPORT = re.compile(r"\bmia(?:ł|ła|ło|ły|li)\b")
_PHONE = re.compile(r"\d{3} \d{3} \d{3}")
_BETWEEN_HEAD_AND_NUMBER = frozenset({".", ":", ",", "-", "–", "do", "od"})

# How many sentences back a figure without its own actor may look for the previous figure's.
ACTOR_CARRY_SENTENCES = 2


@dataclass
class _Antecedent:
    subject: str | None
    actor: str | None
    sentence: int


def assemble_claims(document: Document, published: str | None = None, lang: str = "pl", article: str = "",
                    outlet: str | None = None) -> list[Claim]:
    text = document.text
    numbers = find_numbers(text, lang)
    if not numbers:
        return []
    by_sentence: dict[int, list[NumberMention]] = {}
    for number in numbers:
        by_sentence.setdefault(document.sentence_at(number.start), []).append(number)
    times = _times(document, by_sentence, full_date(published), lang)
    for index, found in list(by_sentence.items()):
        by_sentence[index] = [n for n in found if not _inside_time(n, times)]
    entities = find_entities(text, lang)
    lex = load_lexicon(lang)

    anchor = document_anchor(times) if full_date(published) is None else None
    claims: list[Claim] = []
    antecedent: _Antecedent | None = None
    carried: dict[int, Attribution | None] = {}
    for index in sorted(by_sentence):
        start, end = document.sentences[index]
        sentence = Sentence.of(text, start, end)
        in_sentence = [e for e in entities if start <= e.start < end]
        times_in = [t for t in times if start <= t.start < end]
        time_tokens = frozenset(
            k for t in times_in for k in range(sentence.index_at(t.start), sentence.index_at(t.end))
        )
        attributions = find_attributions(sentence, text, in_sentence, lex, time_tokens)
        hits = cue_hits(sentence, lex)
        previous = _previous_attribution(document, index, lex, entities, carried, text)
        continues = opens_continuation(text, sentence.start, lex) or _reportive(sentence, lex)
        elided_subject: str | None = None  # `411 mandatów, a konserwatyści zaledwie 121`
        for number in by_sentence[index]:
            first = sentence.index_at(number.start)
            last = max(sentence.index_at(number.end), first + 1)
            counted = counted_after(sentence, number.end)
            if number.unit is None and _identifier(sentence, number, counted.lemma, in_sentence, lex):
                continue
            subject = counted.lemma
            if subject and subject.split()[0] in lex.not_counted:
                if number.unit is None:
                    continue  # `3 dni`, `80 lat`: a duration or an age, not a figure
                subject = None  # `4,8 proc. rok do roku`: the unit is what is counted
            if subject is None and not counted.anaphoric and number.unit is None:
                subject = counted_before(sentence, number.start) or elided_subject
            if subject in GENERIC_PEOPLE:
                subject = specific_person(sentence, number.start, subject, load_subject_kinds(lang)) or subject
            cue, measure = _measure(sentence, hits, range(first, last), range(counted.first, counted.last),
                                    number.unit, subject)
            actor = actor_in_phrase(sentence, in_sentence, counted.first, counted.last)
            if counted.anaphoric and antecedent is not None:
                subject = subject or antecedent.subject
                actor = actor or antecedent.actor
            if number.unit is None and (
                measure == "other" and (subject is None or number.value == 1) or _after_preposition(sentence, number)
            ):
                continue  # nothing counted and nothing happening, or a circumstance (`w dziesięciu krajach`)
            attribution = attribution_for(attributions, first)
            if attribution is None and not attributions and (continues or counted.anaphoric):
                attribution = previous  # `To zarówno...`, `miało dotrzeć`, `ok. 2 tys. z nich zginęło`
            if actor is None:
                excluded = range(attribution.first, attribution.last) if attribution else range(0)
                actor = actor_in_clause(sentence, in_sentence, first, excluded,
                                        subject_is_actor=cue is None or cue.subject_is_actor)
            if actor is None and antecedent is not None and index - antecedent.sentence <= ACTOR_CARRY_SENTENCES and (
                subject is None or subject == antecedent.subject
            ):
                actor = antecedent.actor
            when, basis = reference_time(
                sentence, times_in, first, published,
                range(attribution.first, attribution.cue + 3) if attribution else None,
                _carried_time(document, times, sentence, published, continues),
            )
            when = anchored(when, anchor)
            low, high = bounds(number.value, number.value_max, number.qualifier)
            span = document.to_article(number.start, number.end)
            sentence_span = document.to_article(start, end)
            claims.append(Claim(
                article=article, span=span, mention=document.article_text[span[0]:span[1]],
                value=number.value, value_max=number.value_max, qualifier=number.qualifier, low=low, high=high,
                unit=number.unit, measure=measure, subject=subject, actor=actor,
                place=place_in_sentence(sentence, in_sentence, first, actor),
                source=attribution.source if attribution else None,
                source_kind=attribution.source_kind if attribution else None,
                outlet=outlet, modality=modality_of(sentence, first, cue.index if cue else None, lex),
                reference_time=when, reference_basis=basis, published=published,
                sentence=document.article_text[sentence_span[0]:sentence_span[1]],
            ))
            if subject is not None or actor is not None:
                antecedent = _Antecedent(subject, actor, index)
            elided_subject = subject if number.unit is None else None
        carried[index] = attributions[-1] if attributions else previous
    return claims


def _measure(sentence: Sentence, hits: list[CueHit], number: range, counted: range, unit: str | None,
             subject: str | None) -> tuple[CueHit | None, str]:
    """The measure from the nearest cue, checked against what is counted: percentages are shares, not
    events; money is supplied or nothing; things that are sent are supplied, things lost destroyed;
    people handed over are released; civilians are not deployed."""
    if unit in ("percent", "share") or _partitive_total(sentence, number):
        return None, "other"
    currency = unit is not None
    cue = choose_measure(sentence, hits, number, counted, CURRENCY_MEASURES if currency else None)
    kind = subject_kind(subject)
    if cue is None:
        return None, "deployed" if kind in DEPLOYABLE_KINDS else "other"
    measure = cue.measure
    thing = currency or kind in EQUIPMENT_KINDS or (kind not in PEOPLE_KINDS and _inanimate(subject))
    if measure == "deployed" and thing:
        measure = "supplied"
    elif measure == "casualties" and thing:
        measure = "destroyed"
    elif measure == "supplied" and kind in PEOPLE_KINDS:
        measure = "released"
    elif measure == "deployed" and kind in PEOPLE_KINDS and kind not in DEPLOYABLE_KINDS:
        other = choose_measure(sentence, [h for h in hits if h.measure != "deployed"], number, counted)
        return (other, other.measure) if other else (None, "other")
    return cue, measure


def _identifier(sentence: Sentence, number: NumberMention, counted: str | None, entities: list[EntityMention],
                lex: ClaimLexicon) -> bool:
    """`numer alarmowy 112`, `Boeing 737 MAX`, `ul. Lipowej 14`, `800 120 226`: a number naming
    something, not counting it. A capitalised word right before digits that count nothing is a model
    or a street, unless it is a known name (`W Charkowie 5 osób...`) or opens the sentence."""
    tokens = sentence.tokens
    first = sentence.index_at(number.start)
    if first >= len(tokens) or not tokens[first].text[:1].isdigit():
        return False
    if _PHONE.fullmatch(number.text.replace("\u00a0", " ")):
        return True
    heads: list[Token] = []
    for token in reversed(tokens[:first]):
        if token.text in _BETWEEN_HEAD_AND_NUMBER or token.text.isdigit():
            continue
        if any(r.pos in ("fin", "praet", "inf", "impt", "pred") for r in token.readings) or len(heads) == 2:
            break
        heads.append(token)
    if any(t.lemmas & lex.identifier_heads or t.text.lower() in lex.identifier_heads for t in heads):
        return True
    previous = tokens[first - 1] if first else None
    if previous is None or first < 2 or not previous.is_word or not previous.text[:1].isupper():
        return False
    named = any(e.start <= previous.start < e.end for e in entities)
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    counts_something = counted is not None and not (following and following.text[:1].isupper())
    return not named and not counts_something


def _carried_time(document: Document, times: list[TimeMention], sentence: Sentence, published: str | None,
                 continues: bool) -> TimeMention | None:
    """The time a sentence inherits: the previous sentence's, when it continues that report; in an
    article without a publication date, the latest one named earlier in the paragraph."""
    paragraph_start = document.text.rfind("\n", 0, sentence.start) + 1
    index = document.sentence_at(sentence.start)
    previous_start = document.sentences[index - 1][0] if index > 0 else sentence.start
    window_start = previous_start if continues else paragraph_start if published is None else sentence.start
    earlier = [t for t in times if window_start <= t.start < sentence.start and t.type in POINT_TYPES and t.value]
    return earlier[-1] if earlier else None


def _after_preposition(sentence: Sentence, number: NumberMention) -> bool:
    """`w dziesięciu krajach`, `przy ul. Lipowej 14`: a number in a circumstance, not a count of events.
    `do`, `o`, `na`, `z` are left out: they govern figures (`wzrosła o 5 proc.`, `doszło do 146 prób`,
    `szacuje się na 20 tys.`, `52 z 70 dronów`)."""
    start = number.qualifier_span[0] if number.qualifier_span else number.start
    before = sentence.index_at(start) - 1
    preposition = sentence.tokens[before].text.lower() if before >= 0 else ""
    if preposition not in CIRCUMSTANCE_PREPOSITIONS:
        return False
    if preposition in LOCATIVE_ONLY_PREPOSITIONS:
        noun = sentence.index_at(number.end)
        following = sentence.tokens[noun].readings if noun < len(sentence.tokens) else ()
        return any(r.has("loc") for r in following) and not any(r.has("gen") for r in following)
    return True


def _partitive_total(sentence: Sentence, number: range) -> bool:
    """`52 z 70 dronów`: the 70 is the total the first number is part of."""
    tokens = sentence.tokens
    k = number.start
    return k >= 2 and tokens[k - 1].text.lower() in ("z", "ze") and tokens[k - 2].text[:1].isdigit()


def _inanimate(subject: str | None) -> bool:
    """Masculine inanimate or neuter nouns count things (`system`, `pocisk`), not people."""
    if not subject:
        return False
    nouns = [r for r in readings(subject.split()[0]) if r.pos == "subst"]
    return bool(nouns) and all(r.has("m3") or r.has("n") for r in nouns)


def _previous_attribution(document: Document, index: int, lex: ClaimLexicon, entities: list[EntityMention],
                          carried: dict[int, Attribution | None], text: str) -> Attribution | None:
    """The previous sentence's report, for a sentence that continues it."""
    if index == 0:
        return None
    if index - 1 in carried:
        last = carried[index - 1]
    else:
        start, end = document.sentences[index - 1]
        before = Sentence.of(text, start, end)
        found = find_attributions(before, text, [e for e in entities if start <= e.start < end], lex)
        last = found[-1] if found else None
    # Only the source carries over; its token positions belong to the other sentence.
    return Attribution(last.source, last.source_kind, -1, -1, -1, "sentence") if last else None


def _reportive(sentence: Sentence, lex: ClaimLexicon) -> bool:
    """`miało już dotrzeć`, `podobno`: the sentence passes on someone else's report."""
    return any(cue.modality == "reported" for k in range(len(sentence.tokens))
               for cue in modality_cues_at(sentence.tokens, k, lex))


def _times(document: Document, by_sentence: dict[int, list[NumberMention]], day: str | None,
           lang: str) -> list[TimeMention]:
    """Time expressions where figures need them: the sentences with numbers, and the sentence before one
    that may continue it (it would take its time). An article without a publication day is read whole,
    to anchor it."""
    if day is None:
        return find_times(document.text, None, lang)
    lex = load_lexicon(lang)
    wanted_set = set(by_sentence)
    for index in by_sentence:
        start, end = document.sentences[index]
        if index and (opens_continuation(document.text, start, lex) or _MAY_REPORT.search(document.text, start, end)):
            wanted_set.add(index - 1)
    wanted = sorted(wanted_set)
    spans: list[list[int]] = []
    for index in wanted:
        start, end = document.sentences[index]
        if spans and index - 1 in wanted and spans[-1][1] <= start:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    times: list[TimeMention] = []
    for start, end in spans:
        for t in find_times(document.text[start:end], day, lang):
            times.append(TimeMention(t.start + start, t.end + start, t.text, t.type, t.value, t.attrs))
    return times


def _inside_time(number: NumberMention, times: list[TimeMention]) -> bool:
    """Numbers inside time expressions are dates, durations or clock times. A bare run of digits the
    time layer reads as a year is left to the number layer, which has its own rule for years
    (`od 1000 do 1500 ciężarówek` counts trucks)."""
    return any(t.start < number.end and number.start < t.end and not t.text.isdigit() for t in times)
