"""``CodeSystem/$upload``: a terminology manager's bulk upload, run as a job with progress.

The file (ClaML, CSV or XLSX catalogue with a column mapping, FHIR JSON or XML) comes as an
Attachment (``file``: inline ``data`` or ``url`` of a stored ``Binary``). Inline data is first
kept as a ``Binary`` (the source of what was loaded), then a job reads and stores the code
sets; the answer is 202 with the job's Content-Location, polled as in the FHIR asynchronous
pattern (https://hl7.org/fhir/R4/async.html): 202 with ``X-Progress`` while it runs, then a
Parameters resource listing what was stored. Described in docs/terminology.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from fhir_server import jobs
from fhir_server.context import WRITE, AccessContext
from fhir_server.errors import OperationOutcomeError, bad_request, information
from fhir_server.ops import OpRequest
from fhir_server.storage.repository import Repository, Stored, Tx

from .loaders import FORMATS, guess_format, read_resources, resource_id, store
from .model import Json
from .params import Params

KIND = "terminology-upload"
OPTIONS = ("url", "version", "name", "language", "mapping")
#: content types naming a format (parameters ``format`` and the file's name also do)
CONTENT_TYPES = {
    "text/csv": "csv", "text/tab-separated-values": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/fhir+json": "fhir", "application/json": "fhir",
    "application/fhir+xml": "fhir-xml",
}
SUFFIXES = {"fhir": ".json", "fhir-xml": ".xml", "csv": ".csv", "xlsx": ".xlsx",
            "claml": ".xml"}


def _attachment(p: Params) -> Json:
    value = p.value("file")
    if isinstance(value, dict):
        return value
    binary = p.resource("file")
    if binary is not None and binary.get("resourceType") == "Binary":
        return {"contentType": binary.get("contentType"), "data": binary.get("data")}
    raise bad_request("Give the file as parameter 'file' (valueAttachment with data, or url "
                      "of a stored Binary, or a Binary resource)", "file")


def _format(p: Params, att: Json) -> str:
    fmt = p.string("format")
    if not fmt:
        ctype = str(att.get("contentType") or "").split(";")[0].strip().lower()
        fmt = CONTENT_TYPES.get(ctype)
    if not fmt and att.get("title"):
        fmt = guess_format(Path(str(att["title"])))
    if not fmt:
        raise bad_request("Say which format the file has: parameter 'format' "
                          f"({', '.join(FORMATS)}), a known contentType or a title with a "
                          "file extension", "format")
    if fmt not in FORMATS:
        raise bad_request(f"Unknown format {fmt!r}; known: {', '.join(FORMATS)}", "format")
    return fmt


def _decode(data: Any) -> bytes:
    try:
        raw = base64.b64decode(str(data), validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("file.data is not valid base64", "file") from None
    if not raw:
        raise bad_request("The file is empty", "file")
    return raw


def upload(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    ctx = req.repo.ctx
    for rtype in ("CodeSystem", "ValueSet", "ConceptMap", "Binary"):
        ctx.require(rtype, WRITE)
    p = Params(req)
    att = _attachment(p)
    fmt = _format(p, att)
    options = {name: p.string(name) for name in OPTIONS if p.string(name) is not None}
    if att.get("data") is not None:
        raw = _decode(att["data"])
        if fmt == "xlsx" and not raw.startswith(b"PK"):
            raise bad_request("The file is not an XLSX workbook (no zip signature)", "file")
        binary = {"resourceType": "Binary",
                  "contentType": att.get("contentType") or "application/octet-stream",
                  "data": att["data"]}

        def create(tx: Tx) -> Stored:
            return tx.create(binary)

        binary_id = req.repo.write(create).id
    elif att.get("url"):
        ref = str(att["url"]).removeprefix(req.base + "/")
        rtype, _, binary_id = ref.partition("/")
        if rtype != "Binary" or not binary_id:
            raise bad_request("file.url must reference a stored Binary (Binary/[id])", "file")
        req.repo.read("Binary", binary_id)  # 404 when absent
    else:
        raise bad_request("The attachment has neither data nor url", "file")
    jid = jobs.submit(req.repo.engine, KIND, {
        "binary": binary_id, "format": fmt, "options": options, "title": att.get("title"),
        "context": {"user": ctx.user, "scopes": sorted(ctx.scopes), "patient": ctx.patient}})
    return 202, information(f"Upload of Binary/{binary_id} ({fmt}) queued as job {jid}"), {
        "Content-Location": f"{req.base}/_async/{jid}"}


def run(job: jobs.JobContext) -> dict[str, Any]:
    """The job: read the Binary, turn it into resources, store them (each idempotent)."""
    started = time.perf_counter()
    prm = job.params
    c = prm["context"]
    repo = Repository(job.engine, AccessContext(user=c["user"], scopes=frozenset(c["scopes"]),
                                                patient=c["patient"]))
    fmt = str(prm["format"])
    job.progress(f"reading Binary/{prm['binary']} ({fmt})")
    binary = repo.read("Binary", prm["binary"]).resource or {}
    raw = base64.b64decode(str(binary.get("data") or ""))
    with tempfile.TemporaryDirectory() as tmp:
        # named as uploaded: a catalogue's default name (and so its id) comes from it
        stem = re.sub(r"[^A-Za-z0-9\-_.]", "-", Path(str(prm.get("title") or "")).stem)
        path = Path(tmp) / ((stem or f"upload-{job.id[:8]}") + SUFFIXES.get(fmt, ""))
        path.write_bytes(raw)
        job.progress(f"parsing {len(raw):,} bytes ({fmt})")
        resources = read_resources(path, fmt, **prm.get("options") or {})
    total = sum(_concept_count(r) for r in resources)
    job.progress(f"read {len(resources)} resource(s), {total:,} concepts; storing")
    loaded: list[Json] = []
    for i, res in enumerate(resources, 1):
        job.check_cancel()
        count = _concept_count(res)
        job.progress(f"storing {i}/{len(resources)}: {res.get('resourceType')} "
                     f"{res.get('url')}|{res.get('version') or ''} ({count:,} concepts)")
        (ref,) = store(repo, [_unclashed(repo, res)])
        parts: list[Json] = [{"name": "reference", "valueReference": {"reference": ref}}]
        if res.get("url"):
            parts.append({"name": "url", "valueUri": res["url"]})
        if res.get("version"):
            parts.append({"name": "version", "valueString": str(res["version"])})
        parts.append({"name": "concepts", "valueInteger": count})
        loaded.append({"name": "loaded", "part": parts})
    seconds = round(time.perf_counter() - started, 1)
    job.progress(f"done: {len(resources)} resource(s), {total:,} concepts in {seconds} s")
    out: Json = {"resourceType": "Parameters", "parameter": [
        {"name": "source", "valueReference": {"reference": f"Binary/{prm['binary']}"}},
        {"name": "format", "valueCode": fmt}, *loaded,
        {"name": "seconds", "valueDecimal": seconds}]}
    return {"resource": out}


def _unclashed(repo: Repository, res: Json) -> Json:
    """``res`` with an id of its own: the id made from its name and version, unless a
    resource of another canonical URL holds it already (then the URL's hash is added)."""
    if res.get("id"):
        return res
    rid = resource_id(res)
    try:
        held = repo.read(str(res["resourceType"]), rid).resource or {}
    except OperationOutcomeError:
        return res  # free (or deleted): taken as is
    if held.get("url") in (None, res.get("url")):
        return res  # the same code set again: updated in place
    digest = hashlib.sha1(str(res.get("url")).encode()).hexdigest()[:8]
    return {**res, "id": f"{rid[:55]}-{digest}"}


def _concept_count(res: Json) -> int:
    n = 0
    stack = list(res.get("concept") or [])
    while stack:
        c = stack.pop()
        n += 1
        stack.extend(c.get("concept") or [])
    return n


jobs.KINDS[KIND] = run
