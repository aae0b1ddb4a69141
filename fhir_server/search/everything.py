"""``Patient/[id]/$everything`` and ``Patient/$everything``
(https://hl7.org/fhir/R4/patient-operation-everything.html): the patient, every resource in
its compartment, and the resources those reference (practitioners, organizations,
medications...), as a searchset Bundle."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select

from ..bundle_out import search_bundle
from ..context import READ
from ..errors import bad_request
from ..fhirtime import parse_instant
from ..ops import OperationSpec, OpRequest, register
from ..storage.repository import SearchResult, ordered
from ..storage.tables import reference_t, resource_t
from .engine import SearchQuery, keys_in
from .query import compartments

MAX_RESOURCES = 5000


def _compartment_members(patient_ids: list[str]) -> Any:
    """(type, id) of the resources that point at the patients through a compartment param."""
    per_type = [and_(reference_t.c.resource_type == rtype, reference_t.c.param.in_(params))
                for rtype, params in compartments()["Patient"].items()]
    return select(reference_t.c.resource_type, reference_t.c.resource_id).where(and_(
        reference_t.c.target_type == "Patient", reference_t.c.target_id.in_(patient_ids),
        or_(*per_type))).distinct()


def everything(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    req.repo.ctx.require("Patient", READ)
    since = req.param("_since") or {}
    types = [t for p in req.parameters() if p.get("name") == "_type"
             for t in str(p.get("valueString") or p.get("valueCode") or "").split(",") if t]
    since_value = dict(req.query).get("_since") or since.get("valueInstant")
    with req.repo.reading() as conn:
        if req.id:
            ids = [req.id]
        else:
            ids = [r.id for r in conn.execute(select(resource_t.c.id).where(and_(
                resource_t.c.resource_type == "Patient", resource_t.c.deleted.is_(False))))]
        members = conn.execute(_compartment_members(ids)).all()
        keys = {("Patient", i) for i in ids} | {(m.resource_type, m.resource_id)
                                                for m in members}
        stmt = select(resource_t.c.resource_type, resource_t.c.id, resource_t.c.content).where(
            and_(resource_t.c.deleted.is_(False),
                 keys_in(resource_t.c.resource_type, resource_t.c.id, keys)))
        if since_value:
            stmt = stmt.where(resource_t.c.last_updated >= parse_instant(since_value, "_since"))
        if types:
            stmt = stmt.where(resource_t.c.resource_type.in_(types))
        rows = conn.execute(stmt.limit(MAX_RESOURCES + 1)).all()
        if len(rows) > MAX_RESOURCES:
            raise bad_request(f"More than {MAX_RESOURCES} resources: use _since or _type")
        found = {(r.resource_type, r.id) for r in rows}
        refs = conn.execute(select(reference_t.c.target_type, reference_t.c.target_id).where(
            and_(keys_in(reference_t.c.resource_type, reference_t.c.resource_id, found),
                 reference_t.c.target_id.is_not(None)))).all() if found else []
        extra = {(r.target_type, r.target_id) for r in refs} - found
        if types:
            extra = {k for k in extra if k[0] in types}
        more = conn.execute(select(resource_t.c.content).where(and_(
            keys_in(resource_t.c.resource_type, resource_t.c.id, extra),
            resource_t.c.deleted.is_(False)))).all() if extra else []
    resources = [ordered(r.content) or {} for r in rows] + [ordered(r.content) or {}
                                                           for r in more]
    q = SearchQuery("Patient", count=len(resources))
    url = f"{req.base}/Patient/" + (f"{req.id}/$everything" if req.id else "$everything")
    return 200, search_bundle(url, SearchResult(resources, len(resources), q), req.base), {}


register(OperationSpec("everything", everything,
                       "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                       type_level=True, instance=True, resource_types=("Patient",),
                       get_allowed=True, documentation="Everything about a patient"))
