"""The AI-transparency foundation: provenance builder, AI Devices, review and metrics.

Runs the real app on SQLite and PostgreSQL through a small AI operation registered here
(``$test-ai-demo``) that uses the shared builder exactly as the real operations do.
"""

from __future__ import annotations

import base64
import uuid
from typing import Any

from fastapi.testclient import TestClient

from fhir_server.ops import OperationSpec, OpRequest, register
from operations.devices import AiModel
from operations.provenance import AiCall
from operations.review import apply_decision
from operations.transparency import AI_CONFIDENCE_URL, AIAST, MODEL_IDENTIFIER
from tests.conftest import new_patient

COND_VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"


def _demo(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    version = (req.param("version") or {}).get("valueString", "1.0.0")
    model = AiModel("demo-model", version, f"# demo-model {version}\nFor tests only.\n")
    subject = req.param("subject")["valueReference"]  # type: ignore[index]
    call = AiCall(req, "test-ai-demo", [model])
    call.add_input(subject)
    call.add_input({"display": "inline text"})
    call.add_output({"resourceType": "Condition", "subject": subject, "code": {"text": "asthme"},
                     "verificationStatus": {"coding": [{"system": COND_VER,
                                                        "code": "unconfirmed"}]}},
                    confidence=0.87)
    call.add_output({"resourceType": "Observation", "status": "preliminary", "subject": subject,
                     "code": {"text": "tabac"}})
    persist = (req.param("persist") or {}).get("valueBoolean", False)
    return call.respond(bool(persist))


register(OperationSpec("test-ai-demo", _demo, "urn:test:demo", system=True))


def _call(client: TestClient, patient: dict[str, Any], version: str,
          persist: bool = False) -> dict[str, Any]:
    body = {"resourceType": "Parameters", "parameter": [
        {"name": "subject", "valueReference": {"reference": f"Patient/{patient['id']}"}},
        {"name": "version", "valueString": version},
        {"name": "persist", "valueBoolean": persist}]}
    r = client.post("/fhir/$test-ai-demo", json=body)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _by_type(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e for e in bundle["entry"] if e.get("resource", {}).get("resourceType") == rtype]


def test_transaction_bundle_carries_transparency(client: TestClient) -> None:
    patient = new_patient(client)
    version = uuid.uuid4().hex[:8]
    bundle = _call(client, patient, version)
    assert bundle["type"] == "transaction"
    outputs = _by_type(bundle, "Condition") + _by_type(bundle, "Observation")
    assert len(outputs) == 2
    for e in outputs:
        assert AIAST in e["resource"]["meta"]["security"]
        assert e["fullUrl"].startswith("urn:uuid:")
    [prov] = [e["resource"] for e in _by_type(bundle, "Provenance")]
    [device] = _by_type(bundle, "Device")
    assert {t["reference"] for t in prov["target"]} == {e["fullUrl"] for e in outputs}
    cond_target = next(t for t in prov["target"] if t["reference"] == outputs[0]["fullUrl"])
    assert cond_target["extension"] == [{"url": AI_CONFIDENCE_URL, "valueDecimal": 0.87}]
    assert prov["reason"][0]["coding"][0]["code"] == "AIAST"
    assert prov["agent"] == [{"type": {"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
        "code": "author", "display": "Author"}]}, "who": {"reference": device["fullUrl"]}}]
    assert prov["entity"] == [
        {"role": "source", "what": {"reference": f"Patient/{patient['id']}"}},
        {"role": "source", "what": {"display": "inline text"}}]
    assert prov["recorded"]
    dev = device["resource"]
    assert dev["type"]["coding"][0]["code"] == "Artificial-Intelligence"
    assert dev["deviceName"] == [{"name": "demo-model", "type": "model-name"}]
    assert dev["version"] == [{"value": version}]
    [card] = [e["resource"] for e in _by_type(bundle, "DocumentReference")]
    assert card["subject"] == {"reference": device["fullUrl"]}
    data = base64.b64decode(card["content"][0]["attachment"]["data"]).decode()
    assert data.startswith(f"# demo-model {version}")

    # the server recorded the call: the Device (once) and an AuditEvent
    ident = f"{MODEL_IDENTIFIER}|demo-model|{version}"
    devices = client.get("/fhir/Device", params={"identifier": ident}).json()
    assert devices["total"] == 1
    dev_id = devices["entry"][0]["resource"]["id"]
    audits = _audits(client, version)
    assert len(audits) == 1
    assert {"who": {"reference": f"Device/{dev_id}"}, "requestor": False} in audits[0]["agent"]
    assert audits[0]["action"] == "E"

    # the bundle can be posted as is; the Device is not duplicated
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text
    assert [e["response"]["status"][:3] for e in r.json()["entry"]][:2] == ["200", "200"]
    assert client.get("/fhir/Device", params={"identifier": ident}).json()["total"] == 1


