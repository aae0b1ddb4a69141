"""The provenance builder shared by every AI operation.

For one AI call it produces (HL7 "AI Transparency on FHIR", and FHIR R4
https://hl7.org/fhir/R4/provenance.html, https://hl7.org/fhir/R4/auditevent.html):

* each output labelled ``meta.security`` AIAST (and tagged with the operation and model);
* one Provenance targeting every output: ``reason`` AIAST, an ``author`` agent per AI Device,
  one ``entity`` (role ``source``) per input, ``recorded``, ``occurredPeriod`` and, where an
  output has a score, the AIconfidence extension on its ``target`` (and on the output);
* the AI-Device and model card of each model version (conditional updates keyed by the
  model identifier: created once, updated when the card changes, and the Bundle can be
  posted to any server);
* one AuditEvent for the call.

Usage::

    call = AiCall(req, "extract", [model])
    call.add_input({"reference": "DocumentReference/1"})
    call.add_output(condition, confidence=0.93)
    return call.respond(persist)      # transaction Bundle, or stored -> transaction-response
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fhir_server import bundles
from fhir_server.fhirtime import instant, now
from fhir_server.ops import OpRequest
from fhir_server.storage.repository import Tx

from .devices import (
    ModelDescription,
    card_query,
    device_query,
    device_resource,
    ensure_device,
)
from .devices import model_card_resource as card_resource
from .transparency import (
    AI_PROVENANCE_PROFILE,
    AIAST,
    AUTHOR,
    DATA_OPERATION,
    MODEL_TAG,
    OPERATION_TAG,
    confidence_extension,
    label_ai_output,
    model_key,
)

AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
INTERACTION = "http://hl7.org/fhir/restful-interaction"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


@dataclass
class Output:
    resource: dict[str, Any]
    full_url: str
    request: dict[str, str]
    confidence: float | None = None

    @property
    def ref(self) -> str:
        return self.full_url if self.full_url.startswith("urn:") else self.request["url"]


@dataclass
class AiCall:
    """Collects the inputs and outputs of one AI call and builds its FHIR record."""

    req: OpRequest
    operation: str
    models: list[ModelDescription]
    inputs: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    started: datetime = field(default_factory=now)

    @property
    def model_keys(self) -> list[str]:
        return [model_key(m.name, m.version) for m in self.models]

    def add_input(self, reference: dict[str, Any]) -> None:
        """An input: a Reference (``reference`` and/or ``display``) to a resource or document."""
        if reference not in self.inputs:
            self.inputs.append(dict(reference))

    def add_output(self, resource: dict[str, Any], confidence: float | None = None) -> str:
        """A new (POST) or changed (PUT, when it has an id) output; returns its reference."""
        res = label_ai_output(dict(resource), self.operation, self.model_keys)
        if confidence is not None:
            res["extension"] = [*res.get("extension", []), confidence_extension(confidence)]
        rtype = str(res["resourceType"])
        if res.get("id"):
            url = f"{rtype}/{res['id']}"
            out = Output(res, f"{self.req.base}/{url}", {"method": "PUT", "url": url}, confidence)
        else:
            out = Output(res, _urn(), {"method": "POST", "url": rtype}, confidence)
        self.outputs.append(out)
        return out.ref

    # -- resources ------------------------------------------------------------------------
    def provenance(self, device_refs: list[str]) -> dict[str, Any]:
        targets = []
        for o in self.outputs:
            target: dict[str, Any] = {"reference": o.ref}
            if o.confidence is not None:
                target["extension"] = [confidence_extension(o.confidence)]
            targets.append(target)
        creates = all(o.request["method"] == "POST" for o in self.outputs)
        return {
            "resourceType": "Provenance",
            "meta": {"profile": [AI_PROVENANCE_PROFILE], "tag": self._tags()},
            "target": targets,
            "occurredPeriod": {"start": instant(self.started), "end": instant(now())},
            "recorded": instant(now()),
            "reason": [{"coding": [dict(AIAST)]}],
            "activity": {"coding": [{"system": DATA_OPERATION,
                                     "code": "CREATE" if creates else "UPDATE"}]},
            "agent": [{"type": {"coding": [dict(AUTHOR)]}, "who": {"reference": ref}}
                      for ref in device_refs],
            "entity": [{"role": "source", "what": dict(i)} for i in self.inputs],
        }

    def audit_event(self, device_refs: list[str], outputs: list[str]) -> dict[str, Any]:
        """The AuditEvent of the call: who asked, which AI ran, which resources (no content)."""
        entities = [{"what": dict(i), "role": {"system": OBJECT_ROLE, "code": "4"}}
                    for i in self.inputs if i.get("reference")]
        entities += [{"what": {"reference": r}, "role": {"system": OBJECT_ROLE, "code": "3"}}
                     for r in outputs]
        return {
            "resourceType": "AuditEvent",
            "meta": {"tag": self._tags()},
            "type": {"system": AUDIT_TYPE, "code": "rest", "display": "RESTful Operation"},
            "subtype": [{"system": INTERACTION, "code": "operation"},
                        {"system": OPERATION_TAG, "code": self.operation}],
            "action": "E",
            "period": {"start": instant(self.started), "end": instant(now())},
            "recorded": instant(now()),
            "outcome": "0",
            "agent": [{"who": {"display": self.req.repo.ctx.user}, "requestor": True},
                      *({"who": {"reference": ref}, "requestor": False} for ref in device_refs)],
            "source": {"observer": {"display": "fhir-ai-server"}},
            "entity": entities,
        }

    def _tags(self) -> list[dict[str, str]]:
        return [{"system": OPERATION_TAG, "code": self.operation},
                *({"system": MODEL_TAG, "code": k} for k in self.model_keys)]

    # -- results --------------------------------------------------------------------------
    def transaction_bundle(self, with_audit: bool = False) -> dict[str, Any]:
        """Outputs + Provenance + Devices/model cards (+ AuditEvent) as a transaction Bundle."""
        entries: list[dict[str, Any]] = []
        device_refs = []
        for model in self.models:
            dev_url = _urn()
            device_refs.append(dev_url)
            entries.append({"fullUrl": dev_url, "resource": device_resource(model), "request": {
                "method": "PUT", "url": f"Device?{device_query(model)}"}})
            entries.append({"fullUrl": _urn(), "resource": card_resource(model, dev_url),
                            "request": {"method": "PUT",
                                        "url": f"DocumentReference?{card_query(model)}"}})
        for o in self.outputs:
            entries.append({"fullUrl": o.full_url, "resource": o.resource, "request": o.request})
        entries.append({"fullUrl": _urn(), "resource": self.provenance(device_refs),
                        "request": {"method": "POST", "url": "Provenance"}})
        if with_audit:
            audit = self.audit_event(device_refs, [o.ref for o in self.outputs])
            entries.append({"fullUrl": _urn(), "resource": audit,
                            "request": {"method": "POST", "url": "AuditEvent"}})
        return {"resourceType": "Bundle", "type": "transaction", "entry": entries}

    def record_call(self) -> list[str]:
        """Not persisting: write the Devices and the AuditEvent (one transaction)."""

        def run(tx: Tx) -> list[str]:
            refs = [ensure_device(tx, m) for m in self.models]
            tx.create(self.audit_event(refs, []))
            return refs

        refs: list[str] = self.req.repo.write(run)
        return refs

    def respond(self, persist: bool) -> tuple[int, Any, dict[str, str]]:
        """The operation's result: the transaction Bundle, or its stored transaction-response.

        Persisting stores the outputs, the Provenance, the AuditEvent and the Devices with
        their model cards in one transaction, through the same code as a client's
        transaction Bundle.
        """
        if not persist:
            self.record_call()
            return 200, self.transaction_bundle(), {}
        result = bundles.process(self.req.repo, self.transaction_bundle(with_audit=True),
                                 self.req.base)
        return 200, result, {}
