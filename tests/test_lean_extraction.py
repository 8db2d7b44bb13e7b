"""Extraction keeps memory bounded on long articles: what it does not need is not loaded, and what it
keeps per sentence is kept for the recent sentences only — with the same claims as before."""
from __future__ import annotations

import subprocess
import sys

import pytest

import kronika.assemble.context
import kronika.pipeline
from kronika.pipeline import extract

ARTICLE = "\n\n".join([
    "Rzecznik wojewody podał w poniedziałek, że z zalanych miejscowości ewakuowano 1,2 tys. osób.",
    "- Do wieczora do szkół trafiło kolejnych 300 mieszkańców. Mamy też 40 zgłoszeń o zaginionych - "
    "powiedział rzecznik.",
    "Według straży pożarnej strażacy wyjeżdżali do 950 interwencji. Dzień wcześniej mówiono o 700.",
    "„Woda opada, ale w nocy spodziewamy się jeszcze 20 cm” - ostrzegł hydrolog IMGW.",
] * 12)


def test_claims_are_the_same_when_only_two_sentences_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    everything = extract(ARTICLE, "2025-09-15")
    monkeypatch.setattr(kronika.assemble.context, "RECENT_SENTENCES", 2)
    assert extract(ARTICLE, "2025-09-15") == everything
    assert len(everything) > 40 and any(c.source for c in everything)


def test_extracting_loads_no_near_duplicate_or_story_machinery() -> None:
    """datasketch pulls in scipy (tens of MB): only storing in a ledger needs it."""
    program = (
        "import sys\n"
        "from kronika.api import extract_guarded\n"
        "from kronika.article import Article\n"
        "extract_guarded(Article(id='a', text='W powodzi zginęło 5 osób, podała policja.', published='2025-09-15'))\n"
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n"
    )
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_a_text_longer_than_a_section_is_read_a_section_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = extract(ARTICLE, "2025-09-15")
    monkeypatch.setattr(kronika.pipeline, "SECTION", 1500)
    sectioned = extract(ARTICLE, "2025-09-15")
    assert all(ARTICLE[c.span[0]:c.span[1]] == c.mention for c in sectioned)
    assert [c.to_dict() for c in sectioned] == [c.to_dict() for c in whole]  # no paragraph leans on another here