def _audits(client: TestClient, version: str) -> list[dict[str, Any]]:
    found = client.get("/fhir/AuditEvent", params={"_count": "1000"}).json().get("entry", [])
    return [e["resource"] for e in found
            if {"system": "http://fhir-ai.example.org/CodeSystem/ai-model",
                "code": f"demo-model|{version}"} in e["resource"]["meta"].get("tag", [])]


def _persisted(client: TestClient, version: str) -> tuple[dict[str, Any], ...]:
    patient = new_patient(client)
    result = _call(client, patient, version, persist=True)
    assert result["type"] == "transaction-response"
    locations = [e["response"]["location"].split("/fhir/")[-1] for e in result["entry"]]
    get = {loc.split("/")[0]: client.get("/fhir/" + "/".join(loc.split("/")[:2])).json()
           for loc in locations}
    return get["Condition"], get["Observation"], get["Provenance"], get["Device"]


def test_persisted_call_in_one_transaction(client: TestClient) -> None:
    version = uuid.uuid4().hex[:8]
    cond, obs, prov, device = _persisted(client, version)
    assert AIAST in cond["meta"]["security"] and AIAST in obs["meta"]["security"]
    assert AI_CONFIDENCE_URL in [x["url"] for x in cond["extension"]]
    assert {t["reference"] for t in prov["target"]} == {f"Condition/{cond['id']}",
                                                        f"Observation/{obs['id']}"}
    assert prov["agent"][0]["who"] == {"reference": f"Device/{device['id']}"}
    audit = _audits(client, version)
    assert len(audit) == 1
    assert {e["what"]["reference"] for e in audit[0]["entity"]} >= {
        f"Condition/{cond['id']}", f"Observation/{obs['id']}"}


def _practitioner(client: TestClient) -> str:
    r = client.post("/fhir/Practitioner", json={"resourceType": "Practitioner",
                                                "name": [{"family": "Dupont"}]})
    return f"Practitioner/{r.json()['id']}"


def _review(client: TestClient, ref: str, decision: str, reviewer: str) -> Any:
    return client.post(f"/fhir/{ref}/$ai-review", json={"resourceType": "Parameters", "parameter": [
        {"name": "decision", "valueCode": decision},
        {"name": "reviewer", "valueReference": {"reference": reviewer}},
        {"name": "comment", "valueString": "checked against the letter"}]})


