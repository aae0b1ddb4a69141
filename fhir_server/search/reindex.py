"""``$reindex``: rebuild the search index as a job, activating stored SearchParameters.

A SearchParameter resource written by a user takes effect after a reindex
(https://hl7.org/fhir/R4/searchparameter.html). ``POST [base]/$reindex`` reindexes every
resource; ``POST [base]/[type]/$reindex`` one type. The answer is 202 with the job's
Content-Location (https://hl7.org/fhir/R4/async.html); polling it gives the outcome.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Engine

from .. import jobs
from ..context import SYSTEM, WRITE
from ..errors import information, issue, unprocessable
from ..ops import OperationSpec, OpRequest, register
from ..storage.repository import Repository, Stored, Tx, on_write, require_type
from ..storage.tables import job_t, resource_t
from .params import REGISTRY
from .paths import compile_expression, is_simple, syntax_problem

KIND = "reindex"
BATCH = 500


def stored_search_parameters(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(resource_t.c.content).where(and_(
            resource_t.c.resource_type == "SearchParameter",
            resource_t.c.deleted.is_(False)))).all()
    return [r.content for r in rows]


def activate(engine: Engine) -> None:
    """Activate the SearchParameters stored at the time of the last completed reindex."""
    with engine.connect() as conn:
        last = conn.execute(select(job_t.c.result).where(and_(
            job_t.c.kind == KIND, job_t.c.status == "completed"))
            .order_by(job_t.c.updated.desc()).limit(1)).first()
    if last is None:
        return
    urls = set((last.result or {}).get("activated", []))
    REGISTRY.set_custom([sp for sp in stored_search_parameters(engine) if sp.get("url") in urls])


def run(ctx: jobs.JobContext) -> dict[str, Any]:
    engine = ctx.engine
    custom = [sp for sp in stored_search_parameters(engine) if sp.get("status") != "retired"]
    REGISTRY.set_custom(custom)
    repo = Repository(engine, SYSTEM)
    types = ctx.params.get("types") or None
    done = 0
    with engine.connect() as conn:
        stmt = select(resource_t.c.resource_type).where(resource_t.c.deleted.is_(False))
        if types:
            stmt = stmt.where(resource_t.c.resource_type.in_(types))
        all_types = sorted({r.resource_type for r in conn.execute(stmt.distinct())})
    for rtype in all_types:
        last = ""
        while True:
            ctx.check_cancel()
            with repo.transaction() as tx:
                rows = tx.conn.execute(select(resource_t.c.id, resource_t.c.content).where(and_(
                    resource_t.c.resource_type == rtype, resource_t.c.deleted.is_(False),
                    resource_t.c.id > last)).order_by(resource_t.c.id).limit(BATCH)).all()
                for row in rows:
                    tx.reindex(rtype, row.id, row.content)
            if not rows:
                break
            last = rows[-1].id
            done += len(rows)
            ctx.progress(f"{done} resources reindexed ({rtype})")
    activated = [sp["url"] for sp in custom if sp.get("url")]
    outcome = information(f"Reindexed {done} resources; {len(activated)} custom search "
                          "parameter(s) active")
    return {"activated": activated, "count": done, "resource": outcome}


def reindex(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    req.repo.ctx.require(req.resource_type or "*", WRITE)
    if req.resource_type:
        require_type(req.resource_type)
    jid = jobs.submit(req.repo.engine, KIND,
                      {"types": [req.resource_type] if req.resource_type else []})
    return 202, information(f"Reindex queued as job {jid}"), {
        "Content-Location": f"{req.base}/_async/{jid}"}


def check_search_parameter(tx: Tx, stored: Stored) -> None:
    """Refuse SearchParameters whose expression is not FHIRPath; one without an
    expression is stored but indexes nothing (as R4 allows, e.g. ``_content``)."""
    sp = stored.resource
    if sp is None:
        return
    problems = []
    expression = sp.get("expression") or ""
    if expression and syntax_problem(expression):
        problems.append(f"expression {expression!r}: {syntax_problem(expression)}")
    elif expression and not is_simple(expression):
        try:
            import fhirpathpy
            from fhirpathpy.models import models

            fhirpathpy.compile(expression.replace("resolve()", "$this"), models["r4"])
        except Exception as exc:
            problems.append(f"expression does not parse: {exc}")
    if problems:
        raise unprocessable([issue("error", "invalid", f"SearchParameter: {p}",
                                   "SearchParameter.expression") for p in problems])
    compile_expression(expression)


jobs.KINDS[KIND] = run
on_write("SearchParameter", check_search_parameter)
register(OperationSpec("reindex", reindex, "http://fhir-ai.example.org/OperationDefinition/reindex",
                       system=True, type_level=True,
                       documentation="Rebuild the search index and activate stored "
                                     "SearchParameters (runs as a job)"))
