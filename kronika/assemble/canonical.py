"""Map a source phrase as written to a canonical source id (`NFZ`, `Narodowego Funduszu Zdrowia` -> one id).

Aliases come from kronika/lang/pl/sources/entities.tsv and match by morfeusz2 lemmas, so inflected forms
need no listing. A person is a run of capitalised words morfeusz2 reads as first name or surname, turned
to the nominative. Within one article `resolve_sources` joins a short mention to the full one named
earlier (`Kowalski` -> `Jan Kowalski`, `rzecznik` -> the spokesperson, `wojewoda` -> `wojewoda
małopolski`) in one pass over the claims in text order.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kronika.assemble.morph import (
    LONGEST_WORD,
    analyses,
    lemmas,
    lemmas_and_tags,
    readings,
    tokenize,
    word_offsets,
)
from kronika.claim import Claim

NAME_QUALIFIERS = frozenset({"imię", "nazwisko"})
_ABBREVIATION = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻ][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]*[A-ZĄĆĘŁŃÓŚŹŻ])(?:-[a-ząćęłńóśźż]{1,3})?$")
_BRACKETED_ACRONYM = re.compile(r"\(([A-ZĄĆĘŁŃÓŚŹŻ][A-Za-z0-9ĄĆĘŁŃÓŚŹŻąćęłńóśźż-]*[A-Z0-9ĄĆĘŁŃÓŚŹŻ])\)")
HOME_COUNTRY = {"pl": "Poland"}  # whose institutions the pack's aliases name without a country
PREFERRED_CASES = ("nom", "gen", "dat", "acc", "inst", "loc")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str


@dataclass(frozen=True, slots=True)
class Resolved:
    id: str
    kind: str | None  # None: a phrase resolved by form only (a person's kind comes from the name itself)
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class _Alias:
    words: tuple[frozenset[str] | str, ...]  # lemma sets, or an abbreviation matched as written
    entity: Entity


@cache
def _aliases(lang: str = "pl") -> dict[str, list[_Alias]]:
    """Aliases indexed by each lemma (or abbreviation) of their first word; longest first."""
    text = resources.files("kronika.lang").joinpath(lang, "sources", "entities.tsv").read_text("utf-8")
    index: dict[str, list[_Alias]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, kind, aliases = line.split("\t")
        entity = Entity(canonical, kind)
        for alias in {canonical, *(a.strip() for a in aliases.split("|"))}:
            words = tuple(_word_key(t.text) for t in tokenize(alias) if t.is_word)
            if not words:
                continue
            first = words[0]
            for key in ([first] if isinstance(first, str) else sorted(first)):
                index.setdefault(key, []).append(_Alias(words, entity))
    for entries in index.values():
        entries.sort(key=lambda a: -len(a.words))
    return index


@cache
def _endings(lang: str = "pl") -> tuple[str, ...]:
    text = resources.files("kronika.lang").joinpath(lang, "sources", "endings.txt").read_text("utf-8")
    return tuple(sorted((w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")), key=len,
                        reverse=True))


_ALNUM = re.compile(r"[^\W_]")  # a letter or digit: what str.isalnum() accepts


@lru_cache(maxsize=50_000)
def _word_key(word: str) -> frozenset[str] | str:
    abbreviation = _ABBREVIATION.match(word)
    if abbreviation and sum(c.isupper() for c in abbreviation.group(1)) >= 2:
        return abbreviation.group(1)
    lower = word.lower()
    if not _unknown(word):
        # Segments' punctuation is no lemma to match by (`2024-05-02` and `IMGW-PIB` share only `-`).
        return frozenset(lemma for lemma in lemmas(word) if _ALNUM.search(lemma)) | {lower}
    # A name morfeusz2 does not know, declined anyway (`Eurostatu`): its stems stand in for lemmas.
    return frozenset({lower, *(lower[: -len(e)] for e in _endings() if lower.endswith(e) and len(lower) > len(e) + 2)})


def _keys(word: str) -> set[str]:
    key = _word_key(word)
    return {key} if isinstance(key, str) else set(key)


def _matches(key: frozenset[str] | str, word: str) -> bool:
    found = _word_key(word)
    if isinstance(key, str) or isinstance(found, str):
        return key == found
    return bool(key & found)


def find_entity(phrase: str, lang: str = "pl") -> tuple[Entity, int, int] | None:
    """The longest known entity named in the phrase (earliest on ties), with its word range."""
    words = _word_texts(phrase)
    index = _aliases(lang)
    best: tuple[Entity, int, int] | None = None
    for i, word in enumerate(words):
        for key in _keys(word):
            for alias in index.get(key, ()):
                n = len(alias.words)
                if best is not None and n <= best[2] - best[1]:
                    break
                rest = words[i + 1 : i + n]
                if len(rest) == n - 1 and all(_matches(k, w) for k, w in zip(alias.words[1:], rest, strict=True)):
                    best = (alias.entity, i, i + n)
                    break
    return best


@lru_cache(maxsize=50_000)
def _name_readings(word: str) -> dict[str, str]:
    """Case -> nominative lemma of the word's first-name or surname readings."""
    found: dict[str, str] = {}
    for _, _, (_, lemma, tag, qualifiers, _) in analyses(word):
        if tag.startswith("subst") and NAME_QUALIFIERS & set(qualifiers):
            for case in tag.split(":")[2].split("."):
                found.setdefault(case, lemma.split(":", 1)[0])
    return found


