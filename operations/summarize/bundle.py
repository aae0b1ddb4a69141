"""The document Bundle of a summary (https://hl7.org/fhir/R4/documents.html): the
Composition first, then every resource it references (Patient, AI Devices, Media, sources)
and the Provenance, each with its ``fullUrl``.

Not persisted: the Composition, Media and Provenance have ``urn:uuid`` fullUrls and the call
writes only its AuditEvent (and the Devices). Persisted: the AI call's transaction Bundle
(outputs, Provenance, AuditEvent, Devices) is stored in one transaction and the document is
made of the stored resources.
"""

from __future__ import annotations

import uuid
from typing import Any

from fhir_server import bundles
from fhir_server.fhirtime import instant, now

from ..provenance import AiCall
from .gather import Inputs


def _entry(base: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"{base}/{resource['resourceType']}/{resource['id']}",
            "resource": resource}


def _sources(call: AiCall, inputs: Inputs) -> list[dict[str, Any]]:
    known = {f"{r['resourceType']}/{r['id']}": r for r in [*inputs.observations, *inputs.reports]}
    refs = [str(i["reference"]) for i in call.inputs]
    return [_entry(call.req.base, known[r]) for r in refs if r in known]


def _bundle(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
            "type": "document", "timestamp": instant(now()), "entry": entries}


def _devices(call: AiCall, devices: list[str]) -> list[dict[str, Any]]:
    return [_entry(call.req.base, dict(call.req.repo.read("Device", ref.split("/", 1)[1])
                                       .resource or {})) for ref in devices]


def document(call: AiCall, inputs: Inputs, devices: list[str], persist: bool
             ) -> tuple[int, Any, dict[str, str]]:
    base = call.req.base
    patient = _entry(base, inputs.patient)
    if not persist:
        call.record_call()
        outputs = [{"fullUrl": o.full_url, "resource": o.resource} for o in call.outputs]
        prov: dict[str, Any] = {"fullUrl": f"urn:uuid:{uuid.uuid4()}",
                                "resource": call.provenance(devices)}
        entries = [outputs[0], patient, *_devices(call, devices), *outputs[1:],
                   *_sources(call, inputs), prov]
        return 200, _bundle(entries), {}
    tx = call.transaction_bundle(with_audit=True)
    result = bundles.process(call.req.repo, tx, base)
    stored = []
    for req_entry, resp in zip(tx["entry"], result["entry"], strict=True):
        rtype = req_entry["resource"]["resourceType"]
        if rtype in ("Composition", "Media", "Provenance"):
            resource = resp.get("resource") or dict(call.req.repo.read(
                rtype, str(resp["response"]["location"]).split("/")[1]).resource or {})
            stored.append(_entry(base, resource))
    composition = next(e for e in stored if e["resource"]["resourceType"] == "Composition")
    rest = [e for e in stored if e is not composition]
    media = [e for e in rest if e["resource"]["resourceType"] == "Media"]
    provenance = [e for e in rest if e["resource"]["resourceType"] == "Provenance"]
    entries = [composition, patient, *_devices(call, devices), *media,
               *_sources(call, inputs), *provenance]
    return 200, _bundle(entries), {}
