"""Assemble claims: for each number in a prepared document, the counted subject, measure, actor,
place, source, modality and reference time, read from the words around it.

Only sentences that hold a number (and the one before, for carried attribution) are tokenised and
looked up in morfeusz2: the rest of the text costs nothing here.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kronika.article import full_date
from kronika.assemble.attribution import Attribution, attribution_for, opens_continuation
from kronika.assemble.canonical import resolve_sources
from kronika.assemble.context import DocumentContext
from kronika.assemble.lexicon import ClaimLexicon
from kronika.assemble.lexicon import lexicon as load_lexicon
from kronika.assemble.measure import CueHit, SentenceCues, cue_hits, measure_of
from kronika.assemble.modality import SentenceModality, modality_of
from kronika.assemble.non_figures import (
    inside_time,
    is_circumstance,
    is_distance,
    is_identifier,
    is_in_a_name,
    is_not_a_count,
)
from kronika.assemble.roles import (
    actor_in_clause,
    actor_in_phrase,
    joint_actor,
    names_many_places,
    place_in_sentence,
    possessor_actor,
    registered_under,
)
from kronika.assemble.sentence import Sentence
from kronika.assemble.speakers import Speakers
from kronika.assemble.subject import (
    SOURCE_OPENERS,
    accompanies,
    colon_header,
    counted_after,
    counted_before_at,
    list_item,
    member_of_collective,
    person_by_activity,
    points_back,
    points_back_in_place,
    points_back_in_time,
    refers_back,
    respectively,
    share_list_goes_on,
    shares_noun_with_next,
    specific_person,
)
from kronika.assemble.superlative import bare_superlative, superlative_noun
from kronika.assemble.timing import SentenceTimes, anchored, document_anchor, reference_time
from kronika.bounds import bounds
from kronika.claim import Claim
from kronika.entities import find_entities
from kronika.mentions import EntityMention, NumberMention, TimeMention
from kronika.numbers import find_numbers
from kronika.prepare.document import Document
from kronika.reconcile.subject_kinds import load_subject_kinds
from kronika.timex import find_times

__all__ = ["assemble_claims"]

# People counted in general, whom a nearer specific noun may name (`grupę żołnierzy złożoną z 6 tys. osób`).
GENERIC_PEOPLE = frozenset({"osoba", "człowiek"})

# A form of `mieć` that may carry a reported figure (`miało dotrzeć`): its sentence may continue a report.
_MAY_REPORT = re.compile(r"\bmia(?:ł|ła|ło|ły|li)\b")

# How many sentences back a figure without its own actor may look for the previous figure's.
ACTOR_CARRY_SENTENCES = 2
# Tolls that take the place the paragraph's previous sentence names when their own names none and no
# actor: the dead and the ill are where the report before them was. Any count does after `tam`.
CARRIED_PLACE_MEASURES = frozenset({"killed", "wounded", "missing", "displaced", "cases"})


@dataclass
class _Antecedent:
    subject: str | None
    actor: str | None
    sentence: int
    measure: str | None = None


@dataclass
class _SentenceView:
    """One sentence with a number, read once: its tokens, entities, times, reporting frames, measure
    and modality cues."""
    index: int
    sentence: Sentence
    entities: list[EntityMention]
    times: list[TimeMention]
    point_times: SentenceTimes
    attributions: list[Attribution]
    hits: list[CueHit]
    modality: SentenceModality
    continues: bool
    points_back_in_time: bool  # `wtedy`, `wówczas`: the sentence speaks of the moment the one before names
    points_back_in_place: bool  # `tam`: the sentence speaks of the place the one before names

    @classmethod
    def of(cls, context: DocumentContext, index: int) -> _SentenceView:
        sentence = context.sentence(index)
        times = context.times_in(index)
        entities = [e for e in context.entities_in(index) if not registered_under(sentence, e)]
        lex = context.lexicon
        modality = SentenceModality.of(sentence, lex)
        back = points_back(context.text, sentence.start, sentence.end)
        return cls(index, sentence, entities, times, SentenceTimes.of(sentence, times), context.attributions(index),
                   cue_hits(sentence, lex), modality,
                   opens_continuation(context.text, sentence.start, lex) or modality.reported or back,
                   back and points_back_in_time(context.text, sentence.start, sentence.end),
                   back and points_back_in_place(context.text, sentence.start, sentence.end))


def _country_label(sentence: Sentence, entities: list[EntityMention]) -> EntityMention | None:
    """A country's name opening the sentence as a label (`Wietnam: tajfun zabił...`), or None. A capital there
    speaks for its government (`Kijów: w obwodzie kurskim jest 11 tys.`), and a source label is a source."""
    tokens = sentence.tokens
    if len(tokens) < 3 or tokens[1].text != ":":
        return None
    return next((e for e in entities if e.start == tokens[0].start and e.end == tokens[0].end
                 and e.kind == "country" and e.form == "name"), None)


def _counts_after_a_month(sentence: Sentence, number: NumberMention, lex: ClaimLexicon) -> bool:
    """`od stycznia 1340 zachorowań`: four digits the time layer took for a year after a month, though no year
    before 1900 is a news date and a counted noun follows them; the number is a figure."""
    if not (1000 <= number.value < 1900 and number.value_max is None and number.unit is None):
        return False
    counted = counted_after(sentence, number.end, number.start)
    return counted.lemma is not None and counted.lemma.split()[0] not in lex.not_counted


def _beyond_a_border(sentence: Sentence, entity: EntityMention) -> bool:
    """`w dystryktach przy granicy z Kongiem`: the neighbour across a border, not a place the sentence's
    counts hold in; it does not stop the place of the sentence before from carrying."""
    index = sentence.index_at(entity.start)
    tokens = sentence.tokens
    return index >= 2 and tokens[index - 1].text.lower() in ("z", "ze") \
        and tokens[index - 2].text.lower().startswith("granic")


def _clause_text(text: str, sentence: Sentence, index: int) -> str:
    first, last = sentence.clause_range(index)
    return text[sentence.tokens[first].start:sentence.tokens[last - 1].end]


def assemble_claims(document: Document, published: str | None = None, lang: str = "pl", article: str = "",
                    outlet: str | None = None) -> list[Claim]:
    text = document.text
    numbers = find_numbers(text, lang)
    if not numbers:
        return []
    by_sentence: dict[int, list[NumberMention]] = {}
    for number in numbers:
        by_sentence.setdefault(document.sentence_at(number.start), []).append(number)
    day = full_date(published)
    lex = load_lexicon(lang)
    context = DocumentContext.of(document, lex, find_entities(text, lang), _times(document, by_sentence, day, lang))
    anchor = document_anchor(context.times.items) if day is None else None
    claims: list[Claim] = []
    antecedent: _Antecedent | None = None
    carried: dict[int, Attribution | None] = {}
    speakers = Speakers(context)
    # The figures of the last sentence that had any, as (subject, measure): `było to odpowiednio 1078 i 13 tys.`
    last_figures: list[tuple[str | None, str]] = []
    for index in sorted(by_sentence):
        view = _SentenceView.of(context, index)
        sentence, in_sentence, attributions, lex = view.sentence, view.entities, view.attributions, context.lexicon
        start, end = document.sentences[index]
        previous: list[Attribution | None] = []  # the previous sentence's report, looked up once if needed
        elided_subject: str | None = None  # `411 mandatów, a konserwatyści zaledwie 121`
        elided_measure: str | None = None
        elided_share: tuple[str, str | None] | None = None  # a share's subject and place, for its list's next
        these_figures: list[tuple[str | None, str]] = []
        follows_figures = antecedent is not None and antecedent.sentence == index - 1
        in_order: list[bool] = []  # `odpowiednio`, looked up once if a figure needs it
        figures = [n for n in by_sentence[index] if not inside_time(n, context.times.before(n.end, 2))
                   or _counts_after_a_month(sentence, n, lex)]
        all_counted = [counted_after(sentence, n.end, n.start) for n in figures]
        # What the sentence's numbers count (`2 tys. zakażeń i 40 zgonów`): a cue there is that figure's,
        # and measure_of keeps a figure's own counted phrase out of it, so one set serves every figure.
        # ... and a noun before a number that has none after it (`rannych jest 44`): a cue there is that figure's
        befores = [counted_before_at(sentence, n.start) if c.lemma is None and not c.anaphoric and n.unit is None
                   else None for n, c in zip(figures, all_counted, strict=True)]
        counted_tokens = frozenset(k for counted in all_counted for k in range(counted.first, counted.last)) \
            | frozenset(before[1] for before in befores if before is not None)
        clauses = [sentence.clause_range(sentence.index_at(n.start)) for n in figures]
        at = [sentence.index_at(n.start) for n in figures]
        after_comma = [k for k in at if k and sentence.tokens[k - 1].text == ","]
        cues = SentenceCues(view.hits, counted_tokens, frozenset(first for first, _ in clauses), after_comma)
        figures_in_clause = Counter(clauses)  # a figure alone in its clause is no circumstance of another
        superlative = superlative_noun(sentence)
        points_back_by_superlative = superlative is None and bare_superlative(sentence) is not None
        sentence_span = document.to_article(start, end)
        sentence_text = document.article_text[sentence_span[0]:sentence_span[1]]  # one string for its claims
        # A sentence that names a place, or several at once (`w obu krajach`), takes none from the one before.
        names_many = names_many_places(sentence_text)
        names_place = any(e.kind in ("place", "country") and (e.form != "adjective" or not view.points_back_in_place)
                          and not _beyond_a_border(sentence, e)
                          for e in in_sentence) or names_many  # `hiszpańskie MSW podało, że dotarło tam`: whose
        for position, number in enumerate(figures):
            first = at[position]  # `sentence.index_at(number.start)`, found once above
            last = max(sentence.index_at(number.end), first + 1)
            counted = all_counted[position]
            if number.unit is None and is_identifier(sentence, number, counted.lemma, in_sentence, lex):
                continue
            if is_distance(sentence, counted.lemma, counted.last) or is_not_a_count(sentence, number):
                continue  # `90 km od granicy`, `ani jednego euro`, `na 100 tys. mieszkańców`
            if is_in_a_name(sentence, number, in_sentence):
                continue  # `w Dolinie Pięciu Stawów`
            subject = counted.lemma
            # the tokens of what it counts: after it, or a noun before it (`Liczba ofiar wzrosła do 9,
            # rannych jest 44`: `ofiar` is the 9's own cue, nearer than the next figure's `rannych`)
            counted_noun = range(counted.first, counted.last)
            borrowed: str | None = None  # the measure of the figure whose noun this one leaves out
            gapped = False  # its noun left out after an earlier figure's (`Policja mówi o 4 ofiarach, strażacy o 5`)
            if subject and subject.split()[0] in lex.not_counted:
                if number.unit is None:
                    continue  # `3 dni`, `80 lat`: a duration or an age, not a figure
                subject = None  # `4,8 proc. rok do roku`: the unit is what is counted
            if subject is None and not counted.anaphoric and number.unit is None:
                # `Podział mandatów: Smer 44, PS 43`: a headed list's noun, before any name in it
                subject = colon_header(sentence, first)
                if subject is None and (before := befores[position]) is not None:
                    subject, counted_noun = before[0], range(before[1], before[1] + 1)
                if subject is None and position + 1 < len(figures) and shares_noun_with_next(
                        sentence, number.end, figures[position + 1].start, lang):
                    counted = all_counted[position + 1]  # `nie 19, lecz 21 osób`: its noun is the next one's
                    subject, counted_noun = counted.lemma, range(counted.first, counted.last)
                if subject is None and follows_figures and position < len(last_figures) and not in_order:
                    in_order.append(respectively(sentence))
                if subject is None and follows_figures and position < len(last_figures) and in_order[0]:
                    subject, borrowed = last_figures[position]  # `odpowiednio 1078 i 13 tys. 502`
                elif subject is None and elided_subject is not None:
                    subject, borrowed, gapped = elided_subject, elided_measure, True

                elif (subject is None and antecedent is not None and antecedent.sentence == index - 1
                      and superlative is None and (list_item(sentence, first) or points_back_by_superlative)):
                    # `W Krakowie – 12, w Tarnowie – 7`; `Najwięcej w Mazowieckiem, 310 tys., i na Śląsku, 265 tys.`
                    subject, borrowed = antecedent.subject, antecedent.measure
                if subject is None and superlative is not None and superlative[0] < first:
                    subject = superlative[1]  # `najwięcej wniosków złożono w Gdańsku – 5 tys. 310`
            if subject in GENERIC_PEOPLE:
                subject = member_of_collective(sentence, counted.last, lang) \
                    or specific_person(sentence, number.start, subject, load_subject_kinds(lang)) \
                    or person_by_activity(sentence, number.start, lang) or subject
            referred = antecedent.subject if counted.anaphoric and antecedent is not None else None
            cue, measure = measure_of(sentence, cues, range(first, last), counted_noun,
                                      number.unit, subject or referred, number.qualifier_span is not None)
            actor = actor_in_phrase(sentence, in_sentence, counted.first, counted.last)
            if counted.anaphoric and antecedent is not None:
                subject = subject or antecedent.subject
                actor = actor or antecedent.actor
                # `było ich 38` refers to the figure; `sprawdzono kilkaset z nich` to what it counts only
                partitive = counted.last > counted.first
                borrowed = antecedent.measure if subject == antecedent.subject and not partitive else None
            if (cue is None and borrowed is None and antecedent is not None and antecedent.sentence == index - 1
                    and refers_back(sentence, first)):
                borrowed = antecedent.measure  # `miało to być 1040 wojskowych`: the figure said before
            if elided_measure is not None and accompanies(sentence, first, number.end):
                measure = elided_measure  # `149 strażaków z 40 pojazdami`: the vehicles went with them
            elif borrowed is not None and (
                    cue is None and (measure == "other" or gapped or refers_back(sentence, first))
                    or gapped and measure == "other" and cue is not None and not cue.strong):
                # `było ich 38`: no verb of its own, the measure of the figure it refers to; a gapped clause
                # repeats its model's predicate (`straty wyniosły 1180 żołnierzy, łącznie – 1 303 360`: not
                # the soldiers' own default), and a weak cue there (the speaker `strażacy`) is none.
                measure = borrowed
            if number.unit is None and (
                measure == "other" and (subject is None or number.value == 1)
                or is_circumstance(sentence, number, figures_in_clause[clauses[position]] == 1)
            ):
                continue  # nothing counted and nothing happening, or a circumstance (`w dziesięciu krajach`)
            own_attribution = attribution_for(attributions, first)
            attribution = _spoken(context, speakers, sentence, number, own_attribution)
            if attribution is None and not attributions and (view.continues or counted.anaphoric):
                if not previous:
                    previous.append(_previous_attribution(context, speakers, index, carried))
                attribution = previous[0]  # `To zarówno...`, `miało dotrzeć`, `ok. 2 tys. z nich zginęło`
            if attribution is None and not attributions and context.quotes.at(number.start) is None:
                attribution = context.paragraph_attribution(index)  # the paragraph's source carries on
            if actor is None:
                # An announcing subject is the actor too (`Waszyngton zapowiedział przekazanie 425 mln dol.`).
                excluded = range(attribution.first, attribution.last) if attribution and not attribution.pledge \
                    else range(0)
                actor = actor_in_clause(sentence, in_sentence, first, excluded,
                                        subject_is_actor=cue is None or cue.subject_is_actor)
            if actor is None and (own := own_attribution) is not None and not own.elided:
                actor = possessor_actor(sentence, in_sentence, range(first, counted.last), range(own.first, own.last))
            if actor is None and antecedent is not None and index - antecedent.sentence <= ACTOR_CARRY_SENTENCES and (
                subject is None or subject == antecedent.subject
            ) and not joint_actor(antecedent.actor):  # the states of one list counted together, there only
                actor = antecedent.actor
            when, basis = reference_time(
                sentence, view.point_times, first, published,
                _saying_tokens(sentence, attribution),
                context.carried_time(index, published, view.continues), view.points_back_in_time,
            )
            when = anchored(when, anchor)
            low, high = bounds(number.value, number.value_max, number.qualifier)
            span = document.to_article(number.start, number.end)
            place = place_in_sentence(sentence, in_sentence, first, actor, at)
            if place is not None and names_many and names_many_places(_clause_text(text, sentence, first)):
                place = None  # `zabił w obu krajach co najmniej 43 osoby`: no one place of the two named
            if place is None and actor is None and number.unit is None \
                    and (measure in CARRIED_PLACE_MEASURES or view.points_back_in_place) \
                    and not names_place and (carried_place := context.carried_place(index)) is not None:
                place = carried_place.canonical  # the place the paragraph's previous sentence names
            if place is None and actor is None and number.unit is None and measure in CARRIED_PLACE_MEASURES \
                    and not names_place and (label := context.paragraph_label(index)) is not None:
                place = label.canonical  # `CZECHY. ... Zginęły dwie osoby.`: a side paragraph's country
            if place is None and actor is None and (label := _country_label(sentence, in_sentence)) is not None \
                    and (attribution is None or label.text not in (attribution.source or "")):
                place = label.canonical  # `Wietnam: tajfun zabił 14 osób`: a country label says where
            if subject is None and number.unit == "percent" and elided_share is not None and position > 0 \
                    and place is not None and place != elided_share[1] \
                    and share_list_goes_on(sentence, at[position - 1], first):
                # `21 proc. stacji w kraju, w Normandii 41 proc.`: the next share of a list, in a place of its
                # own and with no noun of its own, is of what the one before is a share of
                subject = elided_share[0]
            claims.append(Claim(
                article=article, span=span, mention=document.article_text[span[0]:span[1]],
                value=number.value, value_max=number.value_max, qualifier=number.qualifier, low=low, high=high,
                unit=number.unit, measure=measure, subject=subject, actor=actor,
                place=place,
                source=attribution.source if attribution else None,
                source_kind=attribution.source_kind if attribution else None,
                outlet=outlet, modality=_modality(sentence, view, first, cue, attribution),
                reference_time=when, reference_basis=basis, published=published,
                sentence=sentence_text,
            ))
            if (subject is not None or actor is not None) and number.unit not in ("percent", "share"):
                antecedent = _Antecedent(subject, actor, index, measure)  # `było ich` counts things, not a share
            elided_subject = subject if number.unit is None else None
            elided_measure = measure if number.unit is None else None
            if number.unit != "percent":
                elided_share = None
            elif subject is not None:
                elided_share = (subject, place)  # an item with no noun of its own keeps the list's
            these_figures.append((subject, measure))
        if these_figures:
            last_figures = these_figures
        carried[index] = attributions[-1] if attributions else (previous[0] if previous else None)
    resolve_sources(claims, lang, document.article_text)
    return claims


def _saying_tokens(sentence: Sentence, attribution: Attribution | None) -> range | None:
    """The tokens where a time says when the source spoke, not when the figure holds: the source phrase
    and the words just after a reporting verb (`podała w środę`). After a preposed frame (`Według UNHCR w
    minionym tygodniu dotarło 21 tys.`) the words past the source are the figure's own clause."""
    if attribution is None or attribution.cue < 0:
        return None
    if sentence.tokens[attribution.cue].text.lower() in SOURCE_OPENERS and attribution.cue < attribution.first:
        return range(attribution.first, attribution.last - 1)
    return range(attribution.first, attribution.cue + 3)