def person_name(phrase: str) -> str | None:
    """The last run of two or more capitalised words read as names, in the nominative (`Jana Kowalskiego`
    -> `Jan Kowalski`); words morfeusz2 does not know stay as written. The run starts at its first first
    name (`rzecznik PiS Rafał Bochenek`, `Sam Wołodymyr Zełenski`); a run without one is a person only
    when morfeusz2 knows none of its words (foreign names), never a run of common nouns (`Związku
    Rolników`)."""
    words = _word_texts(phrase)
    run: list[str] = []
    best: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper() and not _acronym(word) and (_name_readings(word) or _unknown(word)
                                                          or run and _surname_like(word)):
            run.append(word)
            continue
        run = _person_run(run)
        if len(run) >= 2:
            best = run
        run = []
    if not best:
        return None
    readings = [_name_readings(w) for w in best]
    if "nom" in readings[-1]:
        # The surname in the nominative: so is the name; a first name without a nominative reading is as
        # written (`Tymur`, read also as a genitive of `Tymura`).
        return " ".join(_nominative_name(w, r, "nom") if "nom" in r else w for w, r in zip(best, readings, strict=True))
    for case in PREFERRED_CASES:
        if all(case in r for r in readings if r):
            return " ".join(_nominative_name(w, r, case) for w, r in zip(best, readings, strict=True))
    return " ".join(best)


def _person_run(run: list[str]) -> list[str]:
    """A person's first name and surname out of a run of capitalised words (`Sam Wołodymyr Zełenski`,
    `Red Eléctrica Beatriz Corredor`): the last two words from a first name on, or, without a first name
    morfeusz2 knows, the last words read only as names or not known at all (`Tymur Tkaczenko`)."""
    start = next((k for k, w in enumerate(run) if _first_name(w)), None)
    if start is None:
        k = len(run)
        while k > 0 and (_unknown(run[k - 1]) or _name_readings(run[k - 1]) or _surname_like(run[k - 1])):
            k -= 1
        run = run[k:]
        if not any(_unknown(w) or _proper_only(w) for w in run):
            return []  # common words that are also surnames: `Związku Rolników`
    else:
        run = run[start:]
    return run[-2:]


@lru_cache(maxsize=50_000)
def _proper_only(word: str) -> bool:
    """Does morfeusz2 read the word only as a first name or surname (`Tymur`, `Tkaczenko`), never as a
    common word (`Związku`, `Rolników` are also surnames)?"""
    found = [(tag, qualifiers) for _, _, (_, _, tag, qualifiers, _) in analyses(word)]
    return bool(found) and all(tag.startswith("subst") and NAME_QUALIFIERS & set(q) for tag, q in found)


@lru_cache(maxsize=50_000)
def _surname_like(word: str) -> bool:
    """A capitalised word read only as an adjective after a name (`Dmitrija Pieskowa`, `Anny Nowickiej`)."""
    tags = [tag for _, tag in lemmas_and_tags(word)]
    return bool(tags) and all(tag.startswith("adj") for tag in tags)


def _acronym(word: str) -> bool:
    """`PiS`, `NFZ`, `KO`: capitals inside the word."""
    return sum(c.isupper() for c in word) >= 2 and "-" not in word


def _first_name(word: str) -> bool:
    return any(tag.startswith("subst") and "imię" in qualifiers
               for _, _, (_, _, tag, qualifiers, _) in analyses(word))


