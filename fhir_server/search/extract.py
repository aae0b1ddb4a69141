"""Write-time indexing: SearchParameter values → rows of the index tables.

How each FHIR type is indexed per search parameter type follows
https://hl7.org/fhir/R4/search.html#table (string, token, reference, date, number,
quantity, uri, composite).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from ..errors import OperationOutcomeError
from ..fhirtime import parse_range
from ..storage.tables import (
    composite_t,
    date_t,
    number_t,
    quantity_t,
    reference_t,
    string_t,
    text_t,
    token_t,
    uri_t,
)
from .params import REGISTRY, SearchParam
from .paths import compile_expression
from .units import canonical

Rows = dict[Any, list[dict[str, Any]]]
MIN_DT = datetime(1, 1, 1, tzinfo=UTC)
MAX_DT = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
STRING_PARTS = ("family", "given", "prefix", "suffix", "text", "line", "city", "district",
                "state", "postalCode", "country")


def fold(text: str) -> str:
    """Case- and accent-insensitive form used by string search."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        out = []
        for key in STRING_PARTS:
            value = node.get(key)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str):
                    out.append(v)
        if "value" in node and isinstance(node["value"], str):
            out.append(node["value"])
        return out
    return []


def tokens(node: Any) -> list[tuple[str | None, str | None, str | None]]:
    """(system, code, text) triples for a token parameter value."""
    if isinstance(node, bool):
        return [(None, "true" if node else "false", None)]
    if isinstance(node, str | int | float):
        return [(None, str(node), None)]
    if not isinstance(node, dict):
        return []
    if "coding" in node or ("text" in node and "value" not in node and "code" not in node):
        text = node.get("text")
        out = [(c.get("system"), c.get("code"), c.get("display") or text)
               for c in node.get("coding", []) if isinstance(c, dict)]
        if text and not out:
            out.append((None, None, text))
        return out
    if "code" in node and "value" not in node:  # Coding, Quantity-as-token
        return [(node.get("system"), str(node["code"]), node.get("display"))]
    if "value" in node:  # Identifier, ContactPoint
        type_text = (node.get("type") or {}).get("text") if isinstance(node.get("type"),
                                                                        dict) else None
        return [(node.get("system"), str(node["value"]), type_text)]
    return []


def _reference(node: Any) -> list[tuple[str | None, str | None, str | None]]:
    """(target_type, target_id, url) for a reference value."""
    if isinstance(node, str):  # canonical / uri
        return [(None, None, node)]
    if not isinstance(node, dict):
        return []
    ref = node.get("reference")
    if not isinstance(ref, str) or ref.startswith("#"):
        return []
    plain = ref.split("/_history/")[0]
    parts = plain.rsplit("/", 2)
    if len(parts) >= 2 and parts[-2][:1].isupper():
        url = plain if "://" in plain or plain.startswith("urn:") else None
        return [(parts[-2], parts[-1], url)]
    return [(node.get("type"), None, plain)]


def _dates(node: Any) -> list[tuple[datetime, datetime]]:
    try:
        if isinstance(node, str):
            return [parse_range(node)]
        if isinstance(node, dict):
            if "start" in node or "end" in node:  # Period
                low = parse_range(node["start"])[0] if node.get("start") else MIN_DT
                high = parse_range(node["end"])[1] if node.get("end") else MAX_DT
                return [(low, high)]
            events = node.get("event")  # Timing
            if isinstance(events, list):
                return [parse_range(e) for e in events if isinstance(e, str)]
    except OperationOutcomeError:
        return []
    return []


def _quantities(node: Any) -> list[tuple[float, str | None, str | None, str | None]]:
    if isinstance(node, dict) and isinstance(node.get("value"), int | float):
        return [(float(node["value"]), node.get("system"), node.get("code"), node.get("unit"))]
    return []


def _base(rtype: str, rid: str, code: str) -> dict[str, Any]:
    return {"resource_type": rtype, "resource_id": rid, "param": code}


