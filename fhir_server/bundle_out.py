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
    """A searchset Bundle with self/next/previous links."""
    b = _bundle("searchset", result.total)
    b["link"] = _search_links(url, result)
    entries: list[dict[str, Any]] = []
    for res in result.resources:
        body = shape(res) if shape else res
        entries.append({"fullUrl": f"{base}/{res['resourceType']}/{res['id']}",
                        "resource": body, "search": {"mode": "match"}})
    for res in result.included:
        entries.append({"fullUrl": f"{base}/{res['resourceType']}/{res['id']}",
                        "resource": shape(res) if shape else res,
                        "search": {"mode": "include"}})
    if result.query.unknown:
        oo = operation_outcome([issue("warning", "not-supported",
                                      f"Search parameter {name!r} is not supported; ignored")
                                for name in result.query.unknown])
        entries.append({"resource": oo, "search": {"mode": "outcome"}})
    if entries:
        b["entry"] = entries
    return b


def _search_links(url: str, result: SearchResult) -> list[dict[str, str]]:
    """Keyset links for the default order (stable while data changes), offsets otherwise."""
    from .search.engine import encode_cursor

    q = result.query
    count = q.count or 0
    kept = [*q.used, ("_count", str(count))]
    full = len(result.resources) == count and count > 0
    if q.keyset:
        here = [("_cursor", encode_cursor_raw(q))] if q.cursor else []
        links = [_link("self", url, [*kept, *here])]
        first, last = (result.resources[0], result.resources[-1]) if result.resources else (
            None, None)
        more_after = full if q.direction == "next" else q.cursor is not None
        more_before = q.cursor is not None if q.direction == "next" else full
        if more_after and last is not None:
            links.append(_link("next", url, [*kept, ("_cursor", encode_cursor(last, "next"))]))
        if more_before and first is not None:
            links.append(_link("previous", url,
                               [*kept, ("_cursor", encode_cursor(first, "previous"))]))
        return links
    links = [_link("self", url, [*kept, ("_offset", str(q.offset))] if q.offset else kept)]
    if full and (result.total is None or q.offset + count < result.total):
        links.append(_link("next", url, [*kept, ("_offset", str(q.offset + count))]))
    if q.offset > 0:
        links.append(_link("previous", url, [*kept, ("_offset", str(max(0, q.offset - count)))]))
    return links


def encode_cursor_raw(q: Any) -> str:
    """The cursor a page was asked with, for its self link."""
    from .search.engine import cursor_token

    when, rtype, rid = q.cursor
    return cursor_token(q.direction, instant(when), rtype, rid)


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
