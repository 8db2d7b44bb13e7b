"""What happened to what is counted: the nearest measure cue to the number, strong cues (events)
before weak ones (the usual role of the counted noun), the clause before the whole sentence."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kronika.assemble.lexicon import ClaimLexicon, MeasureCue
from kronika.assemble.morph import Token, ordered_lemmas, readings
from kronika.assemble.sentence import Sentence
from kronika.assemble.subject import a_number, word_list
from kronika.reconcile.subject_kinds import subject_kind

MULTIWORD_WINDOW = 4
# Joiners that open a clause about something else (`, a wojsko próbuje dotrzeć do kierowców`).
_CONTRAST_OPENERS = frozenset({"a", "ale", "lecz", "zaś", "natomiast"})
SPANNING_WINDOW = 8  # a cue around a figure reaches over the figure and its counted noun
# Where to look, in order: (strong cue?, in the number's own clause?).
SEARCH_ORDER = ((True, True), (False, True), (True, False), (False, False))


@dataclass(frozen=True)
class CueHit:
    index: int  # token index of the cue's first word
    measure: str
    strong: bool
    subject_is_actor: bool = True  # False: the verb's subject is the perpetrator or the recipient
    recipient: bool = False  # the verb's subject receives (`otrzymało 300 rodzin`)


def cue_hits(sentence: Sentence, lexicon: ClaimLexicon) -> list[CueHit]:
    """Every measure cue in the sentence; a speech verb followed by `, że` is attribution, not a cue."""
    hits = []
    tokens = sentence.tokens
    covered_until = 0
    cue_lemmas = lexicon.measure_cues.keys()
    for i, token in enumerate(tokens):
        if not token.is_word or cue_lemmas.isdisjoint(token.lemmas):
            continue  # most words are no cue: one set test, not a look-up per lemma
        if _in_a_name(tokens, i):
            continue  # `pracowników Odra-Chem`: the firm is no measles (`odra`)
        # The longest cue starting here wins: `zabitych i rannych` is casualties, not killed.
        # Lemmas in a fixed order: a set's order changes with the hash seed, and ties go to the first.
        matching = [(cue, end) for lemma in ordered_lemmas(token.lemmas) for cue in lexicon.measure_cues.get(lemma, ())
                     if (end := _match_end(sentence, i, cue)) is not None]
        if matching and i >= covered_until and not _introduces_speech(sentence, i, lexicon):
            best, end = max(matching, key=lambda match: (len(match[0].lemmas), match[0].strong))
            hits.append(CueHit(i, best.measure, best.strong, best.subject_is_actor, best.recipient))
            covered_until = end  # `z walki wyeliminowano`: the words of a longer cue make no cue of their own
    return hits


# After these a capital opens a phrase, not a name (a full stop: a sentence the splitter kept on, `1,4 tys.
# Uszkodzonych jest`).
_OPENERS = frozenset({":", "-", "–", "—", "„", '"', "“", "(", "«", ".", "!", "?", "…"})


def _in_a_name(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word inside the sentence, not after a colon, dash or quote: a name (`Odra-Chem`,
    `Szpital Wojewódzki`), whose words are no cues (cue lemmas are common nouns and verbs)."""
    text = tokens[i].text
    return i > 0 and text[:1].isupper() and not text.isupper() and tokens[i - 1].text not in _OPENERS


