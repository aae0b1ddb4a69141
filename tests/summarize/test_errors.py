"""Bad input of $summarize: clear OperationOutcomes, nothing stored; a patient without data
gets a valid document whose sections are empty with an emptyReason."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ..conftest import new_patient
from .helpers import count, resources, summarize
from .scoring import plain

EMPTY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/list-empty-reason",
                     "code": "nilknown", "display": "Nil Known"}]}


@pytest.mark.parametrize("target", ["Patient/no-such-patient",
                                    "DiagnosticReport/no-such-report"])
def test_unknown_subject_is_404(client: TestClient, target: str) -> None:
    body = summarize(client, target, status=404)
    assert body["resourceType"] == "OperationOutcome"
    assert body["issue"][0]["code"] == "not-found"
    assert target in body["issue"][0]["diagnostics"]


@pytest.mark.parametrize(("name", "value"), [
    ("since", "2024-13-01"), ("since", "yesterday"), ("since", "2024-02-30"),
    ("language", "de"), ("persist", "maybe")])
def test_bad_parameters_are_400_and_store_nothing(client: TestClient, name: str,
                                                  value: str) -> None:
    pid = new_patient(client)["id"]
    before = count(client, "Composition"), count(client, "AuditEvent")
    r = client.post(f"/fhir/Patient/{pid}/$summarize?{name}={value}&persist=true"
                    if name != "persist" else f"/fhir/Patient/{pid}/$summarize?persist={value}")
    assert r.status_code == 400, r.text
    issue = r.json()["issue"][0]
    assert (issue["severity"], issue["code"], issue["expression"]) == ("error", "invalid", [name])
    assert (count(client, "Composition"), count(client, "AuditEvent")) == before


def test_get_is_not_allowed(client: TestClient) -> None:
    pid = new_patient(client)["id"]
    r = client.get(f"/fhir/Patient/{pid}/$summarize")
    assert r.status_code == 405 and r.json()["resourceType"] == "OperationOutcome"


def test_a_patient_without_data_gets_empty_sections(client: TestClient) -> None:
    pid = new_patient(client)["id"]
    doc = summarize(client, f"Patient/{pid}", language="fr")
    comp = doc["entry"][0]["resource"]
    assert comp["status"] == "preliminary" and comp["subject"] == {"reference": f"Patient/{pid}"}
    assert len(comp["section"]) == 4
    for sec in comp["section"]:
        assert "entry" not in sec and sec["emptyReason"] == EMPTY
        assert plain(sec["text"]["div"]).strip()
    assert "Aucune donnée disponible." in plain(comp["section"][0]["text"]["div"])
    [prov] = resources(doc, "Provenance")
    assert "entity" not in prov or prov["entity"] == []
    assert resources(doc, "Media") == []


def test_a_report_without_a_patient_subject_is_400(client: TestClient) -> None:
    r = client.post("/fhir/DiagnosticReport", json={
        "resourceType": "DiagnosticReport", "status": "final", "code": {"text": "ECG"}})
    assert r.status_code == 201, r.text
    body = summarize(client, f"DiagnosticReport/{r.json()['id']}", status=400)
    assert body["issue"][0]["expression"] == ["DiagnosticReport.subject"]


def test_the_capability_statement_lists_the_operation(client: TestClient) -> None:
    cap = client.get("/fhir/metadata").json()
    having = sorted(r["type"] for r in cap["rest"][0]["resource"]
                    if any(op["name"] == "summarize" for op in r.get("operation", [])))
    assert having == ["DiagnosticReport", "Patient"]
