"""Loaders turning code set files into FHIR resources, stored through the repository.

Formats: FHIR JSON (CodeSystem, ValueSet, ConceptMap, supplements, Bundles of them),
CSV catalogues with a column mapping, and ClaML (ISO 13120).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fhir_server.storage.repository import Repository, Stored, Tx

from ..model import Json
from .claml import read_claml
from .csv_catalogue import CsvMapping, read_csv

FORMATS = ("fhir", "csv", "claml")


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".csv": "csv", ".xml": "claml", ".claml": "claml"}.get(suffix, "fhir")


def read_resources(path: Path, fmt: str | None = None, **options: Any) -> list[Json]:
    fmt = fmt or guess_format(path)
    if fmt == "csv":
        return [read_csv(path, CsvMapping.parse(options.get("mapping")), **{
            k: v for k, v in options.items() if k in ("url", "version", "name", "language")
            and v is not None})]
    if fmt == "claml":
        return [read_claml(path, **{k: v for k, v in options.items()
                                    if k in ("url", "version") and v is not None})]
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if data.get("resourceType") == "Bundle":
        return [e["resource"] for e in data.get("entry") or [] if "resource" in e]
    return [data]


def resource_id(res: Json) -> str:
    if res.get("id"):
        return str(res["id"])
    base = f"{res.get('name') or res.get('url')}-{res.get('version') or ''}"
    return re.sub(r"[^A-Za-z0-9\-.]", "-", base).strip("-")[:64] or "terminology"


def store(repo: Repository, resources: list[Json]) -> list[str]:
    """PUT every resource (idempotent: the same file loaded twice changes nothing)."""
    out = []
    for res in resources:
        rid = resource_id(res)
        body = {**res, "id": rid}

        def put(tx: Tx, b: Json = body, r: str = rid) -> Stored:
            return tx.update(str(b["resourceType"]), r, b)

        stored = repo.write(put)
        out.append(f"{stored.resource_type}/{stored.id}")
    return out
