"""$extract: dev-set scores (per class, with and without status) and documents per second.

    .venv/bin/python benchmarks/extract.py [--errors]

Reads tests/extract/devset/*.json (text + gold facts), runs the same extraction as the
operation, prints per-class precision / recall / F1 and the throughput on this machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from operations.extract.facts import extract  # noqa: E402
from operations.extract.scoring import Score, predicted, score, table  # noqa: E402

DEVSET = ROOT / "tests" / "extract" / "devset"


def load() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEVSET.glob("*.json"))]


def run(docs: list[dict[str, Any]]) -> tuple[Score, float]:
    for lang in {d["language"] for d in docs}:  # build pipelines before timing
        extract("HTA.", lang)
    start = time.perf_counter()
    preds = {d["id"]: [predicted(f) for f in extract(d["text"], d["language"])] for d in docs}
    elapsed = time.perf_counter() - start
    return score(docs, preds), len(docs) / elapsed


def main() -> None:
    docs = load()
    for lang in ("fr", "en", None):
        subset = [d for d in docs if lang is None or d["language"] == lang]
        result, rate = run(subset)
        print(f"\n== {lang or 'all'}: {len(subset)} documents, {rate:.1f} documents/s (text)")
        print(table(result))
        if "--errors" in sys.argv and lang is None:
            print("\n".join(result.errors))


if __name__ == "__main__":
    main()
