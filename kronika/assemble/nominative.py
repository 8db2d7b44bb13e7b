"""Put the head of a Polish noun phrase into the nominative: `zachodnich źródeł` -> `zachodnie źródła`,
`Ministerstwa Obrony Rosji` -> `Ministerstwo Obrony Rosji`. Adjectives agree with the head noun;
complements after it keep their case."""
from __future__ import annotations

from functools import lru_cache

import morfeusz2

from kronika.assemble.morph import Reading, Token

NOUNS = frozenset({"subst", "ger", "depr"})
ADJECTIVES = frozenset({"adj", "ppas", "pact"})
GENDERS = ("m1", "m2", "m3", "f", "n")


@lru_cache(maxsize=1)
def _generator() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz(analyse=False, generate=True)


def nominative_phrase(tokens: list[Token], text: str, case: str) -> str:
    """The phrase's text with its head noun and the adjectives agreeing with it turned from `case` to
    the nominative; words morfeusz2 does not know stay as written."""
    if not tokens:
        return ""
    words = [t.text for t in tokens]
    if case != "nom":
        nouns = [k for k, t in enumerate(tokens) if _reading(t, NOUNS, case)]
        # A word that also reads as an adjective (`zachodnich`, `ukraińskiego`) is a modifier when a
        # plain noun follows.
        head = next((k for k in nouns if not _reading(tokens[k], ADJECTIVES, case)), nouns[0] if nouns else None)
        if head is not None:
            number, gender = _agreement(tokens, head, case)
            if number and gender:
                modifiers = list(range(head))
                k = head + 1
                while k < len(tokens) and _reading(tokens[k], ADJECTIVES, case, number) and not _modifies_next_noun(
                        tokens, k, case):
                    modifiers.append(k)
                    k += 1
                for k in [*modifiers, head]:
                    pos = NOUNS if k == head else ADJECTIVES
                    names_first = tokens[k + 1] if k == head and _before_capitalised_adjective(tokens, head) else None
                    reading = _reading(tokens[k], pos, case, number, None if k == head else gender, names_first)
                    if reading is not None:
                        words[k] = _inflect(words[k], reading, number, gender)
        _names_to_nominative(tokens, words, case)
    pieces = [words[0]]
    for k in range(1, len(tokens)):
        pieces.append(text[tokens[k - 1].end : tokens[k].start] + words[k])
    return "".join(pieces)


def _names_to_nominative(tokens: list[Token], words: list[str], case: str) -> None:
    """A person named after the title, in the title's case (`rzecznika MSZ Pawła Wrońskiego`), in the
    nominative too (`Paweł Wroński`): from a first name on, the names morfeusz2 reads in that case."""
    from kronika.assemble.canonical import _first_name, _name_readings

    k = next((k for k, t in enumerate(tokens) if k > 0 and t.text[:1].isupper() and _first_name(t.text)
              and case in _name_readings(t.text)), None)
    while k is not None and k < len(tokens) and tokens[k].text[:1].isupper():
        readings = _name_readings(tokens[k].text)
        if case not in readings:
            break
        words[k] = readings[case]
        k += 1


def _before_capitalised_adjective(tokens: list[Token], k: int) -> bool:
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return (tokens[k].text[:1].isupper() and not tokens[k].text.isupper() and following is not None
            and following.text[:1].isupper() and any(r.pos == "adj" for r in following.readings))


def _modifies_next_noun(tokens: list[Token], k: int, case: str) -> bool:
    """Does the adjective after the head belong to the genitive noun after it (`Biura [Wysokiego Komisarza]`),
    not to the head (`Sił Powietrznych Ukrainy`, `Komendy Głównej Policji`)? It does when that noun is a
    person's title agreeing with it (`Komisarza`, `Inspektora`): such titles take their adjective first."""
    j = k + 1
    while j < len(tokens) and _reading(tokens[j], ADJECTIVES, case) and not _reading(tokens[j], NOUNS, case):
        j += 1
    if j >= len(tokens) or _reading(tokens[j], NOUNS, case) is None:
        return False
    for adjective in tokens[k].readings:
        if adjective.pos not in ADJECTIVES or not adjective.has(case):
            continue
        for noun in tokens[j].readings:
            if noun.pos in NOUNS and noun.has(case) and noun.has("m1") and adjective.has("m1") and any(
                    adjective.has(n) and noun.has(n) for n in ("sg", "pl")):
                return True
    return False