def _nominative_name(word: str, readings: dict[str, str], case: str) -> str:
    if not readings:
        return word
    if "-" in word.strip("-"):
        # A double surname: each part in the nominative (`Pełczyńskiej-Nałęcz` -> `Pełczyńska-Nałęcz`).
        parts = word.split("-")
        return "-".join(_name_readings(p).get(case, p) if _name_readings(p) else p for p in parts)
    return readings[case]


@lru_cache(maxsize=50_000)
def _unknown(word: str) -> bool:
    if len(word) <= LONGEST_WORD and not word[:1].isupper():
        return all(r.tag == "ign" for r in readings(word))  # its own analysis, shared with the other layers
    return all(tag == "ign" for _, tag in lemmas_and_tags(word))


def canonical_id(phrase: str, lang: str = "pl") -> str | None:
    """The canonical id of a phrase on its own: a named person first, else a known entity."""
    resolved = resolve(phrase, lang)
    return resolved.id if resolved else None


@lru_cache(maxsize=50_000)
def resolve(phrase: str, lang: str = "pl") -> Resolved | None:
    found = find_entity(phrase, lang)
    if found is not None and (found[1] > 0 or found[2] < len(_word_texts(phrase))) \
            and (foreign := _of_country(phrase, lang)) is not None:
        return foreign  # `sudańskie ministerstwo zdrowia`, `MON Armenii`: not the Polish one the alias names
    acronym = _BRACKETED_ACRONYM.search(phrase)
    if found is None and acronym:
        return Resolved(acronym.group(1), None)  # `Krajowy Ośrodek Referencyjny ds. ... (KORLD)`: its short name
    person = person_name(phrase)
    if person is not None and (found is None or person.casefold() != found[0].id.casefold()):
        return Resolved(person, "person", found[0].id if found else None)
    return Resolved(found[0].id, found[0].kind) if found else _of_country(phrase, lang)


def _of_country(phrase: str, lang: str) -> Resolved | None:
    """A state speaking (`Litwa`, `Mińsk`): its government; a state's institution named by its adjective
    (`włoskie MSW`, `sudańskie ministerstwo zdrowia`): that institution with the state, one id whatever
    the adjective's gender."""
    from kronika.entities import find_entities

    words = [t for t in tokenize(phrase) if t.is_word]
    if not words:
        return None
    found = [e for e in find_entities(phrase, lang) if e.kind == "country"]
    if len(found) != 1 or found[0].canonical == HOME_COUNTRY.get(lang):
        return None
    country = found[0]
    inside = [t for t in words if country.start <= t.start < country.end]
    rest = [t.text for t in words if t.end <= country.start or t.start >= country.end]
    if country.form in ("name", "capital") and not rest:
        return Resolved(f"Government of {country.canonical}", "government")
    if country.form == "name" and inside and words[-1] is inside[-1] and rest:
        # `MON Armenii`, `ministerstwo obrony Azerbejdżanu`: an institution of the state its genitive names; a
        # name keeps its capitals, a common noun is one id whatever its case (as the adjective's rule below)
        named = all(w[:1].isupper() for w in rest)
        body = " ".join(rest) if named else " ".join(w.lower() for w in rest)
        return Resolved(f"{body} ({country.canonical})", "government" if named else None)
    if country.form == "adjective" and inside and words[0] is inside[0] and rest:
        if all(w[:1].isupper() for w in rest):
            return Resolved(" ".join(rest), None)  # `portugalska DGS`: the name says it
        if not any(w[:1].isupper() for w in rest):
            return Resolved(f"{' '.join(w.lower() for w in rest)} ({country.canonical})", None)
    return None


def _word_texts(phrase: str) -> list[str]:
    """The phrase's words as written (punctuation left out)."""
    return [t.text for t in tokenize(phrase) if t.is_word]


def _head(phrase: str) -> str | None:
    words = _word_texts(phrase)
    return min(lemmas(words[0])) if words and words[0][:1].islower() else None


