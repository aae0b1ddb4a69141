"""One write transaction (:class:`Tx`) and what it produces (:class:`Stored`).

Every write interaction of https://hl7.org/fhir/R4/http.html (create, update with If-Match
and update-as-create, conditional create/update/delete, patch, delete) is a method of
:class:`Tx`, so a transaction Bundle runs exactly the code single interactions run. Write
hooks registered per resource type run inside the same transaction.
"""


from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..context import WRITE, AccessContext
from ..errors import (
    bad_request,
    gone,
    multiple_matches,
    not_found,
    precondition_failed,
)
from ..fhirtime import instant, now
from ..search.engine import page_select, parse_search
from ..search.extract import index_rows, index_tables_for
from ..validation import check_id, is_known_type, validate_resource
from . import dialect
from .tables import resource_t, version_t

Resource = dict[str, Any]

#: Called inside the write transaction after a version is written or deleted, per resource
#: type (e.g. the terminology service keeps its concept tables in step with CodeSystems).
#: A hook may raise an OperationOutcomeError to refuse the write; nothing is then stored.
WriteHook = Callable[["Tx", "Stored"], None]
WRITE_HOOKS: dict[str, list[WriteHook]] = {}


def on_write(resource_type: str, hook: WriteHook) -> None:
    """Register ``hook`` for writes (create, update, patch, delete) of ``resource_type``."""
    hooks = WRITE_HOOKS.setdefault(resource_type, [])
    if hook not in hooks:
        hooks.append(hook)


@dataclass
class Stored:
    """A resource version as stored, with what the interaction did."""

    resource_type: str
    id: str
    version_id: int
    last_updated: datetime
    resource: Resource | None
    created: bool = False
    deleted: bool = False
    changed: bool = True


def parse_etag(value: str | None) -> int | None:
    """``W/"3"`` -> 3 (https://hl7.org/fhir/R4/http.html#concurrency)."""
    if value is None:
        return None
    v = value.strip()
    if v.startswith("W/"):
        v = v[2:]
    v = v.strip('"')
    try:
        return int(v)
    except ValueError:
        raise bad_request(f"Invalid ETag {value!r}: expected W/\"<versionId>\"") from None


def require_type(resource_type: str) -> None:
    if not is_known_type(resource_type):
        raise not_found(f"Unknown resource type {resource_type!r}")


def ordered(resource: Resource | None) -> Resource | None:
    """resourceType, id and meta first (PostgreSQL JSONB does not keep key order)."""
    if resource is None or next(iter(resource), None) == "resourceType":
        return resource
    head: Resource = {k: resource[k] for k in ("resourceType", "id", "meta") if k in resource}
    return {**head, **resource}


def _strip_meta(resource: Resource) -> Resource:
    out = dict(resource)
    meta = dict(out.get("meta") or {})
    meta.pop("versionId", None)
    meta.pop("lastUpdated", None)
    if meta:
        out["meta"] = meta
    else:
        out.pop("meta", None)
    return out


#: Statements of the hot paths, built once (SQLAlchemy then reuses their compiled form).
BY_KEY = select(resource_t).where(and_(resource_t.c.resource_type == bindparam("t"),
                                       resource_t.c.id == bindparam("i")))
INSERT_CURRENT = insert(resource_t)
UPDATE_CURRENT = update(resource_t).where(and_(
    resource_t.c.resource_type == bindparam("t"), resource_t.c.id == bindparam("i")))
INSERT_VERSION = insert(version_t)


@cache
def _unindex_statement(table: Any) -> Any:
    return delete(table).where(and_(table.c.resource_type == bindparam("t"),
                                    table.c.resource_id == bindparam("i")))