def test_review_and_metrics(client: TestClient) -> None:
    version = uuid.uuid4().hex[:8]
    cond, obs, _, _ = _persisted(client, version)
    cond2, _, _, _ = _persisted(client, version)
    doc = _practitioner(client)
    r = _review(client, f"Condition/{cond['id']}", "confirm", doc)
    assert r.status_code == 200, r.text
    out = {p["name"]: p["resource"] for p in r.json()["parameter"]}
    assert out["resource"]["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert out["resource"]["meta"]["versionId"] == "2"
    prov = out["provenance"]
    assert prov["target"] == [{"reference": f"Condition/{cond['id']}/_history/2"}]
    assert prov["entity"] == [{"role": "revision",
                               "what": {"reference": f"Condition/{cond['id']}/_history/1"}}]
    assert prov["agent"][0]["type"]["coding"][0]["code"] == "verifier"
    assert prov["agent"][0]["who"] == {"reference": doc}
    assert prov["signature"][0]["type"][0]["code"] == "1.2.840.10065.1.12.1.5"
    assert prov["signature"][0]["who"] == {"reference": doc}
    stored = client.get(f"/fhir/Condition/{cond['id']}").json()
    assert stored["verificationStatus"]["coding"][0]["code"] == "confirmed"

    r = _review(client, f"Observation/{obs['id']}", "reject", doc)
    assert r.status_code == 200, r.text
    assert client.get(f"/fhir/Observation/{obs['id']}").json()["status"] == "entered-in-error"

    metrics = client.get("/fhir/$ai-metrics", params={"model": f"demo-model|{version}"}).json()
    [metric] = metrics["parameter"]
    parts = {p["name"]: next(v for k, v in p.items() if k.startswith("value"))
             for p in metric["part"]}
    assert parts == {"operation": "test-ai-demo", "model": f"demo-model|{version}",
                     "outputs": 4, "confirmed": 1, "corrected": 0, "rejected": 1,
                     "pending": 2, "acceptanceRate": 0.5, "correctionRate": 0.0}
    # a second decision on the same output replaces the first one
    assert _review(client, f"Condition/{cond2['id']}", "reject", doc).status_code == 200
    assert _review(client, f"Condition/{cond2['id']}", "confirm", doc).status_code == 200
    m = client.post("/fhir/$ai-metrics", json={"resourceType": "Parameters", "parameter": [
        {"name": "model", "valueString": f"demo-model|{version}"}]}).json()
    parts = {p["name"]: p for p in m["parameter"][0]["part"]}
    assert parts["confirmed"]["valueInteger"] == 2 and parts["pending"]["valueInteger"] == 1


def test_review_errors(client: TestClient) -> None:
    doc = _practitioner(client)
    patient = new_patient(client)
    r = _review(client, f"Patient/{patient['id']}", "confirm", doc)
    assert r.status_code == 400
    assert "not an AI output" in r.json()["issue"][0]["diagnostics"]
    cond, _, _, _ = _persisted(client, uuid.uuid4().hex[:8])
    assert _review(client, f"Condition/{cond['id']}", "maybe", doc).json() == {
        "resourceType": "OperationOutcome", "issue": [{
            "severity": "error", "code": "invalid", "expression": ["decision"],
            "diagnostics": "Parameter 'decision' must be 'confirm', 'reject' or 'correct'"}]}
    assert _review(client, f"Condition/{cond['id']}", "confirm", "Patient/x").status_code == 400
    assert _review(client, f"Condition/{cond['id']}", "confirm",
                   "Practitioner/nobody").status_code == 404
    assert _review(client, "Condition/nothing", "confirm", doc).status_code == 404
    # nothing was changed by the failed reviews
    assert client.get(f"/fhir/Condition/{cond['id']}").json()["meta"]["versionId"] == "1"


def test_devices_at_start(app: Any, client: TestClient) -> None:
    from fhir_server.context import AccessContext
    from fhir_server.storage.repository import Repository
    from operations.devices import ensure_devices

    version = uuid.uuid4().hex[:8]
    repo = Repository(app.state.engine, AccessContext(user="system"))
    first = AiModel("start-model", version, "# card v1\n")
    [ref] = ensure_devices(repo, [first])
    assert ensure_devices(repo, [first]) == [ref]
    device = client.get(f"/fhir/{ref}").json()
    assert device["meta"]["versionId"] == "1"
    ensure_devices(repo, [AiModel("start-model", version, "# card v2\n")])
    cards = client.get("/fhir/DocumentReference", params={
        "identifier": f"http://fhir-ai.example.org/ai-model-card|start-model|{version}"}).json()
    [card] = [e["resource"] for e in cards["entry"] if e["search"]["mode"] == "match"]
    assert base64.b64decode(card["content"][0]["attachment"]["data"]) == b"# card v2\n"
    assert card["meta"]["versionId"] == "2" and card["subject"] == {"reference": ref}


def test_status_transitions() -> None:
    unconfirmed = {"resourceType": "Condition", "clinicalStatus": {"text": "active"},
                   "verificationStatus": {"coding": [{"code": "unconfirmed"}]}}
    refuted = {"resourceType": "Condition",
               "verificationStatus": {"coding": [{"code": "refuted"}]}}
    ver = lambda r: r["verificationStatus"]["coding"][0]["code"]  # noqa: E731
    assert ver(apply_decision(unconfirmed, "confirm")) == "confirmed"
    assert ver(apply_decision(refuted, "confirm")) == "refuted"
    rejected = apply_decision(unconfirmed, "reject")
    assert ver(rejected) == "entered-in-error" and "clinicalStatus" not in rejected
    comp = {"resourceType": "Composition", "status": "preliminary"}
    assert apply_decision(comp, "confirm")["status"] == "final"
    assert apply_decision(comp, "reject")["status"] == "entered-in-error"
    med = {"resourceType": "MedicationStatement", "status": "active"}
    assert apply_decision(med, "confirm")["status"] == "active"
    assert apply_decision(med, "reject")["status"] == "entered-in-error"