def _modality(sentence: Sentence, view: _SentenceView, number: int, cue: CueHit | None,
              attribution: Attribution | None) -> str:
    """The grammar's modality; a figure that is what its source announced (`zapowiedział zakup 48
    śmigłowców`) is planned unless the grammar says more."""
    found = modality_of(sentence, view.modality, number, cue.index if cue else None)
    return "planned" if found == "asserted" and attribution is not None and attribution.pledge else found


def _spoken(context: DocumentContext, speakers: Speakers, sentence: Sentence, number: NumberMention,
            attribution: Attribution | None) -> Attribution | None:
    """A figure inside a quotation or dialogue takes its speaker, unless the utterance itself names a
    source for it (`- Według GUS to 5 proc. - mówi minister`)."""
    quote = context.quotes.at(number.start)
    if quote is None or (attribution is not None and quote.start <= sentence.tokens[attribution.cue].start < quote.end):
        return attribution
    inside = sentence.start <= quote.start and quote.end <= sentence.end
    if attribution is not None and attribution.cue >= 0 and inside \
            and sentence.tokens[attribution.cue].end <= quote.start:
        return attribution  # words quoted inside the frame's own clause: `Moskwa mówi o „około 90”`
    return speakers.of(quote) or attribution


def _previous_attribution(context: DocumentContext, speakers: Speakers, index: int,
                          carried: dict[int, Attribution | None]) -> Attribution | None:
    """The previous sentence's report, for a sentence that continues it; an utterance's speaker when
    the previous sentence was spoken (`– Mamy 300 zgłoszeń – mówił. Jak dodał, ...`)."""
    if index == 0:
        return None
    if index - 1 in carried:
        last = carried[index - 1]
    else:
        found = context.attributions(index - 1)
        last = found[-1] if found else None
    if last is None and (quote := context.quotes.at(context.document.sentences[index - 1][0])) is not None:
        return speakers.of(quote)
    # Only the source carries over; its token positions belong to the other sentence.
    return Attribution(last.source, last.source_kind, -1, -1, -1, "sentence") if last else None


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
        if index and (opens_continuation(document.text, start, lex) or _MAY_REPORT.search(document.text, start, end)
                      or points_back(document.text, start, end, lang)):
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


