"""``$extract`` on documents: text/plain and PDF Attachments, and DocumentReference/[id]/$extract.

When the input is not plain text, the analysed text comes back as a DocumentReference so that
every evidence span can be checked against it.
"""

from __future__ import annotations

import base64
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import new_patient
from tests.extract.helpers import count, evidence, extract, resources
from tests.extract.pdf import text_pdf

LINES = ["Compte rendu de consultation", "Antécédents : HTA, diabète de type 2.",
         "Traitement : metformine 500 mg matin et soir.", "Allergie : latex."]


def _attachment(content_type: str, data: bytes) -> dict[str, Any]:
    return {"contentType": content_type, "data": base64.b64encode(data).decode(),
            "title": "consultation"}


def _analysed(bundle: dict[str, Any]) -> str:
    docs = [d for d in resources(bundle, "DocumentReference")
            if d.get("docStatus") == "preliminary"]
    assert len(docs) == 1
    return base64.b64decode(docs[0]["content"][0]["attachment"]["data"]).decode()


def _spans_match(bundle: dict[str, Any], text: str) -> int:
    n = 0
    for e in bundle["entry"]:
        res = e["resource"]
        if res["resourceType"] in ("Condition", "MedicationStatement", "AllergyIntolerance"):
            ev = evidence(res)
            assert text[ev["offset"]:ev["offset"] + ev["length"]] == ev["quote"]
            n += 1
    return n


def test_pdf_with_text_layer(client: TestClient) -> None:
    pdf = text_pdf(LINES)
    bundle = extract(client, {"name": "document",
                              "valueAttachment": _attachment("application/pdf", pdf)})
    text = _analysed(bundle)
    assert "metformine 500 mg" in text
    assert _spans_match(bundle, text) == 4
    prov = resources(bundle, "Provenance")[0]
    assert prov["entity"][0]["what"] == {"display": "consultation"}


def test_plain_text_document(client: TestClient) -> None:
    data = "\n".join(LINES).encode("latin-1")
    bundle = extract(client, {"name": "document", "valueAttachment":
                              _attachment("text/plain; charset=ISO-8859-1", data)})
    assert not [d for d in resources(bundle, "DocumentReference")
                if d.get("docStatus") == "preliminary"]
    assert _spans_match(bundle, "\n".join(LINES)) == 4


def test_document_reference_instance(client: TestClient) -> None:
    patient = new_patient(client)
    subject = {"reference": f"Patient/{patient['id']}"}
    r = client.post("/fhir/DocumentReference", json={
        "resourceType": "DocumentReference", "status": "current", "subject": subject,
        "content": [{"attachment": _attachment("application/pdf", text_pdf(LINES))}]})
    assert r.status_code == 201, r.text
    doc_id = r.json()["id"]
    before = count(client, "Condition")
    bundle = extract(client, {"name": "persist", "valueBoolean": True},
                     path=f"/fhir/DocumentReference/{doc_id}/$extract")
    assert bundle["type"] == "transaction-response"
    assert count(client, "Condition") == before + 2
    conds = client.get(f"/fhir/Condition?subject=Patient/{patient['id']}").json()["entry"]
    assert {c["resource"]["code"]["coding"][0]["code"] for c in conds} == {"I10", "E11"}
    provs = client.get(f"/fhir/Provenance?entity=DocumentReference/{doc_id}").json()
    assert provs["total"] == 1


def test_document_reference_with_text_is_refused(client: TestClient) -> None:
    r = client.post("/fhir/DocumentReference", json={
        "resourceType": "DocumentReference", "status": "current",
        "content": [{"attachment": _attachment("text/plain", b"HTA")}]})
    outcome = extract(client, {"name": "text", "valueString": "HTA"},
                      path=f"/fhir/DocumentReference/{r.json()['id']}/$extract", status=400)
    assert outcome["issue"][0]["diagnostics"] == (
        "DocumentReference/[id]/$extract analyses the DocumentReference's own content: "
        "do not send text or document")