def _reading(token: Token, pos: frozenset[str], case: str, number: str | None = None,
             gender: str | None = None, names_first: Token | None = None) -> Reading | None:
    readings = token.readings
    if names_first is not None:
        # A capitalised noun before a capitalised adjective agreeing with it is a name: `Wód Polskich` is
        # `Wody Polskie` (not the rarer `wóda`), `Rady Najwyższej` stays `Rada` (not the name `Rado`).
        adjectives = [r for r in names_first.readings if r.pos == "adj" and r.has(case)]
        named = [r for r in readings if r.lemma[:1].isupper() and any(
            all(a.has(f) == r.has(f) for f in ("sg", "pl")) and any(a.has(g) and r.has(g) for g in GENDERS)
            for a in adjectives)]
        readings = (*named, *readings)
    for reading in readings:
        if reading.pos in pos and reading.has(case) and (number is None or reading.has(number)) and (
            gender is None or reading.has(gender)
        ):
            return reading
    return None


def _agreement(tokens: list[Token], head: int, case: str) -> tuple[str | None, str | None]:
    """Number and gender of the head, using the adjectives around it to settle the number."""
    numbers = {n for r in tokens[head].readings if r.pos in NOUNS and r.has(case) for n in ("sg", "pl") if r.has(n)}
    for k in (*range(head), head + 1):
        if k < len(tokens) and len(numbers) > 1:
            adjective = {n for r in tokens[k].readings if r.pos in ADJECTIVES and r.has(case)
                         for n in ("sg", "pl") if r.has(n)}
            if adjective and adjective & numbers:
                numbers &= adjective
    number = "pl" if numbers == {"pl"} else "sg" if "sg" in numbers else None
    reading = _reading(tokens[head], NOUNS, case, number) if number else None
    gender = next((g for g in GENDERS if reading and reading.has(g)), None)
    return number, gender


ACRONYM_LENGTH = 5  # `OCHA`, `UNHCR`; a longer word in capitals is a headline's (`SZCZECINA`, `EUROPY`)


def _inflect(word: str, reading: Reading, number: str, gender: str) -> str:
    degree = next((d for d in ("com", "sup") if reading.has(d)), "pos")  # `Najwyższa Izba`, not `Wysoka`
    form = _nominative_form(reading.lemma, reading.pos, number, gender, degree)
    if form is None:
        return word
    if "-" in word.strip("-") and "-" not in form:
        # morfeusz2 reads a compound by its last part: `Sanitarno-Epidemiologicznej` keeps its first
        prefix, _, last = word.rpartition("-")
        return prefix + "-" + _inflect(last, reading, number, gender)
    if word.isupper() and len(word) > 1:
        # A capitalised headline word is inflected (`STRAŻY` -> `STRAŻ`); an acronym read as a name is
        # not (`OCHA` is no genitive of the surname `Och`: an inflected acronym takes a hyphen, `MSZ-u`).
        return word if reading.lemma[:1].isupper() and len(word) <= ACRONYM_LENGTH else form.upper()
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@lru_cache(maxsize=50_000)
def _nominative_form(lemma: str, pos: str, number: str, gender: str, degree: str = "pos") -> str | None:
    try:
        generated = _generator().generate(lemma)
    except RuntimeError:
        return None
    for form, _, tag, _, _ in generated:
        fields = set().union(*(set(f.split(".")) for f in tag.split(":")))
        if tag.split(":")[0] != pos or not {"nom", number} <= fields:
            continue
        if pos in ADJECTIVES and (degree not in fields and pos == "adj" or gender not in fields):
            continue
        if pos == "ppas" and "aff" not in fields:
            continue
        return form
    return None
