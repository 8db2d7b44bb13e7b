"""The claim layer's language data, loaded once per language from kronika/lang/<lang>/claims/."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class MeasureCue:
    lemmas: tuple[str, ...]
    measure: str
    strong: bool
    subject_is_actor: bool
    recipient: bool = False  # the verb's subject receives: counted people are recipients, not released


@dataclass(frozen=True)
class ModalityCue:
    lemma: str  # `*`: a grammatical cue, matched by the tense named in `form`
    form: str  # any, a part of speech with tag fields (`fin`, `praet`, `fin:perf`), or a tense for `*`
    needs_infinitive: bool
    modality: str
    reaches_sentence: bool
    infinitives: frozenset[str] = frozenset()  # the infinitive must be one of these lemmas (an origin: end words)
    needs_negation: bool = False  # `nie` just before it (`nie ma mowy`, `nie jest prawdą`)
    after_only: bool = False  # a predicative that only speaks for a figure before it (`są nieprawdziwe`)
    origin: bool = False  # right before a figure, marks where a change starts (`spadnie z 238,90 zł`)
    order: int = 0  # the row's place in the data file: at one word, the earlier row wins
    outstanding: bool = False  # beside a negated measure verb: an amount still missing (`wciąż nie wypłaciła`)


def _scope_ends(rows: list[list[str]]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    def kind(wanted: str) -> frozenset[str]:
        return frozenset(word for word, kind in rows if kind == wanted)
    return kind("coordinator"), kind("relative"), kind("complementizer")


def _modality_cue(lemma: str, form: str, needs: str, modality: str, reach: str, order: int) -> ModalityCue:
    """A row of modality_cues.tsv; `needs` is no, infinitive (or yes), infinitive:LEMMA,LEMMA, negation, or
    (for an origin) until:WORD,WORD, the words of the change's end; kept in `infinitives`."""
    kind, _, lemmas = needs.partition(":")
    return ModalityCue(lemma, form, kind in ("yes", "infinitive"), modality, reach == "sentence",
                       frozenset(lemmas.split(",")) if lemmas else frozenset(), kind == "negation", reach == "after",
                       reach == "origin", order, reach == "outstanding")


@dataclass(frozen=True)
class SpeechForm:
    lemma: str
    verb_class: str  # say, state, argue, warn, estimate, announce, confirm, deny, count
    pos: str  # fin, praet, imps, pcon, impt
    aspect: str  # perf, imperf


# Classes whose subject gives the figure as the verb's object: `MSZ szacuje straty na 2 mld zł`.
OBJECT_CLASSES = frozenset({"estimate", "announce", "confirm", "count", "report"})


@dataclass(frozen=True)
class ClaimLexicon:
    measure_cues: dict[str, list[MeasureCue]]  # first lemma -> cues starting with it, longest first
    modality_cues: dict[str, list[ModalityCue]]
    # After a comma: coordinators end the complement of a reaching cue, relative pronouns (lemmas) interrupt
    # it, complementizers resume it (modality_scope_ends.tsv).
    modality_scope_ends: tuple[frozenset[str], frozenset[str], frozenset[str]]
    preposed: dict[tuple[str, ...], str]  # lowercased word sequence -> case of the source after it
    preposed_max_words: int
    speech_forms: dict[str, tuple[SpeechForm, ...]]  # lowercased finite form -> its readings
    speech_verbs: frozenset[str]  # lemmas that report what someone said
    counting_verbs: frozenset[str]  # lemmas whose subject counted the figure (`odnotowała 30 tys.`)
    object_verbs: frozenset[str]  # lemmas that may take the figure as their object
    pledge_verbs: frozenset[str]  # announcing and pledging: a figure in their object is planned
    source_wrappers: frozenset[str]
    media_frames: dict[tuple[str, ...], str | None]  # `na antenie` -> case of the medium's name after it
    continuation_openers: tuple[str, ...]
    source_kinds: dict[str, str]
    not_counted: frozenset[str]
    identifier_heads: frozenset[str]
    event_nouns: frozenset[str] = frozenset()  # `operacja`, `atak`: an adjective before them is no place


