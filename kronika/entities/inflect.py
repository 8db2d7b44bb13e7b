"""Inflect gazetteer names with morfeusz2's generator: every case of a phrase, words agreeing.

Used only by the build step (`python -m kronika.entities.build`); the matcher never calls morfeusz2.

A name phrase is given in the nominative (`Korea Północna`, `Narodowa Służba Wywiadowcza Korei
Południowej`, `Koreańczyk z Północy`). Its head noun and the adjectives agreeing with it inflect
together; from the first later word that does not agree (a genitive, a preposition) the phrase is a
fixed tail. People's names inflect word by word in parallel (`Władimira Putina`). A word morfeusz2
does not know (`ign`: most foreign surnames, some place adjectives) declines like a template word it
does know: the data row names one (`like=bilet`), or the declension table picks one by the word's
ending.
"""
from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import morfeusz2

logger = logging.getLogger(__name__)

# The vocative is left out: news text does not address countries, and vocative combinations
# (`obwodzie kurski`) only add noise.
CASES = ("nom", "gen", "dat", "acc", "inst", "loc")
NOUN_POS = frozenset({"subst"})
ADJ_POS = frozenset({"adj", "ppas", "pact"})
INDECLINABLE = "-"  # template meaning "the word never changes"
ADJECTIVE_RULES = "adj"  # the `sex` column value of declension rules for unknown adjectives
PERSONAL_NAMES = ("imię", "nazwisko")

Slot = tuple[str, str]  # (number, case)


class InflectionError(ValueError):
    """A data row that cannot be inflected as written: the message says which word and why."""


@dataclass(frozen=True, slots=True)
class Form:
    """One generated word form with its grammatical slots (tags like `nom.acc` expanded)."""

    text: str
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    degree: str = ""  # pos, com or sup for adjectives: `Rada Najwyższa` keeps its superlative


@dataclass(frozen=True, slots=True)
class Rule:
    """Words of `sex` (m, f, or adj for adjectives) ending in `ending` decline like `template`."""

    sex: str
    ending: str
    template: str  # a morfeusz2 lemma (`Jan:Sm1`), or "-" for indeclinable


def _parse_tag(text: str, tag: str) -> Form | None:
    parts = tag.split(":")
    pos = parts[0]
    if pos == "adja":
        return Form(text, pos, frozenset(), frozenset(), frozenset())
    if pos not in NOUN_POS | ADJ_POS or len(parts) < 4:
        return None
    if pos in ("ppas", "pact") and "neg" in parts:
        return None
    degree = parts[4] if pos == "adj" else ""
    return Form(text, pos, frozenset(parts[1].split(".")), frozenset(parts[2].split(".")),
                frozenset(parts[3].split(".")), degree)


def _match_case(form: str, model: str) -> str:
    """Give a generated form the capitalisation of the word it stands for in the data file."""
    if len(model) > 1 and model.isupper():
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    if form[:1].isupper() and not form.isupper():
        return form[:1].lower() + form[1:]
    return form


def _recased(form: Form, word: str) -> Form:
    return Form(_match_case(form.text, word), form.pos, form.numbers, form.cases, form.genders, form.degree)


def _same_word(form: str, word: str) -> bool:
    return form == word or (form[1:] == word[1:] and form[:1].lower() == word[:1].lower())


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _nominatives(forms: Iterable[Form], word: str) -> list[Form]:
    return [f for f in forms if f.text == word and "nom" in f.cases]


def _agree(a: Form, b: Form) -> bool:
    return bool(a.numbers & b.numbers and a.genders & b.genders)


def _by_slot(forms: Iterable[Form], slots: list[Slot]) -> dict[Slot, set[str]]:
    wanted = set(slots)
    by_slot: dict[Slot, set[str]] = defaultdict(set)
    for f in forms:
        for number in f.numbers:
            for case in f.cases:
                if (number, case) in wanted:
                    by_slot[(number, case)].add(f.text)
    return by_slot


