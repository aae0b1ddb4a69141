"""Search over the stored resources (https://hl7.org/fhir/R4/search.html).

The REST core supports ``_id``, ``identifier``, ``_lastUpdated``, ``_sort`` (by
``_lastUpdated`` / ``_id``), ``_count`` and ``_offset``; unknown parameters are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select

from ..errors import bad_request
from ..fhirtime import parse_range
from .tables import resource_t, token_t

CONTROL = {
    "_count", "_offset", "_sort", "_total", "_summary", "_elements", "_format", "_pretty",
    "_include", "_revinclude", "_contained", "_containedType",
}
#: (name, type, documentation) of every parameter the core understands
SUPPORTED_PARAMS: tuple[tuple[str, str, str], ...] = (
    ("_id", "token", "Logical id of the resource"),
    ("_lastUpdated", "date", "When the resource version last changed"),
    ("identifier", "token", "A business identifier (system|value)"),
)
PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")


@dataclass
class SearchQuery:
    """A parsed search: SQL conditions plus paging and what was not understood."""

    resource_type: str | None
    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    order: list[Any] = field(default_factory=list)
    count: int | None = None
    offset: int = 0
    unknown: list[str] = field(default_factory=list)
    used: list[tuple[str, str]] = field(default_factory=list)


def parse_search(
    resource_type: str | None, params: list[tuple[str, str]], default_count: int, max_count: int
) -> SearchQuery:
    q = SearchQuery(resource_type)
    for name, value in params:
        base, _, modifier = name.partition(":")
        if base == "_count":
            q.count = min(_int(name, value), max_count)
        elif base == "_offset":
            q.offset = _int(name, value)
        elif base == "_sort":
            q.order = _sort(value)
            q.used.append((name, value))
        elif base in CONTROL:
            continue
        elif base == "_id" and not modifier:
            q.conditions.append(resource_t.c.id.in_(value.split(",")))
            q.used.append((name, value))
        elif base == "_lastUpdated" and not modifier:
            q.conditions.append(_date(resource_t.c.last_updated, value))
            q.used.append((name, value))
        elif base == "identifier" and modifier in ("",):
            q.conditions.append(_token(resource_type, "identifier", value))
            q.used.append((name, value))
        else:
            q.unknown.append(name)
    if q.count is None:
        q.count = default_count
    return q


def _int(name: str, value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise bad_request(f"Invalid value {value!r} for {name}: integer expected", name) from None
    if n < 0:
        raise bad_request(f"Invalid value {value!r} for {name}: must not be negative", name)
    return n


def _sort(value: str) -> list[Any]:
    cols = {"_lastUpdated": resource_t.c.last_updated, "_id": resource_t.c.id}
    order: list[Any] = []
    for key in value.split(","):
        desc = key.startswith("-")
        col = cols.get(key.lstrip("-"))
        if col is None:
            raise bad_request(f"Sorting by {key!r} is not supported", "_sort")
        order.append(col.desc() if desc else col.asc())
    return order


def _token(resource_type: str | None, param: str, value: str) -> ColumnElement[bool]:
    alternatives = []
    for alt in value.split(","):
        cond = [
            token_t.c.resource_id == resource_t.c.id,
            token_t.c.resource_type == resource_t.c.resource_type,
            token_t.c.param == param,
        ]
        if "|" in alt:
            system, _, code = alt.partition("|")
            if system:
                cond.append(token_t.c.system == system)
            else:
                cond.append(token_t.c.system.is_(None))
            if code:
                cond.append(token_t.c.code == code)
        else:
            cond.append(token_t.c.code == alt)
        alternatives.append(exists().where(and_(*cond)))
    return or_(*alternatives) if alternatives else false()


def _date(col: Any, value: str) -> ColumnElement[bool]:
    prefix = value[:2] if value[:2] in PREFIXES else "eq"
    raw = value[2:] if value[:2] in PREFIXES else value
    start, end = parse_range(raw, "_lastUpdated")
    ops: dict[str, ColumnElement[bool]] = {
        "eq": and_(col >= start, col < end),
        "ne": or_(col < start, col >= end),
        "gt": col >= end,
        "sa": col >= end,
        "lt": col < start,
        "eb": col < start,
        "ge": col >= start,
        "le": col < end,
        "ap": and_(col >= start, col < end),
    }
    return ops[prefix]


def base_select(q: SearchQuery) -> Select[Any]:
    stmt = select(resource_t.c.resource_type, resource_t.c.id, resource_t.c.content).where(
        resource_t.c.deleted.is_(False)
    )
    if q.resource_type:
        stmt = stmt.where(resource_t.c.resource_type == q.resource_type)
    for cond in q.conditions:
        stmt = stmt.where(cond)
    return stmt


def count_select(q: SearchQuery) -> Select[Any]:
    return select(func.count()).select_from(base_select(q).subquery())


def page_select(q: SearchQuery) -> Select[Any]:
    order = q.order or [resource_t.c.last_updated.desc()]
    order = [*order, resource_t.c.resource_type, resource_t.c.id]
    return base_select(q).order_by(*order).limit(q.count).offset(q.offset)
