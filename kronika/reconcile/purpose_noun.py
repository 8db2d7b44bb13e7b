"""What a sum is for when money_for.tsv names nothing: the noun the sentence itself puts it to.

money_for.tsv is a closed list of purposes that recur (aid, losses, a fine). Purposes are an open class,
though: `800 tys. zł na zarybienie rzeki`, `na bonifikaty dla klientów przeznaczy 25 mln zł`, `1,4 mln zł
zwrotów dla pasażerów`. Three constructions name one, all read with morfeusz2:
- `na` with a noun in the accusative, right after the sum or earlier in its stretch of the sentence (an
  adjective or two may stand between: `na nowe karetki`);
- a noun in the genitive right after the sum (`1,4 mln zł zwrotów`, `300 tys. zł dotacji`);
- the subject of `wynieść`, `sięgać`, `przekroczyć` or `osiągnąć` just before it (`zwroty wyniosły 4,1 mln
  zł`, `koszty sięgną`, `wpływy przekroczyły`).
The key is the noun's lemma (a gerund's nominative: `zarybienie`), so two sentences that name one purpose
name it alike. Nouns of time, amount and place (`na rok`, `na kwotę`, `na konto`, `zł rocznie` is no
noun at all) are not purposes: purpose_not.txt.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kronika.assemble.morph import Reading, readings
from kronika.reconcile.word_lists import lemma_list

# How far back, in characters of the sum's own stretch, a `na <noun>` still names its purpose: `na
# bonifikaty dla klientów, którzy najdłużej nie mieli prądu, przeznaczy 25 mln zł`.
NA_REACH = 90
_WORD = re.compile(r"\w+")
_NA = re.compile(r"(?<!\w)na\s+")
_ADJECTIVES_BETWEEN = 2
# `zwroty wyniosły (łącznie) 4,1 mln zł`, `wpływy przekroczyły 47 mln zł`: the verb of amounting to (or
# passing, reaching), at most two words before the sum.
_AMOUNTED = re.compile(r"(?<!\w)(?:wyni?os\w*|wyniesie|wynieść|sięg\w*|przekr(?:oczy|acza)\w*|osiąg\w*)"
                       r"(?:\s+[\w.]+){0,2}\s*$")
_CLAUSE_START = re.compile(r".*[,;:–(]")  # not `.`: `ok.`, `tys.` stand inside a clause
_MODALS = frozenset({"móc", "mieć", "musieć"})
_SUBJECT_REACH = 3  # words back from the verb: `koszty akcji mogą sięgnąć`


def _noun_key(word: str, case: str, lang: str) -> str | None:
    """The purpose key of `word` when one of its readings is a noun or gerund in `case`, else None."""
    reading = _noun_reading(word, case)
    if reading is None:
        return None
    if reading.pos == "ger":  # the lemma is the verb; the purpose is the deed: `zarybienia` -> `zarybienie`
        lowered = word.casefold()
        key = lowered if reading.has("sg", "acc") else lowered[:-1] + "e" if lowered.endswith("nia") \
            or lowered.endswith("cia") else None
    else:
        key = reading.lemma.casefold()
    return key if key and key not in lemma_list("purpose_not.txt", lang) else None


# A word that can be a preposition or an adverb is that, not a noun beside it: `z 4 zł do 5 zł` (`do`, the
# note), `800 zł od października` (`od`, of `oda`), `1978 zł dziś` name no purpose.
_FUNCTION_WORDS = frozenset({"prep", "adv", "conj", "comp", "qub", "part", "interj"})


@lru_cache(maxsize=20_000)
def _noun_reading(word: str, case: str) -> Reading | None:
    found = readings(word)
    if any(reading.pos in _FUNCTION_WORDS for reading in found):
        return None
    for reading in found:
        if reading.pos in ("subst", "ger") and reading.has(case):
            return reading
    return None


def _is_adjective(word: str, case: str) -> bool:
    return any(r.pos in ("adj", "pact", "ppas") and r.has(case) for r in readings(word))


def _after_na(text: str, lang: str) -> str | None:
    """The purpose `na` names at the start of `text` (the words after `na`)."""
    words = _WORD.findall(text[:80])[:_ADJECTIVES_BETWEEN + 1]
    for i, word in enumerate(words):
        adjective = _is_adjective(word, "acc")
        if adjective and i + 1 < len(words) and _noun_reading(words[i + 1], "acc") is not None:
            continue  # `na nowe karetki`: `nowe` is read as a noun too
        if (key := _noun_key(word, "acc", lang)) is not None:
            return key
        if not adjective:
            return None
    return None


def _subject_of(clause: str, lang: str) -> str | None:
    """The noun in the nominative that ends `clause`, past a genitive (`koszty akcji`) or a modal verb
    (`straty mogą`)."""
    clause = clause[m.end():] if (m := _CLAUSE_START.match(clause)) is not None else clause
    found = None
    for word in reversed(_WORD.findall(clause)[-_SUBJECT_REACH:]):
        if _noun_reading(word, "nom") is not None:
            found = word  # the leftmost of a run of nouns: `zyski spółki` (`spółki` may be a nominative)
        elif _preposition(word):
            found = None  # `wpływy od premiery sięgnęły`: the noun after a preposition is its object
        elif _noun_reading(word, "gen") is None and not any(r.lemma in _MODALS for r in readings(word)):
            break
    return _noun_key(found, "nom", lang) if found is not None else None


def _preposition(word: str) -> bool:
    """`od`, `z`, `dla`; not `a` (a conjunction, which morfeusz2 also reads as a preposition)."""
    kinds = {r.pos for r in readings(word)}
    return "prep" in kinds and "conj" not in kinds


def named_purpose(before: str, after: str, lang: str = "pl") -> str | None:
    """The purpose the sum's own stretch of sentence names (`before` and `after` the sum, casefolded)."""
    words = _WORD.match(after.lstrip()) if after[:1].isspace() else None
    if words is not None and (key := _noun_key(words.group(0), "gen", lang)) is not None:
        return key  # `1,4 mln zł zwrotów`
    if (na := _NA.match(after.lstrip())) is not None and (key := _after_na(after.lstrip()[na.end():], lang)):
        return key  # `800 tys. zł na zarybienie`
    if (amounted := _AMOUNTED.search(before[-NA_REACH:])) is not None \
            and (key := _subject_of(before[-NA_REACH:][:amounted.start()], lang)) is not None:
        return key  # `zwroty wyniosły 4,1 mln zł`
    last = None
    for match in _NA.finditer(before, max(0, len(before) - NA_REACH)):
        last = match
    if last is not None:
        return _after_na(before[last.end():], lang)  # `na zarybianie przekaże 650 tys. zł`
    return None
