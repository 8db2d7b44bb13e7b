"""The cheap language gate: clear Polish is decided by its profile, without lingua; anything in
doubt (other languages, Polish without diacritics, very short text) goes to lingua in low-accuracy mode."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kronika.ingest import language
from kronika.ingest.language import clearly_polish, detect_language, evidence, profile

POLISH = [
    # news prose, a short notice, figures and abbreviations, a quote with a foreign name
    "Rada Miasta przyjęła we wtorek budżet na przyszły rok. Wydatki wyniosą ponad 2,1 mld zł, a dochody"
    " mają być o 150 mln zł niższe, co radni opozycji uznali za zbyt ryzykowne.",
    "Policja zatrzymała dwóch mężczyzn podejrzanych o kradzież paliwa ze stacji przy ul. Długiej.",
    "Według GUS inflacja w październiku wyniosła 4,9 proc. rok do roku, a ceny żywności wzrosły o 3 proc.",
    "„Nie zgodzimy się na takie warunki” – powiedział minister po spotkaniu z Jean-Luciem Mélenchonem"
    " w Brukseli, gdzie rozmawiano także o cłach na stal.",
]
NOT_CLEARLY_POLISH = {
    "cs": "Vláda ve středu schválila návrh rozpočtu na příští rok, schodek má dosáhnout 230 miliard korun.",
    "sk": "Polícia v noci zadržala dvoch mužov, ktorí sa pokúsili ukradnúť palivo z čerpacej stanice.",
    "en": "The city council adopted next year's budget on Tuesday, with spending set to exceed 2.1 billion.",
    "de": "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr verabschiedet, für über 2 Mrd.",
    "lt": "Vyriausybė trečiadienį pritarė kitų metų biudžeto projektui, deficitas sieks beveik tris procentus.",
    "uk": "Уряд у середу схвалив проєкт бюджету на наступний рік, дефіцит сягне майже трьох відсотків.",
}


@pytest.mark.parametrize("text", POLISH)
def test_clear_polish_passes_the_profile(text: str) -> None:
    assert clearly_polish(text), evidence(text)


@pytest.mark.parametrize("code", sorted(NOT_CLEARLY_POLISH))
def test_other_languages_do_not_pass_the_profile(code: str) -> None:
    assert not clearly_polish(NOT_CLEARLY_POLISH[code])


@pytest.mark.parametrize("code", ["cs", "en", "de", "uk", "lt"])
def test_lingua_names_the_language_the_profile_leaves_in_doubt(code: str) -> None:
    assert detect_language(NOT_CLEARLY_POLISH[code]) == code


def test_polish_without_diacritics_is_left_to_lingua_which_knows_it() -> None:
    text = ("Wczoraj wieczorem na drodze krajowej doszlo do wypadku, w ktorym rannych zostalo trzech"
            " pasazerow autobusu jadacego do Krakowa.")
    assert not clearly_polish(text)
    assert detect_language(text) == "pl"


def test_too_few_words_are_left_to_lingua() -> None:
    assert not clearly_polish("Pożar w Łodzi.")
    assert evidence("Pożar w Łodzi.").words < profile().min_words


def test_too_few_letters_tell_nothing() -> None:
    assert detect_language("12.05.2024 – 17:30 – 4:2") is None


def test_the_profile_reads_only_a_sample_of_long_text() -> None:
    english_tail = " The rest of this very long page is an English transcript." * 500
    assert clearly_polish((POLISH[0] + "\n") * 12 + english_tail)


def test_clear_polish_never_builds_lingua() -> None:
    language._detector.cache_clear()
    for text in POLISH:
        assert detect_language(text) == "pl"
    assert language._detector.cache_info().currsize == 0


def test_one_doubtful_article_costs_little_memory() -> None:
    """lingua in high-accuracy mode grows a process by ~350 MB for one short article; low-accuracy
    mode by a small fraction of that."""
    script = (
        "import json, re\n"
        "from kronika.ingest.language import detect_language\n"
        f"code = detect_language({NOT_CLEARLY_POLISH['en']!r})\n"
        "status = open('/proc/self/status').read()\n"  # VmHWM: ru_maxrss would carry pytest's peak over exec
        "print(json.dumps([code, int(re.search(r'VmHWM:\\s+(\\d+)', status)[1]) / 1024]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    code, peak_mb = json.loads(result.stdout)
    assert code == "en"
    assert peak_mb < 200


def test_real_polish_news_passes_the_profile(shared_dir: Path) -> None:
    texts = [json.loads(line)["text"] for path in sorted((shared_dir / "benchmarks" / "timex-kpwr").glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts += [path.read_text("utf-8") for path in sorted((shared_dir / "seeds").glob("*.txt"))]
    decided = sum(clearly_polish(text) for text in texts)
    assert decided >= 0.95 * len(texts)
    assert all(detect_language(text) == "pl" for text in texts if not clearly_polish(text))
