"""Loaders turning code set files into FHIR resources, stored through the repository.

Formats: FHIR JSON and XML (CodeSystem, ValueSet, ConceptMap, supplements, Bundles of
them), CSV and XLSX catalogues with a column mapping, and ClaML (ISO 13120).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fhir_server.storage.repository import Repository, Stored, Tx

from ..model import Json
from .claml import read_claml
from .csv_catalogue import CsvMapping, read_csv, read_xlsx

FORMATS = ("fhir", "fhir-xml", "csv", "xlsx", "claml")
FHIR_NS = "http://hl7.org/fhir"


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "fhir-xml" if _xml_root(path).startswith("{" + FHIR_NS + "}") else "claml"
    return {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".claml": "claml"}.get(suffix,
                                                                                "fhir")


def _xml_root(path: Path) -> str:
    """The qualified name of an XML file's root element (read no further)."""
    import xml.etree.ElementTree as ET

    for _, el in ET.iterparse(path, events=("start",)):
        return str(el.tag)
    return ""


def read_resources(path: Path, fmt: str | None = None, **options: Any) -> list[Json]:
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    table = {k: v for k, v in options.items()
             if k in ("url", "version", "name", "language") and v is not None}
    if fmt == "csv":
        return [read_csv(path, CsvMapping.parse(options.get("mapping")), **table)]
    if fmt == "xlsx":
        return [read_xlsx(path, CsvMapping.parse(options.get("mapping")), **table)]
    if fmt == "claml":
        return [read_claml(path, **{k: v for k, v in options.items()
                                    if k in ("url", "version") and v is not None})]
    if fmt == "fhir-xml":
        data = read_fhir_xml(path)
    else:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    if not isinstance(data, dict) or "resourceType" not in data:
        raise ValueError("Not a FHIR resource: no resourceType")
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


def read_fhir_xml(path: Path) -> Json:
    """A FHIR XML resource (https://hl7.org/fhir/R4/xml.html) as FHIR JSON, through the
    fhir.resources R4B models."""
    from fhir.resources.R4B import get_fhir_model_class

    root = _xml_root(path)
    rtype = root.split("}", 1)[-1]
    if rtype not in ("CodeSystem", "ValueSet", "ConceptMap", "Bundle"):
        raise ValueError(f"FHIR XML {rtype} is not a terminology resource")
    model = get_fhir_model_class(rtype).model_validate_xml(path.read_bytes())
    return dict(json.loads(model.model_dump_json(exclude_none=True)))