def _rows(lang: str, name: str) -> list[list[str]]:
    text = resources.files("kronika.lang").joinpath(lang, "claims", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def lexicon(lang: str = "pl") -> ClaimLexicon:
    """The language's claim lexicon, loaded once: `lexicon()` and `lexicon("pl")` are the same object (a
    cache keyed by the arguments as written would load it twice)."""
    return _lexicon(lang)


@cache
def _lexicon(lang: str) -> ClaimLexicon:
    measure_cues: dict[str, list[MeasureCue]] = {}
    for row in _rows(lang, "measure_cues.tsv"):
        lemma_text, measure, strength = row[:3]
        words = tuple(lemma_text.split())
        role = row[3] if len(row) > 3 else ""
        measure_cues.setdefault(words[0], []).append(MeasureCue(
            words, measure, strength == "strong", role not in ("subject-not-actor", "recipient"), role == "recipient"
        ))
    for cues in measure_cues.values():
        cues.sort(key=lambda cue: -len(cue.lemmas))
    modality_cues: dict[str, list[ModalityCue]] = {}
    for place, (lemma, form, needs, modality, reach) in enumerate(_rows(lang, "modality_cues.tsv")):
        modality_cues.setdefault(lemma, []).append(_modality_cue(lemma, form, needs, modality, reach, place))
    attribution = json.loads(
        resources.files("kronika.lang").joinpath(lang, "claims", "attribution.json").read_text("utf-8")
    )
    preposed = {tuple(k.split()): v for k, v in attribution["preposed"].items() if not k.startswith("_")}
    order = ("intelligence", "government", "media", "organisation", "person", "unnamed")
    speech_forms: dict[str, tuple[SpeechForm, ...]] = {}
    for form, verb_lemma, verb_class, pos, aspect in _rows(lang, "speech_verb_forms.tsv"):
        speech_forms[form] = (*speech_forms.get(form, ()), SpeechForm(verb_lemma, verb_class, pos, aspect))
    verb_classes = {verb.lemma: verb.verb_class for verbs in speech_forms.values() for verb in verbs}
    kinds = {lemma: kind for lemma, kind in _rows(lang, "source_kinds.tsv")}
    assert set(kinds.values()) <= set(order), "source_kinds.tsv names an unknown kind"
    return ClaimLexicon(
        measure_cues=measure_cues,
        modality_cues=modality_cues,
        modality_scope_ends=_scope_ends(_rows(lang, "modality_scope_ends.tsv")),
        preposed=preposed,
        preposed_max_words=max(len(k) for k in preposed),
        speech_forms=speech_forms,
        speech_verbs=frozenset(lemma for lemma, verb_class in verb_classes.items() if verb_class != "count"),
        counting_verbs=frozenset(lemma for lemma, verb_class in verb_classes.items() if verb_class == "count"),
        object_verbs=frozenset(lemma for lemma, verb_class in verb_classes.items() if verb_class in OBJECT_CLASSES),
        pledge_verbs=frozenset(lemma for lemma, verb_class in verb_classes.items() if verb_class == "announce"),
        source_wrappers=frozenset(attribution["source_wrappers"]),
        media_frames={tuple(k.split()): v for k, v in attribution["media_frames"].items() if not k.startswith("_")},
        continuation_openers=tuple(sorted(attribution["continuation_openers"], key=len, reverse=True)),
        source_kinds=kinds,
        not_counted=frozenset(row[0] for row in _rows(lang, "not_counted.txt")),
        identifier_heads=frozenset(row[0] for row in _rows(lang, "identifier_heads.txt")),
        event_nouns=frozenset(row[0] for row in _rows(lang, "event_nouns.txt")),
    )


SOURCE_KIND_ORDER = ("intelligence", "government", "media", "organisation", "person", "unnamed")
