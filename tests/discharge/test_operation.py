"""$compose-discharge through HTTP: bad input, PDF, persist, signing and the final lock."""

from __future__ import annotations

import base64
import io
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from .helpers import compose, load, sections, text

RENDERING = "http://fhir-ai.example.org/StructureDefinition/discharge-rendering"


@pytest.fixture(scope="module")
def stay(client: TestClient) -> dict[str, str]:
    return load(client, "pneumonia_fr")


def _outcome(r: Any, status: int, words: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["resourceType"] == "OperationOutcome"
    assert words in body["issue"][0]["diagnostics"]


def test_bad_input(client: TestClient, stay: dict[str, str]) -> None:
    _outcome(compose(client, "does-not-exist"), 404, "Encounter/does-not-exist")
    _outcome(compose(client, stay["Encounter"], language="de"), 400, "language")
    _outcome(compose(client, stay["Encounter"], format="docx"), 400, "format")
    r = client.post(f"/fhir/Encounter/{stay['Encounter']}/$compose-discharge?persist=maybe")
    _outcome(r, 400, "persist")
    r = client.post(f"/fhir/Patient/{stay['Patient']}/$compose-discharge")
    assert r.status_code in (400, 405) and r.json()["resourceType"] == "OperationOutcome"


def test_capability_statement_lists_the_operation(client: TestClient) -> None:
    rest = client.get("/fhir/metadata").json()["rest"][0]["resource"]
    [encounter] = [r for r in rest if r["type"] == "Encounter"]
    assert {"name": "compose-discharge",
            "definition": "http://fhir-ai.example.org/OperationDefinition/compose-discharge"
            } in encounter["operation"]


def test_default_language_is_french_and_nothing_is_stored(client: TestClient,
                                                         stay: dict[str, str]) -> None:
    def count(rtype: str) -> int:
        return int(client.get(f"/fhir/{rtype}", params={"_summary": "count"}).json()["total"])

    before = count("Composition"), count("AuditEvent")
    r = client.post(f"/fhir/Encounter/{stay['Encounter']}/$compose-discharge")
    assert r.status_code == 200, r.text
    assert r.json()["entry"][0]["resource"]["language"] == "fr"
    assert (count("Composition"), count("AuditEvent")) == (before[0], before[1] + 1)
    r = compose(client, stay["Encounter"], language="en-GB")
    assert r.status_code == 200 and r.json()["entry"][0]["resource"]["language"] == "en"


def test_pdf_is_the_same_letter(client: TestClient, stay: dict[str, str]) -> None:
    r = compose(client, stay["Encounter"], language="fr", format="pdf")
    assert r.status_code == 200, r.text
    entries = r.json()["entry"]
    comp = entries[0]["resource"]
    [ext] = [e for e in comp["extension"] if e["url"] == RENDERING]
    [binary] = [e for e in entries if e["fullUrl"] == ext["valueReference"]["reference"]]
    res = binary["resource"]
    assert res["contentType"] == "application/pdf"
    assert res["securityContext"] == {"reference": entries[0]["fullUrl"]}
    pdf = base64.b64decode(res["data"])
    assert pdf.startswith(b"%PDF")
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(words.split())
    for w in ("Traitement de sortie", "Amoxicilline/acide clavulanique", "Jeanne DUPONT",
              "186 mg/L", "16/03/2025", "Pas d'allergie connue"):
        assert w in words, w
    meds = text(sections(comp)["75311-1"])
    assert "Ceftriaxone" not in meds


def test_persist_sign_and_lock(client: TestClient, stay: dict[str, str]) -> None:
    r = compose(client, stay["Encounter"], language="en", format="pdf", persist=True)
    assert r.status_code == 200, r.text
    bundle = r.json()
    assert bundle["type"] == "transaction-response"
    locations = [e["response"]["location"].split("/fhir/")[-1] for e in bundle["entry"]]
    comp_loc = next(loc for loc in locations if loc.startswith("Composition/"))
    comp_id = comp_loc.split("/")[1]
    comp = client.get(f"/fhir/Composition/{comp_id}").json()
    assert comp["status"] == "preliminary" and comp["language"] == "en"
    binary_ref = comp["extension"][0]["valueReference"]["reference"]
    assert binary_ref.startswith("Binary/")
    assert any(loc.startswith(binary_ref) for loc in locations)
    provs = client.get("/fhir/Provenance", params={"target": f"Composition/{comp_id}"}).json()
    [prov] = [e["resource"] for e in provs["entry"]]
    sources = {e["what"]["reference"] for e in prov["entity"]}
    assert {f"Encounter/{stay['Encounter']}", f"Patient/{stay['Patient']}"} <= sources
    assert {e["reference"] for s in comp["section"] for e in s.get("entry", [])} <= sources

    doctor = client.post("/fhir/Practitioner", json={
        "resourceType": "Practitioner", "name": [{"family": "House"}]}).json()
    sign = {"resourceType": "Parameters", "parameter": [
        {"name": "decision", "valueCode": "confirm"},
        {"name": "reviewer", "valueReference": {"reference": f"Practitioner/{doctor['id']}"}}]}
    r = client.post(f"/fhir/Composition/{comp_id}/$ai-review", json=sign)
    assert r.status_code == 200, r.text
    signed = r.json()["parameter"][0]["resource"]
    assert signed["status"] == "final"
    assert signed["attester"][0]["mode"] == "legal"
    assert signed["attester"][0]["party"] == {"reference": f"Practitioner/{doctor['id']}"}
    verifier = r.json()["parameter"][1]["resource"]
    assert verifier["agent"][0]["type"]["coding"][0]["code"] == "verifier"
    assert verifier["signature"][0]["type"][0]["code"] == "1.2.840.10065.1.12.1.5"

    changed = {**signed, "title": "Changed after signature"}
    r = client.put(f"/fhir/Composition/{comp_id}", json=changed)
    assert r.status_code == 409, r.text
    assert "relatesTo" in r.json()["issue"][0]["diagnostics"]
    r = client.delete(f"/fhir/Composition/{comp_id}")
    assert r.status_code == 409, r.text
    r = client.post(f"/fhir/Composition/{comp_id}/$ai-review", json=sign)  # a co-signature
    assert r.status_code == 200 and r.json()["parameter"][0]["resource"] == signed
    after = client.get(f"/fhir/Composition/{comp_id}").json()
    assert after["title"] == signed["title"] and after["meta"]["versionId"] == \
        signed["meta"]["versionId"]

    successor = {k: v for k, v in signed.items() if k not in ("id", "meta", "attester")}
    successor.update(status="preliminary", title="Corrected discharge summary",
                     relatesTo=[{"code": "replaces",
                                 "targetReference": {"reference": f"Composition/{comp_id}"}}])
    r = client.post("/fhir/Composition", json=successor)
    assert r.status_code == 201, r.text

    withdraw = {"resourceType": "Parameters", "parameter": [
        {"name": "decision", "valueCode": "reject"}, sign["parameter"][1]]}
    r = client.post(f"/fhir/Composition/{comp_id}/$ai-review", json=withdraw)
    assert r.status_code == 200, r.text
    assert r.json()["parameter"][0]["resource"]["status"] == "entered-in-error"


def test_respond_async(client: TestClient, stay: dict[str, str]) -> None:
    body = {"resourceType": "Parameters", "parameter": [{"name": "language", "valueCode": "en"}]}
    r = client.post(f"/fhir/Encounter/{stay['Encounter']}/$compose-discharge", json=body,
                    headers={"Prefer": "respond-async"})
    assert r.status_code == 202, r.text
    path = r.headers["content-location"].replace("http://testserver", "")
    deadline = time.time() + 30
    while (done := client.get(path)).status_code == 202 and time.time() < deadline:
        time.sleep(0.05)
    assert done.status_code == 200, done.text
    bundle = done.json()
    assert bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["section"][0]["title"] == "Hospital course"


def test_no_known_allergy_code_provisional_diagnosis_and_stop_dated_by_period(
        client: TestClient) -> None:
    pat, enc = "urn:uuid:6d1f0b6e-0000-4000-8000-000000000001", \
        "urn:uuid:6d1f0b6e-0000-4000-8000-000000000002"
    sct = "http://snomed.info/sct"
    resources: list[tuple[str | None, dict[str, Any]]] = [
        (pat, {"resourceType": "Patient", "name": [{"family": "Roy", "given": ["Anne"]}]}),
        (enc, {"resourceType": "Encounter", "status": "finished", "class": {"code": "IMP"},
               "subject": {"reference": pat},
               "period": {"start": "2025-06-01", "end": "2025-06-03"}}),
        (None, {"resourceType": "AllergyIntolerance", "patient": {"reference": pat},
                "code": {"coding": [{"system": sct, "code": "716186003",
                                     "display": "No known allergy"}]}}),
        (None, {"resourceType": "Condition", "subject": {"reference": pat},
                "encounter": {"reference": enc},
                "verificationStatus": {"coding": [{"code": "provisional"}]},
                "code": {"text": "Pulmonary embolism"}}),
        (None, {"resourceType": "MedicationStatement", "status": "stopped",
                "subject": {"reference": pat}, "dateAsserted": "2024-01-10",
                "effectivePeriod": {"start": "2024-01-10", "end": "2025-06-02"},
                "medicationCodeableConcept": {"text": "Naproxen 500 mg"}}),
    ]
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {**({"fullUrl": url} if url else {}), "resource": res,
         "request": {"method": "POST", "url": res["resourceType"]}} for url, res in resources]}
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text
    enc_id = r.json()["entry"][1]["response"]["location"].split("/fhir/")[-1].split("/")[1]
    r = compose(client, enc_id, language="en")
    assert r.status_code == 200, r.text
    secs = sections(r.json()["entry"][0]["resource"])
    assert secs["48765-2"]["emptyReason"]["coding"][0]["code"] == "nilknown"
    assert "No known allergy" in text(secs["48765-2"])
    assert "Known allergies" not in text(secs["8648-8"])
    assert "Pulmonary embolism, unconfirmed" in text(secs["11535-2"])
    assert "Stopped: Naproxen 500 mg" in text(secs["87232-5"])
    assert secs["75311-1"]["emptyReason"]["coding"][0]["code"] == "nilknown"


def test_bare_encounter_without_period_or_name(client: TestClient) -> None:
    pat = client.post("/fhir/Patient", json={"resourceType": "Patient"}).json()
    enc = client.post("/fhir/Encounter", json={
        "resourceType": "Encounter", "status": "in-progress", "class": {"code": "IMP"},
        "subject": {"reference": f"Patient/{pat['id']}"}}).json()
    r = compose(client, enc["id"], language="fr", format="pdf")
    assert r.status_code == 200, r.text
    secs = sections(r.json()["entry"][0]["resource"])
    assert text(secs["8648-8"]).startswith("Le patient a été hospitalisé(e).")
    assert [c for c, s in secs.items() if "emptyReason" in s] == ["11535-2", "75311-1", "48765-2"]
    orphan = client.post("/fhir/Encounter", json={
        "resourceType": "Encounter", "status": "finished", "class": {"code": "IMP"}}).json()
    _outcome(compose(client, orphan["id"]), 400, "no Patient subject")
