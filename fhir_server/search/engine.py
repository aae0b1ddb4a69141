"""Parsing a search request and running it: criteria, ``_sort``, paging, ``_total``,
``_include`` / ``_revinclude`` (with ``:iterate``), compartments and ``_type``.
See https://hl7.org/fhir/R4/search.html.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from ..errors import OperationOutcomeError, bad_request
from ..fhirtime import parse_instant
from ..storage.tables import reference_t, resource_t
from ..validation import is_known_type
from .query import compartment_cond, criterion, params_for, root_target, sort_key

RESULT = {"_count", "_offset", "_cursor", "_sort", "_total", "_summary", "_elements", "_include",
          "_revinclude", "_contained", "_containedType", "_format", "_pretty", "_type"}
MAX_INCLUDE_DEPTH = 3
MAX_INCLUDED = 1000


@dataclass
class Include:
    source: str
    param: str
    target: str | None
    iterate: bool


@dataclass
class SearchQuery:
    """A parsed search: SQL conditions, ordering, paging, includes and what was ignored."""

    resource_type: str | None
    types: list[str] = field(default_factory=list)
    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    order: list[Any] = field(default_factory=list)
    count: int | None = None
    offset: int = 0
    unknown: list[str] = field(default_factory=list)
    used: list[tuple[str, str]] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    revincludes: list[Include] = field(default_factory=list)
    total: str | None = None
    #: keyset paging for the default order: (lastUpdated, type, id) of the page edge and
    #: the direction ("next" or "previous")
    cursor: tuple[datetime, str, str] | None = None
    direction: str = "next"

    @property
    def keyset(self) -> bool:
        """Pages of the default order are cut by key, so writes never shift them."""
        return not self.order and self.offset == 0


def _int(name: str, value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise bad_request(f"Invalid value {value!r} for {name}: integer expected", name) from None
    if n < 0:
        raise bad_request(f"Invalid value {value!r} for {name}: must not be negative", name)
    return n


def _include(value: str, iterate: bool, rev: bool, name: str) -> Include:
    if value == "*":
        return Include("*", "*", None, iterate)
    parts = value.split(":")
    if len(parts) not in (2, 3) or not is_known_type(parts[0]):
        raise bad_request(f"Invalid {name} {value!r}: use Type:param[:TargetType]", name)
    if parts[1] != "*":
        p = params_for(parts[0]).get(parts[1])
        if p is None or p.type != "reference":
            raise bad_request(f"{parts[0]} has no reference parameter {parts[1]!r}", name)
    return Include(parts[0], parts[1], parts[2] if len(parts) == 3 else None, iterate)


def parse_search(resource_type: str | None, params: list[tuple[str, str]], default_count: int,
                 max_count: int, compartment: tuple[str, str] | None = None) -> SearchQuery:
    q = SearchQuery(resource_type)
    for name, value in params:
        base, _, modifier = name.partition(":")
        if base == "_type" and resource_type is None:
            q.types = [t for t in value.split(",") if t]
            bad = [t for t in q.types if not is_known_type(t)]
            if bad:
                raise bad_request(f"Unknown resource type(s) in _type: {', '.join(bad)}", "_type")
            q.used.append((name, value))
    target = root_target(resource_type or (q.types[0] if len(q.types) == 1 else None))
    for name, value in params:
        base, _, modifier = name.partition(":")
        if base == "_count":
            q.count = min(_int(name, value), max_count)
        elif base == "_offset":
            q.offset = _int(name, value)
        elif base == "_cursor":
            q.cursor, q.direction = decode_cursor(value)
        elif base == "_sort":
            q.order = [sort_key(target.rtype, k) for k in value.split(",") if k]
            q.used.append((name, value))
        elif base == "_total":
            if value not in ("none", "estimate", "accurate"):
                raise bad_request(f"Invalid _total {value!r}", "_total")
            q.total = value
            q.used.append((name, value))
        elif base in ("_include", "_revinclude"):
            inc = _include(value, modifier == "iterate", base == "_revinclude", name)
            (q.revincludes if base == "_revinclude" else q.includes).append(inc)
            q.used.append((name, value))
        elif base in RESULT:
            continue
        else:
            cond = criterion(target, name, value)
            if cond is None:
                q.unknown.append(name)
            else:
                q.conditions.append(cond)
                q.used.append((name, value))
    if compartment and resource_type:
        q.conditions.append(compartment_cond(compartment[0], compartment[1], resource_type))
    if q.count is None:
        q.count = default_count
    return q


def base_select(q: SearchQuery, *columns: Any) -> Select[Any]:
    cols = columns or (resource_t.c.resource_type, resource_t.c.id, resource_t.c.content)
    stmt = select(*cols).where(resource_t.c.deleted.is_(False))
    if q.resource_type:
        stmt = stmt.where(resource_t.c.resource_type == q.resource_type)
    elif q.types:
        stmt = stmt.where(resource_t.c.resource_type.in_(q.types))
    for cond in q.conditions:
        stmt = stmt.where(cond)
    return stmt


def count_select(q: SearchQuery) -> Select[Any]:
    return select(func.count()).select_from(base_select(q, resource_t.c.id).subquery())


KEY = (resource_t.c.last_updated, resource_t.c.resource_type, resource_t.c.id)


def page_select(q: SearchQuery) -> Select[Any]:
    """One page. The default order (newest first) pages by key; ``_sort`` pages by offset."""
    if not q.keyset:
        order = [*q.order, resource_t.c.resource_type, resource_t.c.id] if q.order else [
            *(c.desc() for c in KEY)]
        return base_select(q).order_by(*order).limit(q.count).offset(q.offset)
    stmt = base_select(q)
    backwards = q.direction == "previous"
    if q.cursor is not None:
        edge = tuple_(*KEY)
        stmt = stmt.where(edge > tuple_(*q.cursor) if backwards else edge < tuple_(*q.cursor))
    order = [c.asc() if backwards else c.desc() for c in KEY]
    return stmt.order_by(*order).limit(q.count)


def cursor_token(direction: str, when: str, rtype: str, rid: str) -> str:
    """The opaque ``_cursor`` value: a page edge (lastUpdated, type, id) and a direction."""
    raw = f"{direction}|{when}|{rtype}|{rid}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def encode_cursor(resource: dict[str, Any], direction: str) -> str:
    """The cursor of a page edge given by a resource of that page."""
    meta = resource.get("meta") or {}
    return cursor_token(direction, meta.get("lastUpdated", ""), resource["resourceType"],
                        resource["id"])


def decode_cursor(value: str) -> tuple[tuple[datetime, str, str], str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        direction, when, rtype, rid = raw.split("|")
        return (parse_instant(when), rtype, rid), direction
    except (ValueError, UnicodeDecodeError, OperationOutcomeError):
        raise bad_request("Invalid _cursor: use the links of a previous page", "_cursor") from None


def keys_in(type_col: Any, id_col: Any, keys: Any) -> ColumnElement[bool]:
    """``(type, id) IN keys`` grouped by type, so that both databases use their indexes
    (SQLite scans the table for a row-value ``IN (VALUES ...)``)."""
    by_type: dict[str, list[str]] = {}
    for rtype, rid in keys:
        by_type.setdefault(rtype, []).append(rid)
    return or_(*[and_(type_col == rtype, id_col.in_(sorted(ids)))
                 for rtype, ids in sorted(by_type.items())])


def _fetch(conn: Connection, keys: set[tuple[str, str]]) -> list[dict[str, Any]]:
    if not keys:
        return []
    rows = conn.execute(select(resource_t.c.content).where(and_(
        keys_in(resource_t.c.resource_type, resource_t.c.id, keys),
        resource_t.c.deleted.is_(False)))).all()
    return [r.content for r in rows]


def _forward(conn: Connection, inc: Include, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    sources = [k for k in keys if inc.source in ("*", k[0])]
    if not sources:
        return set()
    stmt = select(reference_t.c.target_type, reference_t.c.target_id).where(and_(
        keys_in(reference_t.c.resource_type, reference_t.c.resource_id, sources),
        reference_t.c.target_id.is_not(None)))
    if inc.param != "*":
        stmt = stmt.where(reference_t.c.param == inc.param)
    if inc.target:
        stmt = stmt.where(reference_t.c.target_type == inc.target)
    return {(r.target_type, r.target_id) for r in conn.execute(stmt.limit(MAX_INCLUDED))}


def _reverse(conn: Connection, inc: Include, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    stmt = select(reference_t.c.resource_type, reference_t.c.resource_id).where(
        keys_in(reference_t.c.target_type, reference_t.c.target_id, keys))
    if inc.source != "*":
        stmt = stmt.where(reference_t.c.resource_type == inc.source)
    if inc.param != "*":
        stmt = stmt.where(reference_t.c.param == inc.param)
    return {(r.resource_type, r.resource_id) for r in conn.execute(stmt.limit(MAX_INCLUDED))}


def included(conn: Connection, q: SearchQuery, matches: list[dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """Resources brought in by ``_include`` / ``_revinclude``, iterating where asked."""
    if not (q.includes or q.revincludes) or not matches:
        return []
    seen = {(m["resourceType"], m["id"]) for m in matches}
    frontier = set(seen)
    out: list[dict[str, Any]] = []
    for depth in range(MAX_INCLUDE_DEPTH):
        new: set[tuple[str, str]] = set()
        for inc in q.includes:
            if depth == 0 or inc.iterate:
                new |= _forward(conn, inc, frontier)
        for inc in q.revincludes:
            if depth == 0 or inc.iterate:
                new |= _reverse(conn, inc, frontier)
        new -= seen
        if not new:
            break
        found = _fetch(conn, new)
        out.extend(found)
        seen |= new
        frontier = {(r["resourceType"], r["id"]) for r in found}
        if len(out) >= MAX_INCLUDED:
            break
    return out


def supported(resource_type: str) -> list[tuple[str, str, str]]:
    """(name, type, documentation) of the parameters searchable on ``resource_type``."""
    out = [("_id", "token", "Logical id of the resource"),
           ("_lastUpdated", "date", "When the resource version last changed"),
           ("_text", "string", "Search on the narrative"),
           ("_content", "string", "Search on the entire content")]
    for code, p in sorted(params_for(resource_type).items()):
        if p.type != "special" and code not in ("_id", "_lastUpdated", "_text", "_content"):
            out.append((code, p.type, p.description))
    return out


