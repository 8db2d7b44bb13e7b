"""Generate the inflected-form tables of a language's number data with morfeusz2's generator.

    python -m kronika.numbers.build            # rewrite kronika/lang/pl/numbers/*_forms.tsv
    python -m kronika.numbers.build --check    # exit 1 when the committed tables are out of date

Sources (human-edited lemma lists) and their generated tables:
    numeral_lemmas.tsv    -> numeral_forms.tsv      (jeden..dziewięćset, tysiąc, kilka, połowa...)
    unit_lemmas.tsv       -> unit_forms.tsv         (procent, złoty, dolar...)
    non_figure_lemmas.tsv -> non_figure_forms.tsv   (months, time units, raz...)
    destination_lemmas.tsv -> destination_forms.tsv (rodzina, szpital, gmina... after "do N")

Besides SGJP's forms, each table gets the spelling without Polish diacritics (`czterech` ->
`czterech`, `dwóch` -> `dwoch`, `tysięcy` -> `tysiecy`) when morfeusz2 knows no other word spelled
that way, so that text typed without diacritics still reads (`piec` is an oven and is left out).
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from kronika.numbers.lexicon import data_dir, read_rows

logger = logging.getLogger(__name__)

_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

Generate = Callable[[str], list[tuple[str, str]]]  # lemma -> [(form, tag)]
IsUnknown = Callable[[str], bool]


def _morfeusz() -> tuple[Generate, IsUnknown]:
    import morfeusz2

    engine = morfeusz2.Morfeusz(generate=True)

    def generate(lemma: str) -> list[tuple[str, str]]:
        return [(form, tag) for form, _lemma, tag, _names, _quals in engine.generate(lemma)]

    def is_unknown(word: str) -> bool:
        return all(interp[2][2] == "ign" for interp in engine.analyse(word))

    return generate, is_unknown


def _forms(lemma: str, tags: str, generate: Generate) -> dict[str, list[str]]:
    """Lower-case forms of `lemma` whose tag matches `tags`, with the tags that matched."""
    keep = re.compile(tags)
    forms: dict[str, list[str]] = {}
    for form, tag in generate(lemma):
        if keep.search(tag) and form.isalpha():
            forms.setdefault(form.lower(), []).append(tag)
    if not forms:
        raise ValueError(f"morfeusz2 generates no form of {lemma!r} with a tag matching {tags!r}")
    return forms


def _grammatical_number(tags: list[str]) -> str:
    # Scales: `tysiąc`/`tysiąca` (and the numeral reading `tysiąc`) are one thousand, `tysiące` alone
    # is a vague plural. Only nouns that are plural and nothing else count as plural.
    if any(tag.startswith(("subst:sg", "num:")) for tag in tags):
        return "sg"
    return "pl" if any(tag.startswith("subst:pl") for tag in tags) else "-"


def _table(
    rows: Iterable[tuple[str, tuple[str, ...], str]], is_unknown: IsUnknown
) -> list[tuple[str, ...]]:
    """rows of (form, fields, lemma) -> sorted (form, lemma, *fields, origin), ascii spellings added."""
    by_form: dict[str, tuple[str, tuple[str, ...]]] = {}
    for form, fields, lemma in rows:
        previous = by_form.get(form)
        if previous is not None and previous[1] != fields:
            raise ValueError(f"{form!r} reads as {previous} and as {(lemma, fields)}")
        by_form.setdefault(form, (lemma, fields))
    out = [(form, lemma, *fields, "sgjp") for form, (lemma, fields) in by_form.items()]
    for form, (lemma, fields) in by_form.items():
        plain = form.translate(_ASCII)
        if plain != form and plain not in by_form and is_unknown(plain):
            out.append((plain, lemma, *fields, "ascii"))
    return sorted(set(out))


def _render(header: str, columns: str, table: list[tuple[str, ...]]) -> str:
    lines = [
        f"# GENERATED from {header} by `python -m kronika.numbers.build` (morfeusz2, SGJP). Do not edit.",
        f"# Columns: {columns}",
    ]
    lines += ["\t".join(row) for row in table]
    return "\n".join(lines) + "\n"


def _value(text: str) -> str:
    """Numbers as written in the lemma file, normalised ("1000000" and "1e6" both -> "1000000")."""
    if not text:
        return ""
    number = float(text)
    return str(int(number)) if number.is_integer() else repr(number)


def generate_tables(lang: str = "pl", morphology: tuple[Generate, IsUnknown] | None = None) -> dict[str, str]:
    """File name -> full text of every generated table of `lang`."""
    generate, is_unknown = morphology or _morfeusz()
    folder = data_dir(lang)

    numerals = []
    for lemma, value, value_max, role, tags in read_rows(folder / "numeral_lemmas.tsv"):
        for form, form_tags in _forms(lemma, tags, generate).items():
            number = _grammatical_number(form_tags) if role == "scale" else "-"
            numerals.append((form, (_value(value), _value(value_max), role, number), lemma))

    units = []
    for lemma, unit, tags in read_rows(folder / "unit_lemmas.tsv"):
        units += [(form, (unit,), lemma) for form in _forms(lemma, tags, generate)]

    non_figures = []
    for lemma, reason, tags in read_rows(folder / "non_figure_lemmas.tsv"):
        non_figures += [(form, (reason,), lemma) for form in _forms(lemma, tags, generate)]

    destinations = []
    for lemma, tags in read_rows(folder / "destination_lemmas.tsv"):
        destinations += [(form, (), lemma) for form in _forms(lemma, tags, generate)]

    return {
        "destination_forms.tsv": _render(
            "destination_lemmas.tsv", "form, lemma, origin", _table(destinations, is_unknown)
        ),
        "numeral_forms.tsv": _render(
            "numeral_lemmas.tsv",
            "form, lemma, value, value_max, role, number (sg/pl for scales, else -), "
            "origin (sgjp, or ascii: the same form without diacritics)",
            _table(numerals, is_unknown),
        ),
        "unit_forms.tsv": _render("unit_lemmas.tsv", "form, lemma, unit, origin", _table(units, is_unknown)),
        "non_figure_forms.tsv": _render(
            "non_figure_lemmas.tsv", "form, lemma, reason, origin", _table(non_figures, is_unknown)
        ),
    }


def stale_tables(lang: str = "pl") -> list[str]:
    """Names of generated tables whose committed text differs from what the generator gives now."""
    folder = data_dir(lang)
    return [
        name
        for name, text in generate_tables(lang).items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="pl")
    parser.add_argument("--check", action="store_true", help="only report tables that are out of date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.check:
        stale = stale_tables(args.lang)
        for name in stale:
            logger.error("%s is out of date: run python -m kronika.numbers.build", name)
        return 1 if stale else 0
    folder: Path = data_dir(args.lang)
    for name, text in generate_tables(args.lang).items():
        (folder / name).write_text(text, encoding="utf-8")
        logger.info("wrote %s (%d rows)", folder / name, text.count("\n") - 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