def resolve_sources(claims: Iterable[Claim], lang: str = "pl", text: str | None = None) -> None:
    """Set `source_id` (and `source_kind` where the entity knows it) on one article's claims in text order.
    A bare surname joins the full name named earlier; a bare role (`rzecznik`, `wojewoda`) joins the
    last fuller phrase with the same head word; with the article's `text`, a generic noun (`resort`,
    `spółka`) joins the last entity named before the claim that fits it."""
    by_surname: dict[str, str] = {}
    by_head: dict[str, Resolved] = {}
    by_role: dict[str, Resolved] = {}
    seen: dict[str, Resolved | None] = {}
    mentions: _EntityMentions | None = None
    for claim in claims:
        phrase = claim.source
        if not phrase:
            continue
        anaphor = _anaphor(phrase, lang)
        if anaphor is not None and text is not None:
            if mentions is None:
                mentions = _EntityMentions(text, lang)  # once per article, only when needed
            entity = _antecedent_entity(mentions.before(claim.span[0]), claim.span[0], *anaphor, lang=lang)
            if entity is not None:
                claim.source_id, claim.source_kind = entity.id, entity.kind
                continue
        if phrase not in seen:
            seen[phrase] = _in_article(phrase, by_surname, by_head, by_role, lang)
        resolved = seen[phrase]
        if (resolved is None or resolved.kind is None) and text is not None and (
                (role := _roles(lang).get(_as_written(phrase).lower())) is not None):
            person = _person_in_role(text[:claim.span[0]], role)  # `premier Donald Tusk` named earlier
            resolved = Resolved(person, "person") if person else resolved
        if resolved is None:
            continue
        claim.source_id = resolved.id
        if resolved.kind is not None:
            claim.source_kind = resolved.kind