class SentenceCues:
    """A sentence's cues indexed by token once, so that each figure finds its nearest cue by bisection: a
    sentence of many figures costs linear time. Cues inside some figure's counted phrase (`others_counted`,
    which holds every figure's) serve only that figure (`2 tys. zakażeń i 40 zgonów`)."""

    def __init__(self, hits: list[CueHit], others_counted: frozenset[int] = frozenset(),
                 figure_clauses: frozenset[int] = frozenset(), comma_figures: Sequence[int] = ()) -> None:
        self._figure_clauses = figure_clauses  # first tokens of the clauses that hold a figure
        self._comma_figures = sorted(comma_figures)  # first tokens of figures right after a comma
        self._commas: list[int] | None = None  # token indices of commas and of verbs, made on first use
        self._verbs: list[int] | None = None
        self._at = {hit.index: hit for hit in hits}
        self._all = sorted(hits, key=lambda hit: hit.index)
        self._all_positions = [hit.index for hit in self._all]
        self._free = [hit for hit in hits if hit.index not in others_counted]
        self._lists: dict[tuple[bool, frozenset[str] | None, frozenset[str]], tuple[list[int], list[CueHit]]] = {}

    def choose(self, sentence: Sentence, number: range, counted: range = range(0),
               allowed: frozenset[str] | None = None, excluded: frozenset[str] = frozenset()) -> CueHit | None:
        """The cue nearest to the number's tokens `number` (cues inside it do not count); the counted noun
        itself (`zakładników`) is only a weak cue, the verb decides; `allowed` limits the measures and
        `excluded` leaves some out."""
        clause = range(*sentence.clause_range(number.start))
        own: list[CueHit] = []
        roles: list[CueHit] = []  # nouns of people in their usual role (`jeńców`): after any verb of the tier
        for k in counted:
            h = self._at.get(k)
            if k in number or h is None or (allowed is not None and h.measure not in allowed) or h.measure in excluded:
                continue
            if _names_people(sentence.tokens[h.index]) and not _harmed(sentence.tokens[h.index], h):
                roles.append(CueHit(h.index, h.measure, False, h.subject_is_actor, h.recipient))
            else:
                own.append(h)
        for strong, in_clause in SEARCH_ORDER:
            # The counted noun first (`przybyło 8 tys. zachorowań`), then the nearest, before over after;
            # a noun of people's usual role last (`wymieniono 95 jeńców`: the verb decides).
            mine = [h for h in own if h.strong == strong and (h.index in clause or not in_clause)]
            if mine:
                return min(mine, key=lambda hit: _distance(hit, number))
            nearest = [h for h in self._nearest(sentence, number, counted, strong, allowed, excluded)
                       if (h.index in clause or not in_clause and not self._another_figures(sentence, h, clause)
                           and not self._contrasted_clause(sentence, h, clause))
                       and not (roles and (_attributive(sentence, h.index, counted)
                                           or _person_noun(sentence.tokens[h.index])
                                           and not _predicative(sentence, h.index)
                                           or self._past_comma(sentence, max(number.stop, counted.stop), h.index)))
                       and not (not strong and self._past_comma(sentence, max(number.stop, counted.stop), h.index)
                                and self._verb_before(sentence, number.start))]
            if nearest:
                return min(nearest, key=lambda hit: _distance(hit, number))
            theirs = [h for h in roles if not strong and (h.index in clause or not in_clause)]
            if theirs:
                return min(theirs, key=lambda hit: _distance(hit, number))
        return None

    def _another_figures(self, sentence: Sentence, hit: CueHit, clause: range) -> bool:
        """The cue stands in another clause that holds a figure of its own (`wyciągnęli z wody 31 osób,
        dwie osoby nie żyją`): it is that figure's, not one the number may borrow."""
        first = sentence.clause_range(hit.index)[0]
        return first != clause.start and first in self._figure_clauses

    def _contrasted_clause(self, sentence: Sentence, hit: CueHit, clause: range) -> bool:
        """The cue stands in a later clause opened by a contrasting joiner (`, a wojsko próbuje dotrzeć`),
        and the number's own clause has a verb of its own (`stoją setki pojazdów`): that clause tells what
        others do, not what befell the counted."""
        if hit.index < clause.stop:
            return False
        first = sentence.clause_range(hit.index)[0]
        tokens = sentence.tokens
        if tokens[first].text == "," and first + 1 < len(tokens):
            first += 1  # the comma opens the clause
        if tokens[first].text.lower() not in _CONTRAST_OPENERS:
            return False
        verbs = self._verb_positions(sentence)
        at = bisect_left(verbs, clause.start)
        return at < len(verbs) and verbs[at] < clause.stop

    def of_counted(self, number: range, counted: range) -> CueHit | None:
        """The first cue on the figure's own counted phrase (`12 zatrzymanych`), outside the number."""
        return next((self._at[k] for k in counted if k not in number and k in self._at), None)

    def part_of_whole(self, sentence: Sentence, number: range) -> CueHit | None:
        """`47 zachorowań, w tym u 30 dzieci`: a part takes its whole's cue, the nearest strong cue before
        `w tym` in the clause, even when it is the whole's counted noun."""
        tokens = sentence.tokens
        k = number.start - 1
        while k >= 0 and tokens[k].text.lower() in PART_QUALIFIERS:
            k -= 1  # `w tym do 8 tys. Rosjan`
        if k >= 0 and tokens[k].text.lower() in PART_PREPOSITIONS:
            k -= 1
        clause_first, clause_last = sentence.clause_range(number.start)
        strong_only = False
        if tokens[clause_first].text.lower() in AMONG and clause_first + 1 < number.start:
            k = number.start  # `Wśród 40 rannych jest ośmioro dzieci`: the whole named first
            first = clause_first
        elif (tokens[clause_first].text.lower() in ("z", "ze")
              and any(t.text[:1].isdigit() for t in tokens[clause_first + 1:number.start])):
            # `Z 47 zatrzymanych 12 to nieletni`: the whole's noun is the part's cue; but a part with a cue
            # of its own says its own (`z 900 pacjentów 40 zmarło`, `z 120 ewakuowanych do domów wróciło 75`)
            at = bisect_left(self._all_positions, number.start) - 1
            if at < 0 or self._all[at].index < clause_first:
                return None
            stretch_end = next((j for j in range(number.stop, clause_last) if tokens[j].text in STRETCH_ENDS),
                               clause_last)  # `troje mieszka w Świdniku, pozostali w Lublinie – powiedziała`
            later = bisect_left(self._all_positions, self._all[at].index + 1)
            if later < len(self._all) and self._all[later].index < stretch_end \
                    or self._verb_of_its_own(sentence, self._all[at].index + 1, stretch_end):
                return None
            return self._all[at]
        elif k >= 1 and tokens[k].text.lower() in LIST_JOINERS and (opener := _opened_part_before(tokens, k)) \
                and not self._strong_after(number, clause_last):
            # `z czego 219 to pasażerowie, a 43 to członkowie załogi`: the next part of the list is a part too
            k = opener
            first, _ = sentence.clause_range(k - 2) if k >= 2 else (0, 0)
            strong_only = True
        elif k >= 1 and (tokens[k - 1].text.lower(), tokens[k].text.lower()) in OF_THEM \
                and not self._strong_after(number, clause_last):
            # `24 rannych, z nich siedmiu w stanie ciężkim`; but `z nich 12 zmarło` says its own. Only the
            # whole's strong cue: a weak one (`przebywa 12 osób, z czego cztery`) the whole's own
            # measure may have overruled.
            first, _ = sentence.clause_range(k - 2) if k >= 2 else (0, 0)
            strong_only = True
        elif not (k >= 1 and tokens[k].text.lower() == "tym" and tokens[k - 1].text.lower() == "w"):
            return None
        else:
            first, _ = sentence.clause_range(k - 2) if k >= 2 else (0, 0)
        at = bisect_left(self._all_positions, k - 1) - 1
        weak: CueHit | None = None
        stop = max(-1, at - PART_REACH)  # a few cues back at most: a long list stays linear
        while at > stop and self._all[at].index >= first:
            if self._all[at].strong:
                return self._all[at]
            weak = weak or self._all[at]
            at -= 1
        if strong_only and weak is not None and not any(
                r.pos in _NOMINAL_POS for r in sentence.tokens[weak.index].readings):
            return None  # a weak verb of the whole (`przebywa`) its measure may have overruled; a noun is what
            # the whole counts (`chorych jest 262, z czego 219 to pasażerowie`: the part is of the sick too)
        return weak

    def _strong_after(self, number: range, last: int) -> bool:
        """A strong cue after the number, before token `last` (the end of its clause)."""
        at = bisect_left(self._all_positions, number.stop)
        return any(hit.strong for hit in self._all[at:] if hit.index < last)

    def _nearest(self, sentence: Sentence, number: range, counted: range, strong: bool,
                 allowed: frozenset[str] | None, excluded: frozenset[str]) -> list[CueHit]:
        """The nearest cue of the kind on each side of the number, outside its counted phrase."""
        positions, hits = self._sorted(strong, allowed, excluded)
        before = bisect_left(positions, number.start) - 1
        while before >= 0 and hits[before].index in counted:
            before -= 1
        after = bisect_left(positions, number.stop)
        while after < len(hits) and hits[after].index in counted:
            after += 1  # steps over the figure's own counted phrase only: a few tokens
        if after < len(hits) and self._figure_between(number.stop, hits[after].index) \
                and self._verb_before(sentence, number.start):
            # `wyciągnęli z wody 31 osób, dwie osoby nie żyją`: the number is its own verb's object and the
            # cue the next figure's (`Pięć osób, dwoje dzieci i kierowca zginęli` share theirs)
            after = len(hits)
        elif after < len(hits) and self._past_comma(sentence, number.stop, hits[after].index) \
                and _number_follows(sentence, hits[after].index):
            # `Potwierdzonych jest 880 tys., zmarło 689 chorych`: a cue past the comma with its own number
            # after it is that number's
            after = len(hits)
        elif before >= 0 and after < len(hits) and self._opens_after_comma(number.start) \
                and not self._past_comma(sentence, number.stop, hits[after].index):
            # `Jeden pracownik zginął, trzech zostało rannych`: a figure opening its comma's stretch takes
            # the cue of that stretch; the one before the comma is the previous figure's
            before = -1
        return [hits[k] for k in (before, after) if 0 <= k < len(hits)]

    def _past_comma(self, sentence: Sentence, start: int, index: int) -> bool:
        """A comma between token `start` and a cue at `index` after it: the cue is the next clause's (`Już
        47 zatrzymanych, prokuratura stawia zarzuty`), so a role noun counted by the number says its
        measure; nor does a weak cue there speak for a number its own verb governs (`Lekarze opatrzyli
        siedem osób, pozostali zostali zwolnieni do domu`). The commas are indexed once a sentence."""
        if self._commas is None:
            self._commas = [k for k, t in enumerate(sentence.tokens) if t.text == ","]
        at = bisect_left(self._commas, start)
        return index > start and at < len(self._commas) and self._commas[at] < index

    def _verb_positions(self, sentence: Sentence) -> list[int]:
        """Token indices of the sentence's verbs, indexed once a sentence."""
        if self._verbs is None:
            self._verbs = [k for k, t in enumerate(sentence.tokens) if any(r.pos in _VERB_POS for r in t.readings)]
        return self._verbs

    def _verb_before(self, sentence: Sentence, start: int) -> bool:
        """A verb in the number's clause before it (`wyciągnęli z wody 31 osób`)."""
        verbs = self._verb_positions(sentence)
        first, _ = sentence.clause_range(start)
        at = bisect_left(verbs, first)
        return at < len(verbs) and verbs[at] < start

    def _verb_of_its_own(self, sentence: Sentence, start: int, stop: int) -> bool:
        """A verb between tokens `start` and `stop` that tells more than where or what the counted are
        (part_state_verbs.txt)."""
        verbs = self._verb_positions(sentence)
        at = bisect_left(verbs, start)
        state = word_list("part_state_verbs.txt", "pl")
        while at < len(verbs) and verbs[at] < stop:
            token = sentence.tokens[verbs[at]]
            if not ({r.lemma for r in token.readings if r.pos in _VERB_POS} & state):
                return True
            at += 1
        return False

    def _opens_after_comma(self, start: int) -> bool:
        at = bisect_left(self._comma_figures, start)
        return at < len(self._comma_figures) and self._comma_figures[at] == start

    def _figure_between(self, start: int, stop: int) -> bool:
        """A figure that opens after a comma stands between tokens `start` and `stop`."""
        at = bisect_left(self._comma_figures, start)
        return at < len(self._comma_figures) and self._comma_figures[at] < stop

    def _sorted(self, strong: bool, allowed: frozenset[str] | None,
                excluded: frozenset[str]) -> tuple[list[int], list[CueHit]]:
        key = (strong, allowed, excluded)
        if key not in self._lists:
            hits = [h for h in self._free if h.strong == strong and (allowed is None or h.measure in allowed)
                    and h.measure not in excluded]
            self._lists[key] = ([h.index for h in hits], hits)
        return self._lists[key]


