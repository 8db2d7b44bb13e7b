"""kronika.scale.minhash gives datasketch's affine32 MinHash values bit for bit, so signatures stored by
earlier versions (made with datasketch) stay comparable with new ones."""
from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash, MinHashLSH

from kronika.reconcile import stories
from kronika.scale import wire
from kronika.scale.minhash import minhash, sha1_hash32


def _datasketch(items: list[bytes], num_perm: int, seed: int = 1) -> np.ndarray:
    reference = MinHash(num_perm=num_perm, seed=seed, scheme="affine32")
    reference.update_batch(items)
    return np.asarray(reference.hashvalues, dtype=np.uint32)


def _words(rng: random.Random, count: int) -> list[bytes]:
    letters = "abcdefghijklmnoprstuwyząćęłńóśźż"
    return [" ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(5)).encode()
            for _ in range(count)]


def test_values_equal_datasketchs_for_small_large_and_repeated_sets() -> None:
    rng = random.Random(3)
    for count in (1, 2, 17, 4095, 4096, 4097, 9000):
        items = _words(rng, count)
        items += items[: count // 3]  # repeats change nothing: the signature is the set's
        for num_perm in (96, 128):
            assert np.array_equal(minhash(items, num_perm), _datasketch(items, num_perm))


def test_other_seeds_and_an_empty_set() -> None:
    items = _words(random.Random(5), 300)
    assert np.array_equal(minhash(items, 64, seed=7), _datasketch(items, 64, seed=7))
    assert not np.array_equal(minhash(items, 64, seed=7), minhash(items, 64, seed=1))
    assert np.array_equal(minhash([], 96), _datasketch([], 96))


def test_sha1_hash32_is_datasketchs() -> None:
    from datasketch.hashfunc import sha1_hash32 as reference

    items = [b"", b"a", "żółć".encode(), b"x" * 1000]
    assert sha1_hash32(items).tolist() == [reference(item) for item in items]


def test_wire_signature_and_bands_are_those_datasketch_made() -> None:
    text = "Straż pożarna podała, że z zalanych domów w Nysie ewakuowano 120 osób, a w Kłodzku kolejnych 40."
    shingles = list(dict.fromkeys(wire._shingles(text)))
    assert np.array_equal(wire.signature(text), _datasketch(shingles, wire.NUM_PERM))
    lsh = MinHashLSH(threshold=wire.CANDIDATE_THRESHOLD, num_perm=wire.NUM_PERM)
    assert (wire.BANDS, wire.ROWS) == (lsh.b, lsh.r)


def test_story_signature_is_the_one_datasketch_made() -> None:
    text = "Powódź w Kotlinie Kłodzkiej: wojewoda podał, że woda zalała 300 domów, a ewakuowano 1200 osób."
    features = stories.article_features("a", text, "2024-09-16", "Wielka woda")
    expected = _datasketch([s.encode("utf-8") for s in stories.stems(f"Wielka woda\n{text}")], stories.NUM_PERM)
    assert np.array_equal(np.asarray(features.signature, dtype=np.uint32), expected)


def _naive_shingles(text: str) -> list[bytes]:
    words = [w.lower() for w in wire._WORD.findall(text)]
    if len(words) < wire.SHINGLE_WORDS:
        return [" ".join(words).encode()]
    return [" ".join(words[k:k + wire.SHINGLE_WORDS]).encode() for k in range(len(words) - wire.SHINGLE_WORDS + 1)]


def test_shingles_read_in_batches_are_every_run_of_five_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(wire, "WORD_BATCH", 7)
    rng = random.Random(11)
    for count in (0, 1, 4, 5, 6, 7, 8, 13, 14, 15, 40):
        text = ", ".join(item.decode() for item in _words(rng, count)).replace(" ", "  Ż. ", 3)
        assert list(wire._shingles(text)) == _naive_shingles(text)


def test_ingesting_into_a_ledger_imports_neither_datasketch_nor_scipy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    for n, town in enumerate(("Nysie", "Opolu", "Kłodzku")):
        (folder / f"{n}.txt").write_text(f"W {town} ewakuowano {10 + n} osób, podała straż pożarna w poniedziałek.")
    program = (
        "import sys\n"
        "from kronika.api import Options, ingest\n"
        "from kronika.ledger import Ledger\n"
        f"with Ledger({str(tmp_path / 'k.db')!r}) as ledger:\n"
        f"    summary = ingest([{str(folder)!r}], ledger, options=Options(jobs=1))\n"
        "print(summary.ingested, sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n"
    )
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert found.stdout.split("\n")[-2] == "3 []"