@cache
def _anaphors(lang: str = "pl") -> dict[str, frozenset[str]]:
    text = resources.files("kronika.lang").joinpath(lang, "sources", "anaphors.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {noun: frozenset(fits.split("|")) for noun, fits in rows}


def _anaphor(phrase: str, lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """What a generic source refers to, if it is one: `Resort`, `spółka`, `resort obrony` (whose entity
    must also have `obrona` in its name), `rzecznik instytucji` (the institution behind its spokesman).
    Returns what the entity must fit and the lemmas its name must hold."""
    words = _word_texts(phrase)
    if not words or len(words) > 3 or any(w[:1].isupper() and k > 0 for k, w in enumerate(words)):
        return None
    table = _anaphors(lang)
    for k, word in enumerate(words):
        if _acronym(word):
            return None
        fits = next((table[lemma] for lemma in sorted(lemmas(word.lower())) if lemma in table), None)
        if fits is None:
            continue
        if k > 0 and not all(lemma in _person_roles(lang) for w in words[:k] for lemma in lemmas(w.lower())
                             if lemma == min(lemmas(w.lower()))):
            return None  # only a spokesman or representative stands before it
        required = frozenset(min(lemmas(w.lower())) for w in words[k + 1:])
        return fits, required
    return None


@cache
def _person_roles(lang: str = "pl") -> frozenset[str]:
    """Roles that speak for an institution (`rzecznik`, `przedstawiciel`): the kinds file's persons."""
    text = resources.files("kronika.lang").joinpath(lang, "claims", "source_kinds.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(row[0] for row in rows if len(row) > 1 and row[1].strip() == "person")


@cache
def _entity_words(lang: str = "pl") -> dict[str, frozenset[str]]:
    """Every lemma of every alias of each entity."""
    words: dict[str, set[str]] = {}
    for entries in _aliases(lang).values():
        for alias in entries:
            bag = words.setdefault(alias.entity.id, set())
            for key in alias.words:
                bag.update({key.lower()} if isinstance(key, str) else key)
            bag.update(w.lower() for w in alias.entity.id.split())
    return {entity: frozenset(bag) for entity, bag in words.items()}


class _EntityMentions:
    """The known entities the text names, with their offsets, in one pass (longest alias first), read
    only as far as a claim needs: the pass is greedy from the left, so the mentions that start before
    an offset are the same however far it has gone, and the words after the last claim that asks are
    never looked up."""

    def __init__(self, text: str, lang: str) -> None:
        self.starts, self.words = word_offsets(text)  # offsets and words only, no tokens made
        self.index = _aliases(lang)
        self.found: list[tuple[int, Entity]] = []
        self._next = 0  # the first token not read yet

    def before(self, offset: int) -> list[tuple[int, Entity]]:
        """Every mention that starts before `offset` (and perhaps a few more)."""
        starts, words, index, found = self.starts, self.words, self.index, self.found
        i = self._next
        while i < len(words) and starts[i] < offset:
            best: tuple[Entity, int] | None = None
            for key in _keys(words[i]):
                for alias in index.get(key, ()):
                    n = len(alias.words)
                    if best is not None and n <= best[1]:
                        break
                    rest = words[i + 1 : i + n]
                    if len(rest) == n - 1 and all(_matches(k, w) for k, w in zip(alias.words[1:], rest, strict=True)):
                        best = (alias.entity, n)
                        break
            if best is not None:
                found.append((starts[i], best[0]))
                i += best[1]
            else:
                i += 1
        self._next = i
        return found


def _antecedent_entity(mentions: list[tuple[int, Entity]], before: int, fits: frozenset[str],
                       required: frozenset[str], lang: str) -> Entity | None:
    kinds = {f[1:] for f in fits if f.startswith("*")}
    words = _entity_words(lang)
    for k in range(bisect.bisect_left(mentions, before, key=lambda m: m[0]) - 1, -1, -1):
        entity = mentions[k][1]
        named = words.get(entity.id, frozenset())
        if (entity.kind in kinds or fits & named) and required <= named:
            return entity
    return None


def _in_article(phrase: str, by_surname: dict[str, str], by_head: dict[str, Resolved], by_role: dict[str, Resolved],
                lang: str) -> Resolved | None:
    words = _word_texts(phrase)
    head = _head(phrase)
    resolved = resolve(phrase, lang)
    if resolved is not None and resolved.kind == "person":
        by_surname[resolved.id.split()[-1].casefold()] = resolved.id
        named_role = _role_before_name(phrase, resolved.id)
        if named_role:
            by_role[named_role] = by_role.get(named_role, resolved)
    if resolved is None or resolved.kind is None:
        role = _roles(lang).get(" ".join(words).lower())
        if role is not None and (found := by_role.get(role) or by_head.get(role.split()[0])) is not None:
            return found  # `Szef rządu` after `premier Donald Tusk`
    if len(words) == 1 and resolved is None:
        surname = _surname_key(words[0])
        if surname in by_surname:
            return Resolved(by_surname[surname], "person")
        if head is not None and head in by_head:
            return by_head[head]
    if resolved is None and len(words) > 1 and words[0][:1].islower() and all(w[:1].isupper() for w in words[1:]):
        # A generic noun before a name (`agencja ANSA`, `obserwatorium Copernicus`, `serwis Flightradar24`):
        # the name is the entity.
        resolved = Resolved(_as_written(" ".join(words[1:])), None)
    if resolved is None and (len(words) > 1 or (words and words[0][:1].isupper() and _unknown(words[0]))):
        # A role with its qualifier (`wojewoda małopolski`), an organisation the pack does not list
        # (`Hiszpańskie MSW`, `Frontex`): the entity the article names by it, as written.
        resolved = Resolved(_as_written(phrase), None)
    if resolved is not None and head is not None:
        by_head[head] = resolved
    return resolved


@cache
def _roles(lang: str = "pl") -> dict[str, str]:
    text = resources.files("kronika.lang").joinpath(lang, "sources", "roles.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {phrase: role for phrase, role in rows}


def _person_in_role(text: str, role: str) -> str | None:
    """The last person the text names with the role (`premiera Donalda Tuska` for `premier`)."""
    stems = [re.escape(w[: max(3, len(w) - 3)]) + r"\w*" for w in role.split()]
    name = r"([A-ZĄĆĘŁŃÓŚŹŻ]\w+(?:-[A-ZĄĆĘŁŃÓŚŹŻ]\w+)?\s+[A-ZĄĆĘŁŃÓŚŹŻ]\w+(?:-[A-ZĄĆĘŁŃÓŚŹŻ]\w+)?)"
    found = list(re.finditer(r"\b" + r"\s+".join(stems) + r"\s+" + name, text, re.IGNORECASE))
    if not found:
        return None
    match = found[-1]
    if not match.group(1)[:1].isupper():
        return None
    return person_name(match.group(1))


def _role_before_name(phrase: str, name: str) -> str:
    """`minister finansów` out of `minister finansów Andrzej Domański` (lowercase, as written)."""
    words = _word_texts(phrase)
    first = name.split()[0]
    cut = next((k for k, w in enumerate(words) if w[:3] == first[:3] and w[:1].isupper()), len(words))
    return " ".join(words[:cut]).lower()


def _surname_key(word: str) -> str:
    readings = _name_readings(word)
    return (readings.get("nom") or next(iter(readings.values()), word)).casefold()


def _as_written(phrase: str) -> str:
    """The phrase as an id: brackets and quotation marks out, spaces normalised (`ds.` keeps its period)."""
    text = re.sub(r"\([^)]*\)|[„”\"“«»]", " ", phrase)
    return " ".join(text.split()).strip(" ,;:–-")