def _predicative(sentence: Sentence, index: int) -> bool:
    """A noun in the instrumental beside `być`/`zostać` says what the counted are (`zakładnikami było
    dwóch funkcjonariuszy`): their role in the event, not another group."""
    tokens = sentence.tokens
    near = tokens[max(0, index - 1):index] + tokens[index + 1:index + 2]
    return any(r.has("inst") for r in tokens[index].readings) and any(t.lemmas & _COPULAS for t in near)


_COPULAS = frozenset({"być", "zostać"})


_VERB_POS = frozenset({"fin", "praet", "imps", "inf", "impt", "bedzie"})


def _attributive(sentence: Sentence, index: int, counted: range) -> bool:
    """The cue is an adjective of another noun, outside the figure's counted phrase (`41 zatrzymanych,
    ranni funkcjonariusze`): it says what befell those, not the counted people. (Where the counted noun
    is itself a role of people, `zatrzymanych`, such a cue and another noun of people yield to it.)"""
    tokens = sentence.tokens
    if index + 1 >= len(tokens) or index + 1 in counted:
        return False
    cue, following = tokens[index], tokens[index + 1]
    if not any(r.pos in ("adj", "ppas") for r in cue.readings) or any(
            r.pos in ("fin", "praet", "bedzie") for r in following.readings):
        return False
    return any(r.pos == "subst" for r in following.readings) and any(
        a.has(n, c) and b.has(n, c) for a in cue.readings if a.pos in ("adj", "ppas")
        for b in following.readings if b.pos == "subst" for n in ("sg", "pl") for c in ("nom", "gen", "acc"))