class Tx:
    """One write transaction: every write interaction of the repository."""

    def __init__(self, conn: Connection, ctx: AccessContext, default_count: int = 20,
                 max_count: int = 1000) -> None:
        self.conn = conn
        self.ctx = ctx
        self.now = now()
        self.default_count = default_count
        self.max_count = max_count

    # -- reads inside the transaction -------------------------------------------------
    def current(self, resource_type: str, rid: str, lock: bool = False) -> Any:
        stmt = dialect.for_update(self.conn, BY_KEY) if lock else BY_KEY
        return self.conn.execute(stmt, {"t": resource_type, "i": rid}).first()

    def search_ids(self, resource_type: str, params: list[tuple[str, str]]) -> list[str]:
        """Ids matching conditional criteria; unknown parameters are an error here."""
        if not params:
            raise bad_request("Conditional criteria are empty")
        q = parse_search(resource_type, params, 3, 3)
        if q.unknown:
            raise bad_request(
                f"Unknown or unsupported search parameter(s) in conditional criteria: "
                f"{', '.join(q.unknown)}"
            )
        q.count = 3
        rows = self.conn.execute(page_select(q)).all()
        return [r.id for r in rows]

    # -- writes ---------------------------------------------------------------------------
    def create(self, resource: Resource, if_none_exist: list[tuple[str, str]] | None = None,
               rid: str | None = None) -> Stored:
        rtype = resource.get("resourceType")
        validate_resource(resource)
        assert isinstance(rtype, str)
        self.ctx.require(rtype, WRITE)
        if if_none_exist is not None:
            dialect.lock_key(self.conn, f"{rtype}?{sorted(if_none_exist)}")
            ids = self.search_ids(rtype, if_none_exist)
            if len(ids) > 1:
                raise multiple_matches(
                    f"If-None-Exist criteria match {len(ids)} {rtype} resources"
                )
            if ids:
                row = self.current(rtype, ids[0])
                return self._stored(row, changed=False)
        rid = rid or str(uuid.uuid4())
        return self._write(rtype, rid, resource, 1, "POST", created=True)

    def update(self, resource_type: str, rid: str, resource: Resource,
               if_match: int | None = None) -> Stored:
        require_type(resource_type)
        check_id(rid)
        validate_resource(resource)
        if resource.get("resourceType") != resource_type:
            raise bad_request(
                f"resourceType {resource.get('resourceType')!r} does not match the URL "
                f"({resource_type})", "resourceType"
            )
        if resource.get("id") != rid:
            raise bad_request(
                f"Resource id {resource.get('id')!r} does not match the URL id {rid!r}", "id"
            )
        self.ctx.require(resource_type, WRITE)
        row = self.current(resource_type, rid, lock=True)
        if if_match is not None and (row is None or row.version_id != if_match):
            have = "does not exist" if row is None else f"is at version {row.version_id}"
            raise precondition_failed(
                f"If-Match version {if_match} does not match: {resource_type}/{rid} {have}"
            )
        if row is None:
            return self._write(resource_type, rid, resource, 1, "PUT", created=True, insert_=True)
        if not row.deleted and _strip_meta(row.content) == _strip_meta(resource):
            return self._stored(row, changed=False)
        return self._write(resource_type, rid, resource, row.version_id + 1, "PUT",
                           created=bool(row.deleted), insert_=False)

    def conditional_update(self, resource_type: str, params: list[tuple[str, str]],
                           resource: Resource, if_match: int | None = None) -> Stored:
        require_type(resource_type)
        dialect.lock_key(self.conn, f"{resource_type}?{sorted(params)}")
        ids = self.search_ids(resource_type, params)
        if len(ids) > 1:
            raise multiple_matches(f"Conditional update criteria match {len(ids)} resources")
        if ids:
            if resource.get("id") not in (None, ids[0]):
                raise bad_request(
                    f"Resource id {resource.get('id')!r} differs from the matched "
                    f"{resource_type}/{ids[0]}", "id"
                )
            return self.update(resource_type, ids[0], {**resource, "id": ids[0]}, if_match)
        if resource.get("id"):
            return self.update(resource_type, resource["id"], resource, if_match)
        return self.create(resource)

    def patch(self, resource_type: str, rid: str, apply: Callable[[Resource], Resource],
              if_match: int | None = None) -> Stored:
        require_type(resource_type)
        row = self.current(resource_type, rid, lock=True)
        if row is None:
            raise not_found(f"{resource_type}/{rid} is not known")
        if row.deleted:
            raise gone(f"{resource_type}/{rid} has been deleted")
        if if_match is not None and row.version_id != if_match:
            raise precondition_failed(
                f"If-Match version {if_match} does not match current version {row.version_id}"
            )
        patched = apply(copy.deepcopy(row.content))
        if not isinstance(patched, dict) or patched.get("resourceType") != resource_type \
                or patched.get("id") != rid:
            raise bad_request("A patch may not change resourceType or id")
        validate_resource(patched)
        self.ctx.require(resource_type, WRITE)
        if _strip_meta(row.content) == _strip_meta(patched):
            return self._stored(row, changed=False)
        return self._write(resource_type, rid, patched, row.version_id + 1, "PATCH",
                           created=False, insert_=False)

    def delete(self, resource_type: str, rid: str) -> Stored | None:
        """Delete; returns None when there was nothing to delete (idempotent)."""
        require_type(resource_type)
        self.ctx.require(resource_type, WRITE)
        row = self.current(resource_type, rid, lock=True)
        if row is None or row.deleted:
            return None
        vid = row.version_id + 1
        self.conn.execute(
            update(resource_t)
            .where(and_(resource_t.c.resource_type == resource_type, resource_t.c.id == rid))
            .values(version_id=vid, last_updated=self.now, deleted=True, content=None)
        )
        self.conn.execute(insert(version_t).values(
            resource_type=resource_type, id=rid, version_id=vid, last_updated=self.now,
            method="DELETE", deleted=True, content=None,
        ))
        self._unindex(resource_type, rid)
        stored = Stored(resource_type, rid, vid, self.now, None, deleted=True)
        self._run_hooks(stored)
        return stored

    def conditional_delete(self, resource_type: str, params: list[tuple[str, str]],
                           multiple: bool = False) -> list[Stored]:
        require_type(resource_type)
        dialect.lock_key(self.conn, f"{resource_type}?{sorted(params)}")
        q = parse_search(resource_type, params, self.max_count, self.max_count)
        if q.unknown or not q.conditions:
            raise bad_request(
                "Conditional delete needs known search criteria; not understood: "
                + (", ".join(q.unknown) or "(none given)")
            )
        ids = [r.id for r in self.conn.execute(page_select(q)).all()]
        if len(ids) > 1 and not multiple:
            raise multiple_matches(f"Conditional delete criteria match {len(ids)} resources")
        return [s for s in (self.delete(resource_type, i) for i in ids) if s is not None]

    def set_meta(self, resource_type: str, rid: str, resource: Resource) -> Stored:
        """Rewrite the current version's meta in place ($meta-add / $meta-delete)."""
        row = self.current(resource_type, rid, lock=True)
        if row is None:
            raise not_found(f"{resource_type}/{rid} is not known")
        if row.deleted:
            raise gone(f"{resource_type}/{rid} has been deleted")
        self.ctx.require(resource_type, WRITE)
        key = and_(resource_t.c.resource_type == resource_type, resource_t.c.id == rid)
        self.conn.execute(update(resource_t).where(key).values(content=resource))
        self.conn.execute(update(version_t).where(
            and_(version_t.c.resource_type == resource_type, version_t.c.id == rid,
                 version_t.c.version_id == row.version_id)).values(content=resource))
        return Stored(resource_type, rid, row.version_id, row.last_updated, resource)

    # -- internals ----------------------------------------------------------------------
    def _write(self, rtype: str, rid: str, resource: Resource, vid: int, method: str,
               created: bool, insert_: bool = True) -> Stored:
        check_id(rid)
        meta = dict(resource.get("meta") or {})
        meta["versionId"] = str(vid)
        meta["lastUpdated"] = instant(self.now)
        content = {"resourceType": rtype, "id": rid, "meta": meta, **resource}
        content["id"], content["meta"] = rid, meta
        values = {"resource_type": rtype, "id": rid, "version_id": vid,
                  "last_updated": self.now, "deleted": False, "content": content}
        if insert_:
            self.conn.execute(INSERT_CURRENT, values)
        else:
            self.conn.execute(UPDATE_CURRENT, {**values, "t": rtype, "i": rid})
            self._unindex(rtype, rid)
        self.conn.execute(INSERT_VERSION, {**values, "method": method})
        self._index(rtype, rid, content)
        stored = Stored(rtype, rid, vid, self.now, content, created=created)
        self._run_hooks(stored)
        return stored

    def _run_hooks(self, stored: Stored) -> None:
        for hook in WRITE_HOOKS.get(stored.resource_type, ()):
            hook(self, stored)

    def reindex(self, rtype: str, rid: str, content: Resource) -> None:
        """Rebuild the index rows of one stored resource (``$reindex``)."""
        self._unindex(rtype, rid)
        self._index(rtype, rid, content)

    def _index(self, rtype: str, rid: str, content: Resource) -> None:
        for table, rows in index_rows(rtype, rid, content).items():
            if rows:
                self.conn.execute(insert(table), rows)

    def _unindex(self, rtype: str, rid: str) -> None:
        for table in index_tables_for(rtype):
            self.conn.execute(_unindex_statement(table), {"t": rtype, "i": rid})

    @staticmethod
    def _stored(row: Any, changed: bool = True) -> Stored:
        return Stored(row.resource_type, row.id, row.version_id, row.last_updated,
                      ordered(row.content), deleted=row.deleted, changed=changed)


