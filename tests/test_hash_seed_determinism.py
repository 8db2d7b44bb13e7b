"""The same articles give the same claims and figures whatever Python's hash seed: no rule may depend on the
order of a set (morfeusz2's lemmas come as a frozenset). Two processes with different PYTHONHASHSEED read one
story corpus of our own and must print identical results."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "stories_blind8"
SCRIPT = """
import json, sys
from pathlib import Path
from kronika.article import Rejection
from kronika.ingest import read_inputs
from kronika.pipeline import extract_article
from kronika.reconcile.figures import build_figures
from kronika.reconcile.stories import article_features, group_stories, story_map
claims, features = [], []
for article in read_inputs(sorted(Path(sys.argv[1]).glob("*.txt"))):
    if isinstance(article, Rejection):
        continue
    claims.extend(extract_article(article))
    features.append(article_features(article.id, article.text, article.published, article.title))
figures = build_figures(claims, stories=story_map(group_stories(features)))
print(json.dumps([c.to_dict() for c in claims], sort_keys=True, ensure_ascii=False))
print(json.dumps(sorted((f.id, sorted((c.article, c.span) for c in f.claims)) for f in figures), ensure_ascii=False))
"""


def _run(seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(CORPUS)], env=env, capture_output=True, text=True,
                          check=True, cwd=Path(__file__).parent.parent)
    return done.stdout.splitlines()


def test_claims_and_figures_do_not_depend_on_the_hash_seed() -> None:
    first, second = _run("1"), _run("2")
    assert len(first) == 2 and json.loads(first[0]), "no claims were extracted"
    assert first[0] == second[0], "claims differ between hash seeds"
    assert first[1] == second[1], "figures differ between hash seeds"