def _harmed(token: Token, hit: CueHit) -> bool:
    """`30 rannych`, `12 zabitych`, `400 bezdomnych`: an adjective naming the harm done is the figure's own
    measure, whatever verb stands elsewhere (`Jedna osoba nie żyje, ponad 30 rannych`); `zakładników`
    leaves it to the verb."""
    return hit.measure in ("wounded", "killed", "missing", "displaced") and any(r.pos == "adj" for r in token.readings)


def _distance(hit: CueHit, number: range) -> tuple[int, bool]:
    after = hit.index >= number.stop
    return (hit.index - number.stop + 1 if after else number.start - hit.index), after


def _match_end(sentence: Sentence, i: int, cue: MeasureCue) -> int | None:
    """Token index after the cue's last word if the cue's other lemmas follow in order, else None."""
    position = i
    around = cue.lemmas in spanning_cues()  # `los dwóch turystów wciąż jest nieznany`
    for lemma in cue.lemmas[1:]:
        window = sentence.tokens[position + 1 : position + 1 + (SPANNING_WINDOW if around else MULTIWORD_WINDOW)]
        found = None
        for k, token in enumerate(window):
            if not token.is_word or (token.text[0].isdigit() and not around):
                return None  # a cue does not reach across punctuation or a number: `23 zabitych i 70 rannych`
            if lemma in token.lemmas:
                found = k
                break
        if found is None:
            return None
        position += found + 1
    return position + 1


def _introduces_speech(sentence: Sentence, i: int, lexicon: ClaimLexicon) -> bool:
    if not (sentence.tokens[i].lemmas & lexicon.speech_verbs):
        return False
    if i and sentence.tokens[i - 1].text.lower() in ("jak", "-", "–", "—", ","):
        return True  # `Jak przekazał...`, `... – przekazał komendant`
    following = [t.text.lower() for t in sentence.tokens[i + 1 : i + 5]]
    return "że" in following or "iż" in following or ":" in following


# Counted things that are sent as supplies, not deployed: `wysłał miliony pocisków` is a delivery.
EQUIPMENT_KINDS = frozenset({
    "missiles", "artillery shells", "drones", "artillery pieces", "armoured vehicles", "aircraft", "vehicles",
    "ships", "launchers", "helicopters", "bombs", "ammunition", "weapons", "tanks", "small arms",
    "projectiles", "mines", "air defence systems", "items", "doses", "vaccines", "tonnes",
})
# Kinds of counted people: who can be deployed, and who are people at all.
DEPLOYABLE_KINDS = frozenset({"soldiers", "police officers", "border guards", "rescuers", "medics",
                              "firefighters", "fire crews", "crews"})
PEOPLE_KINDS = DEPLOYABLE_KINDS | {"people", "civilians", "children", "women", "workers", "journalists",
                                   "patients", "pensioners", "households"}
# What befalls people only: a count of things or events under these verbs is `other`.
PEOPLE_MEASURES = frozenset({"killed", "wounded", "missing", "captured"})
# Areas: burnt, flooded or sown, they are `other`.
AREA_UNITS = frozenset({"ha", "km2", "m2"})
# Workers let go are laid off, not released (`zwolni 300 pracowników`).
WORKER_KINDS = frozenset({"workers"})
# Places and buildings: what people are evacuated from, never displaced themselves.
PLACE_KINDS = frozenset({"settlements", "buildings"})
# Money is supplied (`przekazał`, `trafi do`), or spent or frozen (`other`): no other event of the taxonomy.
CURRENCY_MEASURES = frozenset({"supplied", "deployed", "other"})
# Counted things that no event of the taxonomy befalls, whatever the verb: votes and seats are `other`.
OTHER_KINDS = frozenset({"votes", "seats", "posts", "submissions", "points"})
# The infected: staying or treated in hospital, they are cases of illness, not wounded or deployed.
# Patients taken to hospital are neither wounded nor, by that alone, cases (`do szpitali trafiło 200 pacjentów`).
PATIENT_KINDS = frozenset({"patients"})
ILLNESS_KINDS = frozenset({"infections"})


