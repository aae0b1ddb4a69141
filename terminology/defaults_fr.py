"""French code sets shipped in the resources of the PyPI package ``edsnlp`` (AP-HP):
the CIM-10 FR labels (``cim10.csv.gz``) and ATC codes with French drug names
(``drugs.json``). The files are read where the package is installed, without importing it.

CIM-10 codes are written with a dot after the category (``A00.0``), as WHO ICD-10 codes are
(https://hl7.org/fhir/R4/icd.html); each concept's parent is its longest proper prefix that
is a code of the set. ATC levels follow the WHO structure (1, 3, 4, 5, 7 characters).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
from collections.abc import Iterable
from pathlib import Path

from .model import Json

ATC_LEVELS = (1, 3, 4, 5, 7)


def resource_dir() -> Path | None:
    """``edsnlp/resources`` of the installed package, or None when it is not installed."""
    spec = importlib.util.find_spec("edsnlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return path if path.is_dir() else None


def _require(name: str) -> Path:
    base = resource_dir()
    if base is None or not (base / name).exists():
        raise FileNotFoundError(f"{name} not found: install the PyPI package edsnlp")
    return base / name


def dotted(code: str) -> str:
    """``A000`` -> ``A00.0`` (ICD-10 notation)."""
    return code if len(code) <= 3 or "." in code else f"{code[:3]}.{code[3:]}"


def read_cim10(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """code (dotted) -> (long label, short label) from ``cim10.csv.gz``."""
    raw = gzip.decompress((path or _require("cim10.csv.gz")).read_bytes())
    out: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        code = (row.get("code") or "").strip()
        if code:
            out[dotted(code)] = ((row.get("long") or "").strip(),
                                 (row.get("short") or "").strip())
    return out


def _parent(code: str, known: set[str]) -> str | None:
    plain = code.replace(".", "")
    for n in range(len(plain) - 1, 2, -1):
        cand = dotted(plain[:n])
        if cand in known:
            return cand
    return None


def cim10_concepts(labels: dict[str, tuple[str, str]], subset: Iterable[str] | None = None
                   ) -> list[Json]:
    codes = list(labels) if subset is None else _closure(labels, subset)
    known = set(labels)
    out = []
    for code in codes:
        long, short = labels[code]
        c: Json = {"code": code, "display": long or short}
        if short and short != long:
            c["designation"] = [{"language": "fr", "use": {
                "system": "http://snomed.info/sct", "code": "900000000000013009",
                "display": "Synonym"}, "value": short}]
        parent = _parent(code, known)
        if parent:
            c["property"] = [{"code": "parent", "valueCode": parent}]
        out.append(c)
    return out


def _closure(labels: dict[str, tuple[str, str]], subset: Iterable[str]) -> list[str]:
    known = set(labels)
    wanted: set[str] = set()
    for code in subset:
        cur: str | None = code if code in known else None
        while cur and cur not in wanted:
            wanted.add(cur)
            cur = _parent(cur, known)
    return [c for c in labels if c in wanted]


def read_atc(path: Path | None = None) -> dict[str, list[str]]:
    """ATC code -> names (French INN in lower case, brand names in capitals)."""
    data = json.loads((path or _require("drugs.json")).read_text(encoding="utf-8"))
    return {str(k): [str(n) for n in v] for k, v in data.items()}


def atc_concepts(drugs: dict[str, list[str]], subset: Iterable[str] | None = None
                 ) -> list[Json]:
    keep = set(drugs) if subset is None else set(subset) & set(drugs)
    out = []
    for code in sorted(keep):
        names = drugs[code]
        inn = [n for n in names if not n.isupper()]
        c: Json = {"code": code, "display": inn[0] if inn else names[0] if names else code,
                   "designation": [{"language": "fr", "value": n} for n in names]}
        parent = next((code[:n] for n in reversed(ATC_LEVELS)
                       if n < len(code) and code[:n] in keep), None)
        if parent:
            c["property"] = [{"code": "parent", "valueCode": parent}]
        out.append(c)
    return out
