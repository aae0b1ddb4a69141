"""CSV and XLSX catalogues (tariff catalogues such as TARDOC / TARMED, national code lists)
with a column mapping, turned into a CodeSystem (https://hl7.org/fhir/R4/codesystem.html)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ..model import Json

PROPERTY_TYPES = {"decimal": "valueDecimal", "integer": "valueInteger", "date": "valueDateTime",
                  "boolean": "valueBoolean", "string": "valueString", "code": "valueCode"}


@dataclass
class CsvMapping:
    """Which column holds what. ``display`` columns are per language; ``properties`` map a
    property code to (column, type)."""

    code: str = "code"
    parent: str | None = "parent"
    display: dict[str, str] = field(default_factory=lambda: {
        "fr": "label_fr", "de": "label_de", "it": "label_it"})
    properties: dict[str, tuple[str, str]] = field(default_factory=lambda: {
        "taxPoints": ("tax_points", "decimal"), "validFrom": ("valid_from", "date"),
        "validTo": ("valid_to", "date")})

    @classmethod
    def parse(cls, spec: str | None) -> CsvMapping:
        """``code=Code,parent=Parent,display.fr=Libellé,prop.taxPoints=TP:decimal``."""
        m = cls()
        if not spec:
            return m
        m.display, m.properties = {}, {}
        for item in spec.split(","):
            key, _, col = item.partition("=")
            if key == "code":
                m.code = col
            elif key == "parent":
                m.parent = col or None
            elif key.startswith("display."):
                m.display[key[8:]] = col
            elif key.startswith("prop."):
                name, _, ptype = col.partition(":")
                m.properties[key[5:]] = (name, ptype or "string")
        return m


def _typed(value: str, ptype: str) -> object:
    if ptype == "decimal":
        return float(value)
    if ptype == "integer":
        return int(value)
    if ptype == "boolean":
        return value.strip().lower() in ("1", "true", "yes", "oui", "ja")
    return value


def read_csv(path: Path, mapping: CsvMapping, url: str | None = None, version: str = "1",
             name: str | None = None, language: str | None = None) -> Json:
    """A CSV catalogue (delimiter ``,``, ``;`` or tab, sniffed; UTF-8 with or without BOM)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        sample = fh.read(4096)
        fh.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        return catalogue(csv.DictReader(fh, dialect=dialect), mapping, name or path.stem,
                         url=url, version=version, language=language)


def read_xlsx(path: Path, mapping: CsvMapping, url: str | None = None, version: str = "1",
              name: str | None = None, language: str | None = None,
              sheet: str | None = None) -> Json:
    """An XLSX catalogue: the first row of the sheet (the first one unless ``sheet``) names
    the columns, as in a CSV catalogue; cells are read as values (dates as ISO dates)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [_cell(v) for v in next(rows, ())]
        records = ({h: _cell(v) for h, v in zip(header, row, strict=False) if h}
                   for row in rows)
        return catalogue(records, mapping, name or path.stem, url=url, version=version,
                         language=language)
    finally:
        wb.close()


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def catalogue(rows: Iterable[dict[str, str]], mapping: CsvMapping, stem: str,
              url: str | None = None, version: str = "1", language: str | None = None) -> Json:
    """The CodeSystem of a table of rows (column name -> text) read with ``mapping``."""
    langs = list(mapping.display)
    language = language or (langs[0] if langs else None)
    concepts: list[Json] = []
    for row in rows:
        code = (row.get(mapping.code) or "").strip()
        if not code:
            continue
        concept: Json = {"code": code}
        if language and (row.get(mapping.display.get(language, "")) or "").strip():
            concept["display"] = row[mapping.display[language]].strip()
        designations = [{"language": lang, "value": row[col].strip()}
                        for lang, col in mapping.display.items()
                        if lang != language and (row.get(col) or "").strip()]
        if designations:
            concept["designation"] = designations
        props: list[Json] = []
        if mapping.parent and (row.get(mapping.parent) or "").strip():
            props.append({"code": "parent", "valueCode": row[mapping.parent].strip()})
        for pcode, (col, ptype) in mapping.properties.items():
            raw = (row.get(col) or "").strip()
            if raw:
                props.append({"code": pcode, PROPERTY_TYPES.get(ptype, "valueString"):
                              _typed(raw, ptype)})
        if props:
            concept["property"] = props
        concepts.append(concept)
    properties: list[Json] = [{"code": "parent", "type": "code"}]
    properties += [{"code": p, "type": "dateTime" if t == "date" else t}
                   for p, (_, t) in mapping.properties.items()]
    return {"resourceType": "CodeSystem", "url": url or f"urn:fhir-ai:codesystem:{stem}",
            "version": version, "name": stem.replace("-", "_"), "status": "active",
            "content": "complete", "caseSensitive": True, "hierarchyMeaning": "is-a",
            **({"language": language} if language else {}), "count": len(concepts),
            "property": properties, "concept": concepts}
