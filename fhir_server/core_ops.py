"""Core operations: ``$validate`` (https://hl7.org/fhir/R4/resource-operation-validate.html),
``$meta``, ``$meta-add`` and ``$meta-delete`` (https://hl7.org/fhir/R4/resource-operation-meta.html).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .errors import bad_request, issue, operation_outcome
from .ops import OperationSpec, OpRequest, register
from .storage.repository import require_type
from .storage.tables import resource_t
from .validation import validation_issues

META_KEYS = ("profile", "security", "tag")


def validate(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    body = req.body
    if isinstance(body, dict) and body.get("resourceType") == "Parameters":
        p = req.param("resource")
        body = p.get("resource") if p else None
    if body is None and req.id and req.resource_type:
        body = req.repo.read(req.resource_type, req.id).resource
    if not isinstance(body, dict):
        raise bad_request("$validate needs a resource to validate")
    if req.resource_type and body.get("resourceType") != req.resource_type:
        raise bad_request(f"Expected a {req.resource_type}, got {body.get('resourceType')!r}")
    issues = validation_issues(body)
    if not issues:
        issues = [issue("information", "informational", "Validation successful, no issues")]
    return 200, operation_outcome(issues), {}


def _meta_params(meta: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": [{"name": "return", "valueMeta": meta}]}


def meta(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    if req.id and req.resource_type:
        stored = req.repo.read(req.resource_type, req.id)
        m = {k: v for k, v in (stored.resource or {}).get("meta", {}).items() if k in META_KEYS}
        return 200, _meta_params(m), {}
    if req.resource_type:
        require_type(req.resource_type)
    stmt = select(resource_t.c.content).where(resource_t.c.deleted.is_(False))
    if req.resource_type:
        stmt = stmt.where(resource_t.c.resource_type == req.resource_type)
    merged: dict[str, list[Any]] = {k: [] for k in META_KEYS}
    with req.repo.reading() as conn:
        for (content,) in conn.execute(stmt):
            for key in META_KEYS:
                for item in (content.get("meta") or {}).get(key, []):
                    if item not in merged[key]:
                        merged[key].append(item)
    return 200, _meta_params({k: v for k, v in merged.items() if v}), {}


def _input_meta(req: OpRequest) -> dict[str, Any]:
    p = req.param("meta")
    if p is None or not isinstance(p.get("valueMeta"), dict):
        raise bad_request("Parameter 'meta' (valueMeta) is required", "meta")
    return p["valueMeta"]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return (a.get("system"), a.get("code")) == (b.get("system"), b.get("code"))
    return bool(a == b)


def _change_meta(req: OpRequest, add: bool) -> tuple[int, Any, dict[str, str]]:
    assert req.resource_type and req.id
    given = _input_meta(req)
    rtype, rid = req.resource_type, req.id

    def run(tx: Any) -> dict[str, Any]:
        row = tx.current(rtype, rid, lock=True)
        stored = req.repo.bound(tx.conn).read(rtype, rid) if row else None
        resource = dict(stored.resource) if stored and stored.resource else {}
        if not resource:
            req.repo.read(rtype, rid)  # raises 404 / 410
        m = dict(resource.get("meta") or {})
        for key in META_KEYS:
            items = list(m.get(key, []))
            for item in given.get(key, []):
                present = any(_same(x, item) for x in items)
                if add and not present:
                    items.append(item)
                elif not add:
                    items = [x for x in items if not _same(x, item)]
            if items:
                m[key] = items
            else:
                m.pop(key, None)
        resource["meta"] = m
        tx.set_meta(rtype, rid, resource)
        return {k: v for k, v in m.items() if k in META_KEYS}

    return 200, _meta_params(req.repo.write(run)), {}


def meta_add(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    return _change_meta(req, add=True)


def meta_delete(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    return _change_meta(req, add=False)


OPS = "http://hl7.org/fhir/OperationDefinition/"
register(OperationSpec("validate", validate, OPS + "Resource-validate", type_level=True,
                       instance=True, documentation="Validate a resource"))
register(OperationSpec("meta", meta, OPS + "Resource-meta", system=True, type_level=True,
                       instance=True, get_allowed=True, documentation="Tags, profiles, labels"))
register(OperationSpec("meta-add", meta_add, OPS + "Resource-meta-add", instance=True,
                       documentation="Add tags, profiles and security labels"))
register(OperationSpec("meta-delete", meta_delete, OPS + "Resource-meta-delete", instance=True,
                       documentation="Remove tags, profiles and security labels"))

# Operations implemented by the search package register themselves on import.
from .search import everything as _everything  # noqa: E402,F401
from .search import reindex as _reindex  # noqa: E402,F401
