"""History at instance, type and system level (https://hl7.org/fhir/R4/http.html#history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from ..context import READ
from ..errors import bad_request, not_found
from ..fhirtime import parse_instant, parse_range
from .repository import Repository, ordered, require_type
from .tables import resource_t, version_t


@dataclass
class HistoryEntry:
    resource_type: str
    id: str
    version_id: int
    last_updated: datetime
    method: str
    resource: dict[str, Any] | None


@dataclass
class HistoryPage:
    entries: list[HistoryEntry]
    total: int
    before: datetime


def history(repo: Repository, resource_type: str | None, rid: str | None,
            params: dict[str, str], before: datetime) -> HistoryPage:
    """One page of versions, newest first, written no later than ``before`` (stable paging)."""
    if resource_type:
        require_type(resource_type)
        repo.ctx.require(resource_type, READ)
    v = version_t
    conds: list[Any] = [v.c.last_updated <= before]
    if resource_type:
        conds.append(v.c.resource_type == resource_type)
    if rid:
        conds.append(v.c.id == rid)
    if "_since" in params:
        conds.append(v.c.last_updated >= parse_instant(params["_since"], "_since"))
    if "_at" in params:
        start, end = parse_range(params["_at"], "_at")
        nxt = aliased(v)
        next_time = (
            select(func.min(nxt.c.last_updated))
            .where(and_(nxt.c.resource_type == v.c.resource_type, nxt.c.id == v.c.id,
                        nxt.c.version_id > v.c.version_id))
            .scalar_subquery()
        )
        conds.append(and_(v.c.last_updated < end, or_(next_time.is_(None), next_time > start)))
    count = _int(params.get("_count"), repo.default_count, repo.max_count, "_count")
    offset = _int(params.get("_offset"), 0, 10**9, "_offset")
    with repo.reading() as conn:
        if rid and resource_type:
            exists = conn.execute(select(resource_t.c.id).where(and_(
                resource_t.c.resource_type == resource_type, resource_t.c.id == rid))).first()
            if exists is None:
                raise not_found(f"{resource_type}/{rid} is not known")
        where = and_(*conds)
        total = conn.execute(select(func.count()).select_from(v).where(where)).scalar_one()
        rows = conn.execute(
            select(v).where(where)
            .order_by(v.c.last_updated.desc(), v.c.version_id.desc(), v.c.resource_type, v.c.id)
            .limit(count).offset(offset)
        ).all()
    entries = [HistoryEntry(r.resource_type, r.id, r.version_id, r.last_updated, r.method,
                            ordered(r.content)) for r in rows]
    return HistoryPage(entries, total, before)


def _int(value: str | None, default: int, maximum: int, name: str) -> int:
    if value is None:
        return default
    try:
        n = int(value)
    except ValueError:
        raise bad_request(f"Invalid {name} {value!r}", name) from None
    if n < 0:
        raise bad_request(f"Invalid {name} {value!r}", name)
    return min(n, maximum)