class Inflector:
    """Generates inflected forms with morfeusz2; one instance per build (the analyser is slow to load)."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._morf = morfeusz2.Morfeusz(generate=True)
        # Longest ending first, so `ski` wins over `i`.
        self._rules = sorted(rules, key=lambda r: -len(r.ending))

    # --- morfeusz2 access --------------------------------------------------------------------------
    @cache  # noqa: B019 - one Inflector per build; the cache dies with it
    def _lemma_forms(self, lemma: str) -> tuple[Form, ...]:
        forms: list[Form] = []
        for text, _lemma, tag, _names, _quals in self._morf.generate(lemma):
            form = _parse_tag(text, tag)
            if form is not None and form not in forms:
                forms.append(form)
        return tuple(forms)

    def _lemmas(
        self, word: str, pos: frozenset[str], gender: str | None, prefer: tuple[str, ...]
    ) -> list[str]:
        """Lemmas that read `word` as a nominative `pos` (of `gender` if given), best-preferred only.

        A lemma counts only if it generates the word itself (up to the first letter's case): morfeusz2
        reads `Un` as the acronym `UN` and `Kim` as a form of `kto`, which must not inflect a name.
        Readings with a name class in `prefer` win, in its order; surnames and first names lose
        unless preferred (`Związek` is a surname too).
        """
        scored: dict[str, int] = {}
        for start, end, (_form, lemma, tag, names, _quals) in self._morf.analyse(word):
            form = _parse_tag(word, tag)
            if start != 0 or end != 1 or form is None or form.pos not in pos or "nom" not in form.cases:
                continue
            if gender is not None and gender not in form.genders:
                continue
            if not any(_same_word(f.text, word) and "nom" in f.cases for f in self._lemma_forms(lemma)):
                continue
            rank = next((i for i, name in enumerate(prefer) if name in names), len(prefer))
            if rank == len(prefer) and any(name in names for name in PERSONAL_NAMES):
                rank += 1
            scored[lemma] = min(rank, scored.get(lemma, rank))
        best = min(scored.values(), default=0)
        return sorted(lemma for lemma, rank in scored.items() if rank == best)

    # --- templates ---------------------------------------------------------------------------------
    def _template_forms(self, word: str, template: str) -> tuple[Form, ...]:
        """Forms of `word` declined like `template`: the template's forms with its stem swapped."""
        if template == INDECLINABLE:
            return (Form(word, "subst", frozenset({"sg", "pl"}), frozenset(CASES), frozenset()),)
        base = template.split(":")[0]
        shared = _common_suffix(base, word)
        if shared == 0:
            raise InflectionError(f"template {template!r} shares no ending with {word!r}")
        template_stem, word_stem = base[: len(base) - shared], word[: len(word) - shared]
        forms = tuple(
            _recased(Form(word_stem + f.text[len(template_stem):], f.pos, f.numbers, f.cases, f.genders,
                          f.degree), word)
            for f in self._lemma_forms(template)
            if f.text.startswith(template_stem)
        )
        if not forms:
            raise InflectionError(f"template {template!r} is not a lemma morfeusz2 knows")
        return forms

    def _rule_for(self, word: str, sex: str) -> str | None:
        for rule in self._rules:
            if rule.sex == sex and word.lower().endswith(rule.ending):
                return rule.template
        return None

    # --- word paradigms ----------------------------------------------------------------------------
    def noun_forms(
        self, word: str, *, template: str | None = None, gender: str | None = None,
        prefer: tuple[str, ...] = (), person: bool = False,
    ) -> tuple[Form, ...]:
        """All noun forms of `word` (given in the nominative): from morfeusz2, a template, or the rules.

        `gender` is a morfeusz2 gender (m1, f) the reading must have; for a person's name that
        morfeusz2 does not know, the declension rules for that sex decide.
        """
        if template is not None:
            return self._template_forms(word, template)
        lemmas = self._lemmas(word, NOUN_POS, gender, prefer)
        if lemmas:
            return tuple(_recased(f, word) for lemma in lemmas for f in self._lemma_forms(lemma)
                         if f.pos in NOUN_POS and (gender is None or gender in f.genders))
        rule = self._rule_for(word, "f" if gender == "f" else "m") if person else None
        if rule is None:
            raise InflectionError(f"morfeusz2 does not know the noun {word!r}: add like=, a rule, or `fixed`")
        return self._template_forms(word, rule)

    def adjective_forms(self, word: str, template: str | None = None) -> tuple[Form, ...]:
        """Every form of an adjective in the degree it is given in (`rosyjski` positive, `Najwyższa`
        superlative): all numbers and genders, plus the compound prefix `adja` (`rosyjsko-`)."""
        return tuple(f for paradigm in self._adjective_paradigms(word, template) for f in paradigm)

    def _adjective_paradigms(self, word: str, template: str | None = None) -> list[tuple[Form, ...]]:
        """The forms of each adjective `word` can be (`Zachodni`: zachodni, or plural of zachodny)."""
        lemmas = [] if template is not None else self._lemmas(word, ADJ_POS, None, ())
        if template is None and not lemmas:
            # Only lower-case words: an unknown capitalised word is a name (`Afryki`), not an adjective.
            template = self._rule_for(word, ADJECTIVE_RULES) if word[:1].islower() else None
            if template is None:
                raise InflectionError(f"morfeusz2 does not know the adjective {word!r}")
        if template is not None:
            paradigms = [self._template_forms(word, template)]
        else:
            paradigms = [tuple(_recased(f, word) for f in self._lemma_forms(lemma)) for lemma in lemmas]
        kept = []
        for forms in paradigms:
            degrees = {f.degree for f in _nominatives(forms, word) if f.pos in ADJ_POS} or {"pos"}
            kept.append(tuple(f for f in forms if f.pos == "adja"
                              or (f.pos in ADJ_POS and (f.pos != "adj" or f.degree in degrees))))
        return kept

    def _adjective_nominatives(self, word: str) -> list[Form]:
        """The readings of `word` as a nominative adjective; a compound (`polsko-białoruska`) reads
        as its last part."""
        if "-" in word:
            if not self._is_compound_adjective(word):
                return []
            word = word.rpartition("-")[2]
        try:
            return [f for f in _nominatives(self.adjective_forms(word), word) if f.pos != "adja"]
        except InflectionError:
            return []

    def _noun_nominatives(self, word: str, prefer: tuple[str, ...]) -> list[Form]:
        if "-" in word or not word[:1].isalpha():
            return []
        try:
            return _nominatives(self.noun_forms(word, prefer=prefer), word)
        except InflectionError:
            return []

    def _is_compound_adjective(self, word: str) -> bool:
        """True for `polsko-białoruska`, `Ludowo-Demokratyczna`: an `adja` prefix before an adjective."""
        return any(tag == "adja" for start, end, (_f, _l, tag, _n, _q) in self._morf.analyse(word)
                   if start == 0 and end == 1)

    # --- phrases -----------------------------------------------------------------------------------
    def phrase_forms(
        self, phrase: str, *, numbers: frozenset[str] | None, template: str | None = None,
        prefer: tuple[str, ...] = (), last_only: bool = False,
    ) -> set[str]:
        """A noun phrase in every case: head noun and agreeing adjectives inflect, the tail stays.

        `numbers` limits the grammatical numbers generated; None keeps the number the phrase is in.
        With `last_only` (or a template) the last word is the head and the words before it stay
        (`New York Timesa`).
        """
        words = phrase.split()
        if template is not None and len(words) > 1 and not last_only:
            raise InflectionError(f"like= needs a one-word phrase or `last`: {phrase!r}")
        if last_only or template is not None:
            first = head_index = len(words) - 1
        else:
            first, head_index = 0, self._head_index(words, prefer)
        head = self.noun_forms(words[head_index], template=template, prefer=prefer)
        readings = _nominatives(head, words[head_index])
        for i in range(first, head_index):
            agreeing = self._agreeing_readings(readings, words[i])
            if not agreeing:
                raise InflectionError(f"{words[i]!r} does not agree with {words[head_index]!r}")
            readings = agreeing
        end = head_index + 1
        while not last_only and template is None and end < len(words):
            agreeing = self._agreeing_readings(readings, words[end])
            if not agreeing:
                break
            readings, end = agreeing, end + 1
        # `Państwo` is singular (the state) or plural (Mr and Mrs): a name means the singular.
        if any("sg" in f.numbers for f in readings):
            readings = [f for f in readings if "sg" in f.numbers]
        modifiers = [i for i in range(first, end) if i != head_index]
        if numbers is None:
            numbers = frozenset(n for f in readings for n in f.numbers)
        genders = frozenset(g for f in readings for g in f.genders)
        slots = [(n, c) for n in sorted(numbers) for c in CASES]
        columns = {head_index: _by_slot((f for f in head if not genders or f.genders & genders), slots)}
        for i in modifiers:
            columns[i] = self._agreeing_forms(words[i], slots, readings)
        results: set[str] = set()
        for slot in slots:
            choices = [sorted(columns[i].get(slot, ())) for i in range(first, end)]
            if all(choices):
                for combo in itertools.product(*choices):
                    results.add(" ".join(words[:first] + list(combo) + words[end:]))
        if not results:
            raise InflectionError(f"no forms generated for {phrase!r}")
        return results

    def person_forms(self, phrase: str, *, feminine: bool, last_only: bool, template: str | None) -> set[str]:
        """A person's name in every singular case, each word inflecting in parallel.

        Lower-case particles (`von der`, the `al` of `al-Asad`) stay; with `last_only` only the last
        word inflects (`Kim Dzong Una`, `Xi Jinpinga`); hyphenated surnames inflect in both parts.
        """
        words = phrase.split()
        gender = "f" if feminine else "m1"
        slots = [("sg", c) for c in CASES]
        columns: list[list[set[str]]] = []
        for i, word in enumerate(words):
            if last_only and i < len(words) - 1:
                columns.append([{word} for _ in slots])
                continue
            word_template = template if i == len(words) - 1 and "-" not in word else None
            parts: list[dict[Slot, set[str]]] = []
            for part in word.split("-"):
                if part[:1].islower():
                    parts.append({slot: {part} for slot in slots})
                else:
                    forms = self.noun_forms(part, template=word_template, gender=gender,
                                            prefer=PERSONAL_NAMES, person=True)
                    parts.append(_by_slot(forms, slots))
            columns.append([
                {"-".join(combo) for combo in itertools.product(*(sorted(p.get(s, ())) for p in parts))}
                for s in slots
            ])
        results: set[str] = set()
        for k in range(len(slots)):
            for combo in itertools.product(*(sorted(column[k]) for column in columns)):
                results.add(" ".join(combo))
        return results

    # --- helpers -----------------------------------------------------------------------------------
    def _head_index(self, words: list[str], prefer: tuple[str, ...]) -> int:
        """The head noun: the first nominative noun, unless it is also an adjective agreeing with a
        noun right after it (`Biały Dom`, `Polska Agencja Prasowa`; but `Rada Bezpieczeństwa`)."""
        for i, word in enumerate(words):
            if not self._noun_nominatives(word, prefer):
                continue
            if i + 1 < len(words):
                following = self._noun_nominatives(words[i + 1], prefer)
                if any(_agree(a, n) for a in self._adjective_nominatives(word) for n in following):
                    continue
            return i
        raise InflectionError(f"no head noun in {' '.join(words)!r}: morfeusz2 knows no word of it as a "
                              "nominative noun; add like=, or mark the row `fixed`")

    def _agreeing_readings(self, readings: list[Form], modifier: str) -> list[Form]:
        """The head readings that `modifier`, read as a nominative adjective, agrees with."""
        adjectives = self._adjective_nominatives(modifier)
        return [r for r in readings if any(_agree(r, a) for a in adjectives)]

    def _agreeing_forms(self, word: str, slots: list[Slot], readings: list[Form]) -> dict[Slot, set[str]]:
        """The forms of a modifier by slot, from the adjective(s) whose nominative agrees with the head."""
        prefix = ""
        if "-" in word:
            head, _, word = word.rpartition("-")
            prefix = head + "-"
        genders = frozenset(g for r in readings for g in r.genders)
        forms = [
            f for paradigm in self._adjective_paradigms(word)
            if any(_agree(r, a) for r in readings for a in _nominatives(paradigm, word))
            for f in paradigm if f.pos != "adja" and f.genders & genders
        ]
        return {slot: {prefix + text for text in texts} for slot, texts in _by_slot(forms, slots).items()}
