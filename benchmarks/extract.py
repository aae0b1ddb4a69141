"""$extract: dev-set scores (per class, with and without status) and documents per second.

    .venv/bin/python benchmarks/extract.py [--errors] [--inputs] [--blind]

Reads tests/extract/devset/*.json (text + gold facts), runs the same extraction as the
operation, prints per-class precision / recall / F1 and the throughput on this machine: the
28 development documents, then (``--blind``) the ten blind sets (``*-blind-NN``, 94 documents),
each written and committed before the rules were scored on it; their first scores are in
operations/extract/README.md.
``--inputs`` also times text, PDF (text layer) and scanned (PNG, OCR) input through the
input readers, and measures the OCR character error rate on the French dev-set documents
rendered to images here (DejaVu Sans 26 px).
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


#: Blind sets by document number (fr-blind-NN / en-blind-NN), in the order they were written.
BLIND_SETS = {"blind 1": range(1, 8), "blind 2": range(8, 14), "blind 3": range(14, 19),
              "blind 4": range(19, 24), "blind 5": range(24, 28), "blind 6": range(28, 32),
              "blind 7": range(32, 36), "blind 8": range(36, 40), "blind 9": range(40, 44),
              "blind 10": range(44, 48)}


def load(blind: range | None = None) -> list[dict[str, Any]]:
    """The development documents, or the blind documents numbered in ``blind``."""
    out = []
    for p in sorted(DEVSET.glob("*.json")):
        number = p.stem.rsplit("-", 1)[-1] if "-blind-" in p.stem else None
        if (blind is None and number is None) or (
                blind is not None and number is not None and int(number) in blind):
            out.append(json.loads(p.read_text(encoding="utf-8")))
    return out


def run(docs: list[dict[str, Any]]) -> tuple[Score, float]:
    for lang in {d["language"] for d in docs}:  # build pipelines before timing
        extract("HTA.", lang)
    start = time.perf_counter()
    preds = {d["id"]: [predicted(f) for f in extract(d["text"], d["language"])] for d in docs}
    elapsed = time.perf_counter() - start
    return score(docs, preds), len(docs) / elapsed


def _cer(hyp: str, ref: str) -> float:
    prev = list(range(len(ref) + 1))
    for i, a in enumerate(hyp, 1):
        cur = [i]
        for j, b in enumerate(ref, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(ref))


def _render(lines: list[str]) -> Any:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 26)
    page = Image.new("RGB", (1700, 60 + 48 * len(lines)), "white")
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((40, 30 + 48 * i), line, fill="black", font=font)
    return page


def inputs(docs: list[dict[str, Any]]) -> None:
    import io

    from operations.extract.inputs import _pdf_text
    from operations.extract.scans import ocr_images
    from tests.extract.pdf import text_pdf

    french = [d for d in docs if d["language"] == "fr"]
    pdfs = [text_pdf(d["text"].splitlines()) for d in french]
    start = time.perf_counter()
    for pdf, d in zip(pdfs, french, strict=True):
        extract(_pdf_text(pdf, "pdf")[0], d["language"])
    print(f"PDF (text layer): {len(pdfs) / (time.perf_counter() - start):.1f} documents/s")
    pngs = []
    for d in french:
        buf = io.BytesIO()
        _render(d["text"].splitlines()).save(buf, "PNG")
        pngs.append(buf.getvalue())
    ocr_images(pngs[:1], "warm-up")
    start, errors = time.perf_counter(), []
    for png, d in zip(pngs, french, strict=True):
        text = ocr_images([png], "png")
        extract(text, d["language"])
        errors.append(_cer(text, d["text"].strip()))
    rate = len(pngs) / (time.perf_counter() - start)
    print(f"scanned (PNG, OCR): {rate:.2f} documents/s; OCR character error rate on "
          f"{len(pngs)} French pages: {sum(errors) / len(errors):.3%}")


def main() -> None:
    docs = load()
    for lang in ("fr", "en", None):
        subset = [d for d in docs if lang is None or d["language"] == lang]
        result, rate = run(subset)
        print(f"\n== dev {lang or 'all'}: {len(subset)} documents, {rate:.1f} documents/s (text)")
        print(table(result))
        if "--errors" in sys.argv and lang is None:
            print("\n".join(result.errors))
    if "--blind" in sys.argv:
        every: list[dict[str, Any]] = []
        for name, numbers in BLIND_SETS.items():
            blind = load(numbers)
            every += blind
            result, _ = run(blind)
            print(f"\n== {name}: {len(blind)} documents")
            print(table(result))
        result, rate = run(every)
        print(f"\n== all blind sets: {len(every)} documents, {rate:.1f} documents/s (text)")
        print(table(result))
        if "--errors" in sys.argv:
            print("\n".join(result.errors))
    if "--inputs" in sys.argv:
        inputs(docs)


if __name__ == "__main__":
    main()
