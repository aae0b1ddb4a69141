"""Bundles the server returns: searchset and history (https://hl7.org/fhir/R4/bundle.html)."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from .errors import issue, operation_outcome
from .fhirtime import instant, now
from .storage.history import HistoryPage
from .storage.repository import SearchResult

STATUS_TEXT = {200: "200 OK", 201: "201 Created", 204: "204 No Content"}


def status_line(code: int) -> str:
    return STATUS_TEXT.get(code, str(code))


def _bundle(kind: str, total: int | None) -> dict[str, Any]:
    b: dict[str, Any] = {"resourceType": "Bundle", "id": str(uuid.uuid4()),
                         "meta": {"lastUpdated": instant(now())}, "type": kind}
    if total is not None:
        b["total"] = total
    return b


def _link(relation: str, url: str, params: list[tuple[str, str]]) -> dict[str, str]:
    qs = urlencode(params)
    return {"relation": relation, "url": f"{url}?{qs}" if qs else url}


def search_bundle(url: str, result: SearchResult, base: str,
                  shape: Any = None) -> dict[str, Any]:
    """A searchset Bundle with self/next/previous links (offset paging)."""
    q = result.query
    count = q.count or 0
    b = _bundle("searchset", result.total)
    kept = [*q.used, ("_count", str(count))]
    links = [_link("self", url, [*kept, ("_offset", str(q.offset))] if q.offset else kept)]
    has_next = len(result.resources) == count and count > 0 and (
        result.total is None or q.offset + count < result.total)
    if has_next:
        links.append(_link("next", url, [*kept, ("_offset", str(q.offset + count))]))
    if q.offset > 0:
        links.append(_link("previous", url, [*kept, ("_offset", str(max(0, q.offset - count)))]))
    b["link"] = links
    entries: list[dict[str, Any]] = []
    for res in result.resources:
        body = shape(res) if shape else res
        entries.append({"fullUrl": f"{base}/{res['resourceType']}/{res['id']}",
                        "resource": body, "search": {"mode": "match"}})
    for res in result.included:
        entries.append({"fullUrl": f"{base}/{res['resourceType']}/{res['id']}",
                        "resource": shape(res) if shape else res,
                        "search": {"mode": "include"}})
    if q.unknown:
        oo = operation_outcome([issue("warning", "not-supported",
                                      f"Search parameter {name!r} is not supported; ignored")
                                for name in q.unknown])
        entries.append({"resource": oo, "search": {"mode": "outcome"}})
    if entries:
        b["entry"] = entries
    return b


def history_bundle(url: str, page: HistoryPage, base: str, params: dict[str, str],
                   count: int, offset: int) -> dict[str, Any]:
    b = _bundle("history", page.total)
    kept = [(k, v) for k, v in params.items() if k not in ("_offset", "_before", "_count")]
    kept += [("_count", str(count)), ("_before", instant(page.before))]
    links = [_link("self", url, [*kept, ("_offset", str(offset))])]
    if offset + count < page.total:
        links.append(_link("next", url, [*kept, ("_offset", str(offset + count))]))
    if offset > 0:
        links.append(_link("previous", url, [*kept, ("_offset", str(max(0, offset - count)))]))
    b["link"] = links
    entries = []
    for e in page.entries:
        full = f"{base}/{e.resource_type}/{e.id}"
        entry: dict[str, Any] = {"fullUrl": full}
        if e.resource is not None:
            entry["resource"] = e.resource
        method = "DELETE" if e.method == "DELETE" else ("POST" if e.version_id == 1 else "PUT")
        if e.method == "PATCH":
            method = "PATCH"
        entry["request"] = {"method": method, "url": f"{e.resource_type}" if method == "POST"
                            else f"{e.resource_type}/{e.id}"}
        entry["response"] = {
            "status": "201 Created" if e.version_id == 1 and method != "DELETE" else
            ("204 No Content" if method == "DELETE" else "200 OK"),
            "etag": f'W/"{e.version_id}"', "lastModified": instant(e.last_updated),
        }
        entries.append(entry)
    if entries:
        b["entry"] = entries
    return b
