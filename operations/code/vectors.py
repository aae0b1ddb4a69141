"""The ``code-vectors`` job: dense label vectors of a code system built ahead of ``$code``.

Storing a CodeSystem (https://hl7.org/fhir/R4/codesystem.html) with more concepts than
``index.INLINE_DENSE_LIMIT`` (and no more than ``index.MAX_DENSE_LABELS``) queues the job in
the same transaction, once per url and version; the server's job worker (``fhir_server.jobs``)
builds the index with its dense vectors, which land in the on-disk cache keyed by model
version and labels. Until they are there, ``$code`` on that code system answers from its
lexical channels; smaller code systems are embedded on first use, in the request.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from fhir_server import jobs
from fhir_server.storage.tables import job_t
from fhir_server.storage.tx import Stored, Tx, on_write

from .index import INLINE_DENSE_LIMIT, MAX_DENSE_LABELS, build_index, embedder_version

KIND = "code-vectors"


@jobs.job_kind(KIND)
def build_vectors(job: jobs.JobContext) -> dict[str, Any]:
    url, version = str(job.params["url"]), job.params.get("version")
    if embedder_version() is None:
        return {"url": url, "vectors": 0, "reason": "the embedding model is not built"}
    job.progress(f"embedding the labels of {url}")
    with job.engine.connect() as conn:
        index = build_index(conn, url, version, dense=True)
    count = 0 if index is None or index.dense is None else len(index.dense)
    return {"url": url, "version": version, "vectors": count}


def _count(concepts: list[Any]) -> int:
    return sum(1 + _count(c.get("concept") or []) for c in concepts if isinstance(c, dict))


def _queue(tx: Tx, stored: Stored) -> None:
    res = stored.resource
    if stored.deleted or not res or not res.get("url") or res.get("content") == "supplement":
        return
    if not INLINE_DENSE_LIMIT < _count(res.get("concept") or []) <= MAX_DENSE_LABELS:
        return
    params = {"url": res["url"], "version": res.get("version")}
    waiting = tx.conn.execute(select(job_t.c.params).where(
        job_t.c.kind == KIND, job_t.c.status == "queued")).scalars()
    if params not in list(waiting):
        jobs.submit_in(tx.conn, KIND, params)


def install() -> None:
    on_write("CodeSystem", _queue)


install()