def measure_of(sentence: Sentence, cues: SentenceCues, number: range, counted: range, unit: str | None,
               subject: str | None, qualified: bool = False) -> tuple[CueHit | None, str]:
    """The measure from the nearest cue, checked against what is counted: percentages are shares, not
    events; money is supplied or nothing; things that are sent are supplied, things lost destroyed;
    people handed over are released, people receiving are not; civilians are not deployed.
    A cue that is another figure's counted noun is that figure's (`2 tys. zakażeń i 40 zgonów`); an
    unqualified `do N` after a verb of motion counts where things went (`trafią do 600 przychodni`)."""
    kind = subject_kind(subject)
    if unit in ("percent", "share") or kind in OTHER_KINDS:
        return None, "other"
    if partitive_total(sentence, number, counted):
        # `52 z 70 dronów`, `z 47 zatrzymanych 12 to nieletni`: the verb is the part's; the whole takes the
        # measure its own noun names, or none
        cue = cues.of_counted(number, counted)
        return (cue, cue.measure) if cue is not None else (None, "other")
    if unit in AREA_UNITS:
        return None, "other"  # `ogień strawił 10 tys. hektarów`: an area burnt or flooded, no thing destroyed
    currency = unit is not None and unit.isupper()
    measured = unit is not None  # money, or an area or volume (`12 tys. ha`): a thing, never people
    if currency:
        nearest = cues.choose(sentence, number, counted)
        if nearest is not None and nearest.measure in ("casualties", "destroyed") and any(
                r.pos == "subst" for r in sentence.tokens[nearest.index].readings):
            return nearest, "other"  # `szacują stratę na 240 mln zł`, `szkody na 2 mld zł`: a loss, not a delivery
    if not currency and number.start >= 1 and sentence.tokens[number.start - 1].text.lower() in AMONG:
        # `spośród 12 zatrzymanych kilka osób usłyszało zarzuty`: a whole takes its own noun's measure, or
        # none (`spośród 300 uczestników zatrzymano 12`); the verb is its part's
        cue = cues.of_counted(number, counted)
        return (cue, cue.measure) if cue is not None else (None, "other")
    cue = None if currency else cues.part_of_whole(sentence, number)
    if cue is not None and not (cue.measure == "deployed" and sentence.tokens[cue.index].lemmas & takes_part_lemmas()):
        # `47 zachorowań, w tym u 30 dzieci`, `12 zabitych, w tym 3 dzieci`; a verb of staying or taking part
        # (`przebywa 210 tys. osób, w tym 95 tys. w Cagayan`) is weighed for the part as for its whole, below
        return cue, cue.measure
    cue = cues.choose(sentence, number, counted, CURRENCY_MEASURES if currency else None)
    if cue is None:
        return None, "deployed" if kind in DEPLOYABLE_KINDS else "other"
    measure = cue.measure
    if measure == "other" and kind in DEPLOYABLE_KINDS and sentence.tokens[cue.index].lemmas & homecoming_lemmas():
        # `Do domu wróciło 100 żołnierzy`: serving people coming home were no evacuees; the other cues decide
        cue = cues.choose(sentence, number, counted, excluded=frozenset({"other"}))
        if cue is None:
            return None, "deployed"
        measure = cue.measure
    if currency and measure in ("supplied", "deployed"):
        return cue, "supplied" if _money_supplied(sentence, number, counted, cue) else "other"
    if measure in ("deployed", "supplied") and not (qualified or currency) and _destination(sentence, number, cue):
        return cue, "other"
    if measure == "deployed" and _origin(sentence, number):
        return cue, "other"  # `12 tys. żołnierzy z 9 państw`: where the counted came from
    if measure == "deployed" and _conveyance(sentence, number):
        return cue, "other"  # `przypłynęło 1 tys. migrantów na 28 łodziach`: what they came on
    thing = measured or kind in EQUIPMENT_KINDS or (kind not in PEOPLE_KINDS and _inanimate(subject))
    if cue.recipient and not thing:
        return cue, "other"
    cue_token = sentence.tokens[cue.index]
    own_noun = cue.index in counted  # the counted noun is the cue (`48 przypadków`, `40 zgonów`)
    if measure == "cases" and not cue.strong and cue_token.lemmas & _BARE_CASE and (
            _has_complement(sentence, cue.index) or _instances(sentence, number)):
        return cue, "other"  # `40 przypadków kradzieży`, `w dwóch przypadkach`: not cases of illness
    if measure == "wounded" and kind in PATIENT_KINDS and not own_noun:
        measure = "other"
    elif measure in ("wounded", "deployed") and kind in ILLNESS_KINDS:
        measure = "cases"
    elif measure == "cases" and thing and not own_noun and kind not in ILLNESS_KINDS:
        measure = "other"  # `z powodu zakażeń ograniczenia wprowadziło 37 szpitali`: places, not the ill
    elif (measure == "deployed" and not own_noun and not cue.strong and _person_noun(cue_token)
          and subject is not None and kind not in DEPLOYABLE_KINDS):
        # `według strażaków na składowisku było 3 tys. ton odpadów`, `ratownicy odnaleźli 3 turystów`:
        # a noun of people is the agent or the source, no verb of what befell the counted
        measure = "other"
    elif (measure == "deployed" and not thing and kind not in DEPLOYABLE_KINDS
          and cue_token.lemmas & takes_part_lemmas() and (subject is None or not _animal(subject))):
        # `w strajku wzięło udział 40 tys. nauczycieli`, `przyjechało 40 tys. turystów`: not serving; another
        # cue of their clause may say what they are (`przebywa milion uchodźców`)
        other = cues.choose(sentence, number, counted, excluded=frozenset({"deployed"}))
        return (other, other.measure) if other and _same_clause(sentence, number, other.index) else (cue, "other")
    elif measure == "deployed" and thing:
        # `w akcji bierze udział 25 samolotów`, `rozmieszczono 40 czołgów`: taking part; else sent away
        measure = "deployed" if cue_token.lemmas & in_action_lemmas() else "supplied"
    elif measure == "casualties" and thing:
        measure = "destroyed"
    elif (measure in PEOPLE_MEASURES and (thing or kind in PLACE_KINDS) and not own_noun
          and not _names_people_at_all(subject)):
        measure = "other"  # `doszło do 14 wypadków, w których zginęło 5 osób`: events, not the dead
    elif measure == "displaced" and kind in DEPLOYABLE_KINDS:
        measure = "deployed"  # `z Polski wyjechało do Grecji 149 strażaków`: sent, not fleeing
    elif measure == "displaced" and (thing or kind in PLACE_KINDS):
        measure = "other"  # `ewakuacja z 11 miejscowości`: places are evacuated from, people are displaced
    elif measure == "released" and (thing or kind in PLACE_KINDS or kind in WORKER_KINDS):
        measure = "other"  # `policja odzyskała 12 aut`, `spółka zwolni 300 pracowników`: freeing is for captives
    elif measure == "released" and cue_token.lemmas & let_go()["verb"] and not _held(sentence, number, subject):
        measure = "other"  # `Walcownia San zwolni 820 osób`: people let go who were not held are laid off
    elif measure == "supplied" and kind in PEOPLE_KINDS:
        # People handed over are released (`przekazano 20 jeńców`); people a delivery is for are not
        # (`wodę pitną dla 25 tys. osób`, `ośrodek przeznaczony dla 400 osób`).
        handed_over = cue_token.lemmas & money_words().delivery and not cue.recipient
        beneficiary = number.start and sentence.tokens[number.start - 1].text.lower() == "dla"
        measure = "released" if handed_over and not beneficiary else "other"
    elif measure == "deployed" and kind in PEOPLE_KINDS and kind not in DEPLOYABLE_KINDS:
        # `w marszu wzięło udział 90 tys. osób`: people taking part are not deployed; another cue of their
        # own clause may say what befell them, one of another clause does not (`, a do szpitali trafiło...`).
        other = cues.choose(sentence, number, counted, excluded=frozenset({"deployed"}))
        return (other, other.measure) if other and _same_clause(sentence, number, other.index) else (None, "other")
    return cue, measure


