"""The ``code-vectors`` job: dense label vectors of a code system built ahead of ``$code``.

Storing a CodeSystem (https://hl7.org/fhir/R4/codesystem.html) queues the job in the same
transaction; the server's job worker (``fhir_server.jobs``) builds the index with its dense
vectors, which land in the on-disk cache keyed by model version and labels. Until they are
there, ``$code`` on a large code system answers from its lexical channels (see
``index.INLINE_DENSE_LIMIT``); small code systems are embedded on first use.
"""

from __future__ import annotations

from typing import Any

from fhir_server import jobs
from fhir_server.storage.tx import Stored, Tx, on_write

from .index import build_index, embedder_version

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


def _queue(tx: Tx, stored: Stored) -> None:
    res = stored.resource
    if stored.deleted or not res or not res.get("url") or not res.get("concept"):
        return
    if res.get("content") == "supplement":
        return
    jobs.submit_in(tx.conn, KIND, {"url": res["url"], "version": res.get("version")})


def install() -> None:
    on_write("CodeSystem", _queue)


install()
