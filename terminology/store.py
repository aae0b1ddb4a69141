"""Keeping the concept tables in step with stored resources, and reading them back.

A write hook (``fhir_server.storage.repository.on_write``) runs inside the write transaction
of every CodeSystem / ValueSet / ConceptMap create, update or delete: the rows of the
previous version go, the new ones are bulk-inserted. Code system models read back from the
tables are cached per database and ``tx_code_system.pk`` (a new pk for every write, so a
cache entry never goes stale). https://hl7.org/fhir/R4/codesystem.html
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.engine import Connection

from fhir_server.storage.repository import Stored, Tx, on_write

from .model import CodeSystemModel, Concept, Designation, Json, from_resource
from .tables import (
    canonical_t,
    code_system_t,
    concept_t,
    designation_t,
    parent_t,
    property_t,
)
from .versions import newest

BATCH = 5000


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]


def _bulk(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL (several times faster than batched INSERTs),
    batched INSERTs elsewhere. Same transaction either way."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        cols = list(rows[0])
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            names = ", ".join(f'"{c}"' for c in cols)
            with cursor.copy(f'COPY {table.name} ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([row[c] for c in cols])
        finally:
            cursor.close()
        return
    for chunk in _chunks(rows):
        conn.execute(insert(table), chunk)


def remove_code_system(conn: Connection, resource_id: str) -> None:
    pks = [r.pk for r in conn.execute(
        select(code_system_t.c.pk).where(code_system_t.c.resource_id == resource_id))]
    for table in (concept_t, parent_t, property_t, designation_t):
        if pks:
            conn.execute(delete(table).where(table.c.cs_pk.in_(pks)))
    conn.execute(delete(code_system_t).where(code_system_t.c.resource_id == resource_id))


def store_code_system(conn: Connection, resource_id: str, resource: Json) -> int:
    """Replace the concept rows of one CodeSystem resource; returns the new pk."""
    remove_code_system(conn, resource_id)
    model = from_resource(resource)
    sup = resource.get("supplements") if resource.get("content") == "supplement" else None
    pk = conn.execute(insert(code_system_t).values(
        resource_id=resource_id, url=model.url, version=model.version,
        name=resource.get("name"), content=resource.get("content"), supplements=sup,
        concept_count=len(model.concepts)).returning(code_system_t.c.pk)).scalar_one()
    concepts: list[dict[str, Any]] = []
    parents: list[dict[str, Any]] = []
    props: list[dict[str, Any]] = []
    desigs: list[dict[str, Any]] = []
    for seq, c in enumerate(model.all()):
        concepts.append({"cs_pk": pk, "seq": seq, "code": c.code, "display": c.display,
                         "definition": c.definition, "inactive": c.inactive,
                         "status": c.status, "not_selectable": c.not_selectable,
                         "extra": _extra(c)})
        parents.extend({"cs_pk": pk, "child": c.code, "parent": p} for p in c.parents)
        for code, value in c.properties:
            vtype, val = next(iter(value.items()), ("valueString", ""))
            props.append({"cs_pk": pk, "code": c.code, "property": code, "value_type": vtype,
                          "value": val if isinstance(val, str) else json.dumps(val)})
        for d in c.designations:
            use = d.use or {}
            desigs.append({"cs_pk": pk, "code": c.code, "language": d.language,
                           "use_system": use.get("system"), "use_code": use.get("code"),
                           "use_display": use.get("display"), "value": d.value})
    _bulk(conn, concept_t, concepts)
    _bulk(conn, parent_t, parents)
    _bulk(conn, property_t, props)
    _bulk(conn, designation_t, desigs)
    return int(pk)


def _extra(c: Concept) -> str | None:
    """The concept's extensions as JSON text: a list, or ``{"extension": [...],
    "designation": {index: [...]}}`` when designations carry extensions too."""
    by_index = {str(i): d.extensions for i, d in enumerate(c.designations) if d.extensions}
    if by_index:
        return json.dumps({"extension": c.extensions, "designation": by_index})
    return json.dumps(c.extensions) if c.extensions else None


def _read_extra(text: str | None) -> tuple[list[Json], dict[str, list[Json]]]:
    data = json.loads(text) if text else []
    if isinstance(data, dict):
        return list(data.get("extension") or []), dict(data.get("designation") or {})
    return list(data), {}


def _code_system_hook(tx: Tx, stored: Stored) -> None:
    if stored.deleted or stored.resource is None:
        remove_code_system(tx.conn, stored.id)
    else:
        store_code_system(tx.conn, stored.id, stored.resource)


def _canonical_hook(tx: Tx, stored: Stored) -> None:
    key = and_(canonical_t.c.resource_type == stored.resource_type,
               canonical_t.c.resource_id == stored.id)
    tx.conn.execute(delete(canonical_t).where(key))
    res = stored.resource
    if not stored.deleted and res and res.get("url"):
        tx.conn.execute(insert(canonical_t).values(
            resource_type=stored.resource_type, resource_id=stored.id, url=res["url"],
            version=res.get("version")))


def install() -> None:
    on_write("CodeSystem", _code_system_hook)
    on_write("ValueSet", _canonical_hook)
    on_write("ConceptMap", _canonical_hook)


# -- reading back ----------------------------------------------------------------------------
#: keyed by (database url, pk): pks of different databases served by one process collide
_CACHE: OrderedDict[tuple[str, int], CodeSystemModel] = OrderedDict()
_CACHE_SIZE = 16
_LOCK = threading.Lock()


def code_system_versions(conn: Connection, url: str) -> list[Any]:
    """The stored versions of a code system (supplements excluded)."""
    return list(conn.execute(select(code_system_t).where(and_(
        code_system_t.c.url == url, code_system_t.c.supplements.is_(None)))))


def find_code_system_row(conn: Connection, url: str, version: str | None) -> Any:
    rows = code_system_versions(conn, url)
    if version is not None:
        exact = [r for r in rows if r.version == version]
        return exact[0] if exact else None
    return newest(rows, lambda r: r.version)


def load_code_system(conn: Connection, row: Any) -> CodeSystemModel:
    """The model of a stored code system, read from the concept tables (cached)."""
    key = (conn.engine.url.render_as_string(hide_password=True), int(row.pk))
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    from fhir_server.storage.tables import resource_t

    content = conn.execute(select(resource_t.c.content).where(and_(
        resource_t.c.resource_type == "CodeSystem", resource_t.c.id == row.resource_id))
    ).scalar_one_or_none() or {}
    header = {k: v for k, v in content.items() if k != "concept"}
    model = CodeSystemModel(row.url, row.version, header)
    pending: dict[str, dict[str, list[Json]]] = {}  # code -> designation index -> extensions
    for p in header.get("property") or []:
        if isinstance(p, dict) and p.get("code"):
            model.property_defs[p["code"]] = p
    for r in conn.execute(select(concept_t).where(concept_t.c.cs_pk == row.pk)
                          .order_by(concept_t.c.seq)):
        concept_ext, desig_ext = _read_extra(r.extra)
        model.concepts[r.code] = Concept(r.code, r.display, r.definition,
                                         extensions=concept_ext)
        if desig_ext:
            pending[r.code] = desig_ext
    for r in conn.execute(select(parent_t).where(parent_t.c.cs_pk == row.pk)):
        c, p = model.concepts.get(r.child), model.concepts.get(r.parent)
        if c is not None and p is not None:
            c.parents.append(r.parent)
            p.children.append(r.child)
    for r in conn.execute(select(property_t).where(property_t.c.cs_pk == row.pk)
                          .order_by(property_t.c.pk)):
        c = model.concepts.get(r.code)
        if c is not None:
            val: Any = r.value
            if r.value_type not in ("valueCode", "valueString", "valueDateTime", "valueUri"):
                val = json.loads(r.value) if r.value is not None else None
            c.properties.append((r.property, {r.value_type: val}))
    for r in conn.execute(select(designation_t).where(designation_t.c.cs_pk == row.pk)
                          .order_by(designation_t.c.pk)):
        c = model.concepts.get(r.code)
        if c is not None:
            use = None
            if r.use_system or r.use_code:
                use = {k: v for k, v in (("system", r.use_system), ("code", r.use_code),
                                         ("display", r.use_display)) if v}
            exts = pending.get(r.code, {}).get(str(len(c.designations)))
            c.designations.append(Designation(r.value, r.language, use,
                                              extensions=list(exts or [])))
    model.roots = [c.code for c in model.concepts.values() if not c.parents]
    with _LOCK:
        _CACHE[key] = model
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return model


def find_canonical(conn: Connection, rtype: str, url: str, version: str | None) -> Json | None:
    """A stored ValueSet / ConceptMap by canonical url (newest version when none given)."""
    from fhir_server.storage.tables import resource_t

    rows = list(conn.execute(select(canonical_t).where(and_(
        canonical_t.c.resource_type == rtype, canonical_t.c.url == url))))
    if version is not None:
        rows = [r for r in rows if r.version == version]
    row = newest(rows, lambda r: r.version)
    if row is None:
        return None
    content = conn.execute(select(resource_t.c.content).where(and_(
        resource_t.c.resource_type == rtype, resource_t.c.id == row.resource_id))
    ).scalar_one_or_none()
    return dict(content) if content else None


def supplements_of(conn: Connection, url: str) -> list[Json]:
    """Stored supplements of a code system url (their CodeSystem resources)."""
    from fhir_server.storage.tables import resource_t

    out = []
    for row in conn.execute(select(code_system_t).where(code_system_t.c.supplements.is_not(None))):
        if str(row.supplements).split("|")[0] != url:
            continue
        content = conn.execute(select(resource_t.c.content).where(and_(
            resource_t.c.resource_type == "CodeSystem", resource_t.c.id == row.resource_id))
        ).scalar_one_or_none()
        if content:
            out.append(dict(content))
    return out
