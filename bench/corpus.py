"""Generated Polish corpora for the benchmarks: the bundled sample articles with their figures and
dates varied, so every generated article is distinct (a new content hash) yet reads like news."""
from __future__ import annotations

import random
import re
from importlib import resources
from pathlib import Path

_NUMBER = re.compile(r"(?<![\d.\-])\d{1,3}(?![\d.\-])")
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
NEWS_FOLDERS = ("news_dev", "stories", "stories_dev", "dev_articles")


def sample_texts() -> list[str]:
    folder = resources.files("kronika").joinpath("samples")
    return [f.read_text("utf-8") for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".txt")]


def varied_articles(count: int, seed: int = 7) -> list[str]:
    """`count` distinct articles: the samples with small numbers redrawn."""
    pick = random.Random(seed)
    templates = sample_texts()
    articles = []
    for number in range(count):
        template = templates[number % len(templates)]
        text = _NUMBER.sub(lambda m: str(pick.randint(2, 999)), template)
        articles.append(f"{text}\n(nr {number})\n")
    return articles


def polish_text(min_bytes: int) -> str:
    """At least `min_bytes` of Polish news text: the KPWr timex texts and seed articles from ../shared
    when present, and the bundled samples, repeated."""
    pieces = [*sample_texts()]
    timex = SHARED / "benchmarks" / "timex-kpwr"
    if timex.is_dir():
        import json

        for path in sorted(timex.glob("*.jsonl")):
            pieces += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        pieces += [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    block = "\n\n".join(pieces)
    repeats = -(-min_bytes // len(block.encode("utf-8")))
    return "\n\n".join([block] * repeats)


def real_texts() -> list[str]:
    """Real Polish news text, each once: the KPWr timex texts and the seed articles from ../shared (when
    present), and the bundled samples."""
    import json

    texts = [*sample_texts()]
    timex = SHARED / "benchmarks" / "timex-kpwr"
    for path in sorted(timex.glob("*.jsonl")) if timex.is_dir() else []:
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    seeds = SHARED / "seeds"
    texts += [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []
    return texts


def realistic_articles(min_bytes: int) -> list[str]:
    """The real texts once each, then generated news (samples with redrawn figures) up to `min_bytes`."""
    articles = real_texts()
    size = sum(len(t.encode("utf-8")) for t in articles)
    extra = 0
    while size < min_bytes:
        extra += 64
        generated = varied_articles(extra, seed=extra)[-64:]
        articles += generated
        size += sum(len(t.encode("utf-8")) for t in generated)
    return articles


def news_texts() -> list[str]:
    """Real news articles that report figures, each once: the hand-annotated articles under
    tests/corpus (news_dev, stories, stories_dev, dev_articles) and the seed articles from ../shared.
    Unlike the generated news, their words are not the same few articles' words again."""
    paths = [p for folder in NEWS_FOLDERS for p in sorted((CORPUS / folder).glob("*.txt"))]
    seeds = SHARED / "seeds"
    paths += sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return [p.read_text("utf-8") for p in paths]