_BARE_CASE = frozenset({"przypadek"})
_NOMINAL_POS = frozenset({"subst", "adj", "ppas"})  # a cue that names what is counted, not what happened
PARTITIVE_GENITIVES = 2  # words after a whole's noun before its part's number (`z 900 pacjentów oddziału 40`)
STRETCH_ENDS = frozenset({",", "–", "—", "-", ";", ":", "("})
# Prepositions between `w tym` and a part: `w tym u 30 dzieci`, `w tym dla 200 rodzin`.
PART_PREPOSITIONS = frozenset({"u", "dla", "wśród", "z", "ze"})
AMONG = frozenset({"wśród", "spośród"})
OF_THEM = frozenset({("z", "nich"), ("spośród", "nich"), ("wśród", "nich"), ("z", "czego")})
PART_REACH = 6  # cues looked at before a part, nearest first
PART_QUALIFIERS = frozenset({"do", "ok", ".", "około", "ponad", "nawet", "blisko", "prawie", "niemal", "co", "najmniej",
                             "przynajmniej", "niespełna", "aż"})


LIST_JOINERS = frozenset({"a", "i", "oraz"})
LIST_PART_REACH = 8  # tokens back from a list joiner to the part before it (`z czego 219 to pasażerowie, a`)


def _opened_part_before(tokens: list[Token], joiner: int) -> int | None:
    """The second token of the opener (`z czego`, `z nich`, `w tym`) of the part just before a list
    joiner, when the nearest number back within LIST_PART_REACH tokens has one; else None."""
    for j in range(joiner - 1, max(-1, joiner - LIST_PART_REACH), -1):
        if tokens[j].text[:1].isdigit():
            k = j - 1
            while k >= 0 and tokens[k].text.lower() in PART_QUALIFIERS:
                k -= 1
            if k >= 1 and ((tokens[k - 1].text.lower(), tokens[k].text.lower()) in OF_THEM
                           or (tokens[k - 1].text.lower(), tokens[k].text.lower()) == ("w", "tym")):
                return k
            return None
    return None


def _number_follows(sentence: Sentence, index: int) -> bool:
    """A number right after the cue at `index`, past a qualifier (`zmarło 689`, `zginęło ponad 40`)."""
    tokens = sentence.tokens
    k = index + 1
    while k < len(tokens) and tokens[k].text.lower() in PART_QUALIFIERS:
        k += 1
    return k < len(tokens) and a_number(tokens[k])


def _instances(sentence: Sentence, number: range) -> bool:
    """`w dwóch przypadkach`: instances, in the locative after `w`."""
    k = number.start - 1
    return k >= 0 and sentence.tokens[k].text.lower() in ("w", "we")


