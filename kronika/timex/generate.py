"""Generate every inflected form of the time lemmas in lexemes.tsv with morfeusz2 into forms.tsv.

Run `python -m kronika.timex.generate` after editing lexemes.tsv; a test regenerates the table and
fails when the committed forms.tsv has drifted from what morfeusz2 gives.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

logger = logging.getLogger(__name__)

TIME_DATA = Path(__file__).resolve().parent.parent / "lang" / "pl" / "time"
LEXEMES = TIME_DATA / "lexemes.tsv"
FORMS = TIME_DATA / "forms.tsv"

HEADER = (
    "# GENERATED from lexemes.tsv by `python -m kronika.timex.generate` (morfeusz2, SGJP). Do not edit.\n"
    "# Columns: form, lemma, category, value, number (sg/pl/-), cases (dot-separated, - when none).\n"
    "# numeral_prefix rows are the compounding stems of numerals (dwu-, pięcio-, kilku-).\n"
)
# Parts of speech whose forms stand as words in a sentence; abbreviations (brev) are listed by
# hand in words.tsv, adverbial stems (adja) never stand alone.
INFLECTED_POS = {"subst", "adj", "num", "adv"}
CASES = {"nom", "gen", "dat", "acc", "inst", "loc", "voc"}


Lexeme = tuple[str, str, str, str, str]


def read_lexemes(path: Path = LEXEMES) -> list[Lexeme]:
    """(lemma, category, value, number, degree) rows of a lexeme table, comments and blanks skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        lemma, category, value, number = fields[:4]
        rows.append((lemma, category, value, number, fields[4] if len(fields) > 4 else ""))
    return rows


def _split_tag(tag: str) -> tuple[str, str, set[str]]:
    """Part of speech, grammatical number and cases of a morfeusz2 tag like `subst:sg:gen.loc:m3`."""
    fields = tag.split(":")
    number = next((f for f in fields[1:] if f in ("sg", "pl", "sg.pl")), "-")
    cases = next((set(f.split(".")) for f in fields[1:] if set(f.split(".")) <= CASES), set())
    return fields[0], number, cases


def _forms_of(generated: Iterable[tuple], lexeme: Lexeme) -> Iterator[str]:
    lemma, category, value, keep, degree = lexeme
    wanted_lemma = lemma if ":" in lemma else None
    base = lemma.split(":")[0]
    merged: dict[tuple[str, str], set[str]] = {}
    for form, gen_lemma, tag, _names, _quals in generated:
        if wanted_lemma and gen_lemma != wanted_lemma:
            continue
        pos, number, cases = _split_tag(tag)
        if pos == "numcomp" and category in ("cardinal", "vague"):
            yield f"{form}\t{base}\tnumeral_prefix\t{value}\t-\t-"
            continue
        if pos not in INFLECTED_POS or (cases and cases <= {"voc"}):
            continue
        if keep != "all" and keep not in number.split("."):
            continue
        if degree and degree not in tag.split(":"):
            continue
        merged.setdefault((form, number), set()).update(cases - {"voc"})
    for (form, number), cases in merged.items():
        yield f"{form}\t{base}\t{category}\t{value}\t{number}\t{'.'.join(sorted(cases)) or '-'}"


def generate_forms(lexemes: Iterable[Lexeme]) -> str:
    """The text of forms.tsv for the given lexemes (sorted, so that the output is stable)."""
    import morfeusz2  # only the generator and its drift test need the dictionary loaded

    morfeusz = morfeusz2.Morfeusz(generate=True, analyse=False)
    lines: set[str] = set()
    for lexeme in lexemes:
        generated = morfeusz.generate(lexeme[0].split(":")[0])
        if all(tag == "ign" for _form, _lemma, tag, _names, _quals in generated):
            raise ValueError(f"morfeusz2 knows no forms of {lexeme[0]}")
        lines.update(_forms_of(generated, lexeme))
    return HEADER + "".join(line + "\n" for line in sorted(lines))


def main() -> None:
    FORMS.write_text(generate_forms(read_lexemes()), encoding="utf-8")
    print(f"wrote {FORMS}")


if __name__ == "__main__":
    main()