def _param_rows(rtype: str, rid: str, p: SearchParam, resource: dict[str, Any], rows: Rows
                ) -> None:
    nodes = p.nodes(resource)
    if not nodes:
        return
    base = _base(rtype, rid, p.code)
    if p.type == "string":
        seen = set()
        for node in nodes:
            for s in _strings(node):
                if s not in seen:
                    seen.add(s)
                    rows[string_t].append({**base, "value": fold(s)[:2000], "exact": s[:2000]})
    elif p.type == "token":
        for node in nodes:
            for system, code, text in tokens(node):
                rows[token_t].append({**base, "system": system, "code": code,
                                      "text": fold(text) if text else None})
            _of_type(base, node, rows)
    elif p.type == "reference":
        for node in nodes:
            for ttype, tid, url in _reference(node):
                rows[reference_t].append({**base, "target_type": ttype, "target_id": tid,
                                          "url": url})
            ident = node.get("identifier") if isinstance(node, dict) else None
            if isinstance(ident, dict) and ident.get("value") is not None:
                rows[token_t].append({**base, "param": f"{p.code}:identifier",
                                      "system": ident.get("system"),
                                      "code": str(ident["value"]), "text": None})
    elif p.type == "date":
        for node in nodes:
            for low, high in _dates(node):
                rows[date_t].append({**base, "low": low, "high": high})
    elif p.type == "number":
        for node in nodes:
            if isinstance(node, int | float) and not isinstance(node, bool):
                rows[number_t].append({**base, "value": float(node)})
    elif p.type == "quantity":
        for node in nodes:
            for value, system, code, unit in _quantities(node):
                norm = canonical(value, system, code)
                rows[quantity_t].append({**base, "value": value, "system": system,
                                         "code": code, "unit": unit,
                                         "canonical_value": norm[0] if norm else None,
                                         "canonical_unit": norm[1] if norm else None})
    elif p.type == "uri":
        for node in nodes:
            if isinstance(node, str):
                rows[uri_t].append({**base, "uri": node})
    elif p.type == "composite":
        _composite_rows(base, p, nodes, rows)


def _of_type(base: dict[str, Any], node: Any, rows: Rows) -> None:
    """Identifier.type codings, for ``:of-type`` (https://hl7.org/fhir/R4/search.html#token)."""
    if not isinstance(node, dict) or node.get("value") is None:
        return
    kind = node.get("type")
    for coding in kind.get("coding", []) if isinstance(kind, dict) else []:
        if isinstance(coding, dict) and coding.get("code"):
            rows[token_t].append({**base, "param": f"{base['param']}:of-type",
                                  "system": f"{coding.get('system', '')}|{coding['code']}",
                                  "code": str(node["value"]), "text": None})


def _composite_rows(base: dict[str, Any], p: SearchParam, nodes: list[Any], rows: Rows) -> None:
    """Composite = first component token + second component token/quantity/date/string."""
    if len(p.components) != 2:
        return
    first_def = REGISTRY.by_url(p.components[0].definition)
    second_def = REGISTRY.by_url(p.components[1].definition)
    if first_def is None or second_def is None:
        return
    f1 = compile_expression(p.components[0].expression)
    f2 = compile_expression(p.components[1].expression)
    for node in nodes:
        firsts = [t for n in f1(node) for t in tokens(n)]
        seconds = f2(node)
        for s1, c1, _ in firsts:
            for value in seconds:
                row = {**base, "c1_system": s1, "c1_code": c1, "c2_system": None,
                       "c2_code": None, "c2_value": None, "c2_low": None, "c2_high": None}
                if second_def.type == "quantity":
                    for v, system, code, unit in _quantities(value):
                        rows[composite_t].append({**row, "c2_value": v, "c2_system": system,
                                                  "c2_code": code or unit})
                elif second_def.type == "date":
                    for low, high in _dates(value):
                        rows[composite_t].append({**row, "c2_low": low, "c2_high": high})
                elif second_def.type == "string":
                    for s in _strings(value):
                        rows[composite_t].append({**row, "c2_code": fold(s)})
                else:
                    for s2, c2, _ in tokens(value):
                        rows[composite_t].append({**row, "c2_system": s2, "c2_code": c2})


def _narrative(resource: dict[str, Any]) -> str:
    div = (resource.get("text") or {}).get("div") or ""
    import re

    return fold(re.sub(r"<[^>]+>", " ", div))


def _content(node: Any, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("div", "data", "id", "meta"):
                _content(value, out)
    elif isinstance(node, list):
        for value in node:
            _content(value, out)


TABLE_OF_TYPE = {"string": (string_t,), "token": (token_t,), "reference": (reference_t, token_t),
                 "date": (date_t,), "number": (number_t,), "quantity": (quantity_t,),
                 "uri": (uri_t,), "composite": (composite_t,)}


def index_tables_for(rtype: str) -> tuple[Any, ...]:
    """The index tables that can hold rows of ``rtype`` (the others need no clean-up)."""
    return _tables_for(rtype, REGISTRY.version)


@lru_cache(maxsize=1024)
def _tables_for(rtype: str, version: int) -> tuple[Any, ...]:
    tables = {text_t}
    for p in REGISTRY.for_type(rtype).values():
        tables.update(TABLE_OF_TYPE.get(p.type, ()))
    return tuple(sorted(tables, key=lambda t: t.name))


def index_rows(rtype: str, rid: str, resource: dict[str, Any]) -> Rows:
    """Every index row for one resource version."""
    rows: Rows = defaultdict(list)
    for p in REGISTRY.for_type(rtype).values():
        if p.type == "special" or p.code in ("_id", "_lastUpdated"):
            continue
        _param_rows(rtype, rid, p, resource, rows)
    words: list[str] = []
    _content(resource, words)
    rows[text_t].append({"resource_type": rtype, "resource_id": rid,
                         "narrative": _narrative(resource),
                         "content": fold(" ".join(words))[:100_000]})
    return rows