def _has_complement(sentence: Sentence, index: int) -> bool:
    """A genitive noun right after the word: `przypadków kradzieży`; a word that is also a preposition
    (`przypadkach od stycznia`: `od` is a noun too) opens a phrase of its own."""
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    return following is not None and following.is_word and any(
        r.pos in ("subst", "ger") and r.has("gen") for r in following.readings) and not any(
        r.pos == "prep" for r in following.readings)


@cache
def _cue_roles(lang: str = "pl") -> tuple[tuple[tuple[str, ...], str], ...]:
    """measure_cues.tsv's cues that have a role (fourth column): (lemmas, role), read once."""
    text = resources.files("kronika.lang").joinpath(lang, "claims", "measure_cues.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((tuple(row[0].split()), row[3].strip()) for row in rows if len(row) > 3)


def _first_lemmas(roles: frozenset[str], lang: str) -> frozenset[str]:
    return frozenset(lemmas[0] for lemmas, role in _cue_roles(lang) if role in roles)


@cache
def in_action_lemmas(lang: str = "pl") -> frozenset[str]:
    """First lemmas of the cues marked `in-action` in measure_cues.tsv: equipment under them is deployed."""
    return _first_lemmas(frozenset({"in-action", "takes-part"}), lang)


@cache
def spanning_cues(lang: str = "pl") -> frozenset[tuple[str, ...]]:
    """The cues marked `spans-figure` in measure_cues.tsv, as lemma tuples."""
    return frozenset(lemmas for lemmas, role in _cue_roles(lang) if role == "spans-figure")


@cache
def homecoming_lemmas(lang: str = "pl") -> frozenset[str]:
    """First lemmas of the cues marked `homecoming`: coming home ends a displacement, not a deployment."""
    return _first_lemmas(frozenset({"homecoming"}), lang)


@cache
def takes_part_lemmas(lang: str = "pl") -> frozenset[str]:
    """First lemmas of the cues marked `takes-part` or `travel`: people under them are deployed only if they
    serve."""
    return _first_lemmas(frozenset({"takes-part", "travel"}), lang)


@cache
def let_go(lang: str = "pl") -> dict[str, frozenset[str]]:
    """let_go.txt: role (`verb`, `held`, `custody`) -> lemmas."""
    text = resources.files("kronika.lang").joinpath(lang, "claims", "let_go.txt").read_text("utf-8")
    rows: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            role, lemma = line.split("\t")
            rows.setdefault(role, set()).add(lemma.strip())
    return {role: frozenset(lemmas) for role, lemmas in rows.items()}


def _held(sentence: Sentence, number: range, subject: str | None) -> bool:
    """Those let go were held: a captive counted (`12 zatrzymanych`) or custody named in the clause
    (`zwolniła z aresztu pięć osób`)."""
    words = let_go()
    if subject is not None and subject.split()[0] in words["held"]:
        return True
    first, last = sentence.clause_range(number.start)
    return any(t.lemmas & words["custody"] for t in sentence.tokens[first:last])


MONEY_REACH = 20  # tokens either side of a sum where its recipient or its purpose may stand


@dataclass(frozen=True)
class MoneyWords:
    """kronika/lang/<lang>/claims/money.tsv: which sums of money are supplied."""
    delivery: frozenset[str]
    aid: frozenset[str]
    household: frozenset[str]
    per_unit: frozenset[str]
    each: frozenset[str]
    before: frozenset[str]
    anaphor: frozenset[str]


@cache
def money_words(lang: str = "pl") -> MoneyWords:
    text = resources.files("kronika.lang").joinpath(lang, "claims", "money.tsv").read_text("utf-8")
    rows: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            role, lemma = line.split("\t")
            rows.setdefault(role, set()).add(lemma)
    return MoneyWords(**{name: frozenset(rows.get(name, ())) for name in MoneyWords.__dataclass_fields__})


def _money_supplied(sentence: Sentence, number: range, counted: range, cue: CueHit) -> bool:
    """A sum is supplied when it is handed over or its purpose is aid (`przekazała Ukrainie 3 mld euro`,
    `przeznaczy 2 mld zł na pomoc dla powodzian`); a budget line, a price, a purchase, a benefit paid to
    households or a share per person is expenditure, `other` (`na obronność przeznaczy 200 mld zł`,
    `rodziny mają otrzymać do 8 tys. zł`, `po 2 tys. zł`, `3 tys. hrywien na osobę`)."""
    words = money_words()
    tokens = sentence.tokens
    first, last = sentence.clause_range(number.start)
    k = number.start - 1
    if k >= 0 and tokens[k].text.lower() in words.before:
        return False
    after = counted.stop if counted.stop > number.stop else number.stop
    if after + 1 < len(tokens) and tokens[after].text.lower() == "na" and tokens[after + 1].lemmas & words.per_unit:
        return False
    # Words around the sum, a bounded window: a sentence of many sums costs linear time.
    near = range(max(0, number.start - MONEY_REACH), min(len(tokens), number.stop + MONEY_REACH))
    in_clause = range(max(first, near.start), min(last, near.stop))
    if any(tokens[j].lemmas & words.each for j in in_clause):
        return False
    delivery = bool(tokens[cue.index].lemmas & words.delivery)
    if delivery and cue.recipient:
        # `Polska otrzymała 26 mld euro` is a delivery; `rolnik ma otrzymać 1 tys. zł` a benefit.
        by_verb = range(max(0, cue.index - MONEY_REACH), min(len(tokens), cue.index + MONEY_REACH))
        return not any(tokens[j].lemmas & words.household for j in by_verb if tokens[j].is_word)
    if delivery:
        return True
    for j in near:
        token = tokens[j]
        if token.is_word and (j == 0 or token.text[:1].islower()):  # `Fundusz Wsparcia` is a name
            if token.lemmas & words.aid:
                return True
            if token.lemmas & words.anaphor and j and "ten" in tokens[j - 1].lemmas:
                return True  # `na ten cel`: the purpose named before
    # `uruchomi dla państw dotkniętych powodzią 10 mld euro`: a recipient that is not a household.
    return any(tokens[j].text.lower() == "dla" and j + 1 < last and not tokens[j + 1].lemmas & words.household
               for j in in_clause)


def _same_clause(sentence: Sentence, number: range, index: int) -> bool:
    """The token is in the number's clause, or in a relative clause right after it that describes what
    is counted (`1,5 tys. osób, które szukają tam schronienia`)."""
    first, last = sentence.clause_range(number.start)
    if first <= index < last:
        return True
    tokens = sentence.tokens
    following = next((k for k in range(last, min(last + 2, len(tokens))) if tokens[k].is_word), None)
    return (following is not None and "który" in tokens[following].lemmas
            and index < sentence.clause_range(following)[1])


def _origin(sentence: Sentence, number: range) -> bool:
    """`żołnierzy z 9 państw`: `z` after a noun, before the number and a genitive (`52 z 70` is a part of
    a total; `149 strażaków z 40 pojazdami`, in the instrumental, goes with them)."""
    tokens = sentence.tokens
    k = number.start - 1
    if not (k >= 1 and tokens[k].text.lower() in ("z", "ze") and not tokens[k - 1].text[:1].isdigit()
            and any(r.pos in ("subst", "depr") for r in tokens[k - 1].readings)
            and not any(r.pos in ("fin", "praet", "impt", "inf", "imps") for r in tokens[k - 1].readings)):
        return False
    following = tokens[number.stop].readings if number.stop < len(tokens) else ()
    return not any(r.has("inst") for r in following)


def _names_people_at_all(subject: str | None) -> bool:
    return subject is not None and any(r.has("m1") for r in readings(subject.split()[0]))


def _conveyance(sentence: Sentence, number: range) -> bool:
    """`na 28 łodziach`: `na` and a noun in the locative only after the number."""
    tokens = sentence.tokens
    k = number.start - 1
    if k < 0 or tokens[k].text.lower() != "na" or number.stop >= len(tokens):
        return False
    following = tokens[number.stop].readings
    return any(r.has("loc") for r in following) and not any(r.has("gen") or r.has("acc") for r in following)


def _destination(sentence: Sentence, number: range, cue: CueHit) -> bool:
    """The number follows `do` (the number layer left it unqualified) and the verb of motion stands before."""
    k = number.start - 1
    return k >= 1 and sentence.tokens[k].text.lower() == "do" and cue.index < k


def _names_people(token: Token) -> bool:
    """`zakładników`, `rannych`: a counted noun naming people is their usual role, and the verb decides;
    an event noun (`zgonów`, `zakażeń`, `prób`) names what is counted, and it decides."""
    return any(r.pos not in ("subst", "ger") or r.has("m1") for r in token.readings)


def _people(subject: str, kind: str | None) -> bool:
    """The counted noun names people: a kind of people, or a masculine personal noun."""
    return kind in PEOPLE_KINDS or any(r.pos in ("subst", "depr") and r.has("m1") for r in readings(subject.split()[0]))


def _animal(subject: str) -> bool:
    """`psów poszukiwawczych`: an animate noun that is no person (m2), deployed with its handlers."""
    word = subject.split()[0]
    nouns = [r for r in readings(word) if r.pos == "subst" and r.lemma.split(":")[0].lower() == word.lower()]
    return any(r.has("m2") for r in nouns)


def _person_noun(token: Token) -> bool:
    """`strażaków`, `żołnierzy`: a noun of people and nothing else, no verb."""
    return bool(token.readings) and all(r.pos in ("subst", "depr") and r.has("m1") for r in token.readings)


def partitive_total(sentence: Sentence, number: range, counted: range = range(0)) -> bool:
    """`52 z 70 dronów`: the 70 is the total the first number is part of; so is the 900 of `z 900
    pacjentów 40 zmarło` (the part's number right after the total's noun and its genitives: `z 900
    pacjentów oddziału 40`, `z 24 chorych troje`)."""
    tokens = sentence.tokens
    k = number.start
    if k < 1 or tokens[k - 1].text.lower() not in ("z", "ze"):
        return False
    if k >= 2 and tokens[k - 2].text[:1].isdigit():
        return True
    if not counted:
        return False
    after = counted.stop if counted.stop > number.stop else number.stop
    for j in range(after, min(after + 1 + PARTITIVE_GENITIVES, len(tokens))):
        token = tokens[j]
        if a_number(token):
            return True
        if not (token.is_word and token.text[:1].islower()
                and all(r.pos in ("subst", "adj") and r.has("gen") for r in token.readings)):
            return False
    return False


def _inanimate(subject: str | None) -> bool:
    """Masculine inanimate or neuter nouns count things (`system`, `pocisk`), not people."""
    if not subject:
        return False
    word = subject.split()[0]
    nouns = [r for r in readings(word) if r.pos == "subst"]
    # the readings of the lemma itself: `system` is also a form of `systema`, `ton` of `tona`
    own = [r for r in nouns if r.lemma.split(":")[0].lower() == word.lower()] or nouns
    return bool(own) and all(r.has("m3") or r.has("n") for r in own)
