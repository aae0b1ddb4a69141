"""Batch and transaction Bundles (https://hl7.org/fhir/R4/http.html#transaction)."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import new_patient


def tx(entries: list[dict[str, Any]], kind: str = "transaction") -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": kind, "entry": entries}


def test_transaction_resolves_urn_uuid_references(client: TestClient) -> None:
    pat_url = f"urn:uuid:{uuid.uuid4()}"
    bundle = tx([
        {"fullUrl": f"urn:uuid:{uuid.uuid4()}",
         "resource": {"resourceType": "Observation", "status": "final", "code": {"text": "HbA1c"},
                      "subject": {"reference": pat_url}},
         "request": {"method": "POST", "url": "Observation"}},
        {"fullUrl": pat_url, "resource": {"resourceType": "Patient", "gender": "male"},
         "request": {"method": "POST", "url": "Patient"}},
    ])
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["type"] == "transaction-response"
    obs_resp, pat_resp = out["entry"]
    assert obs_resp["response"]["status"] == "201 Created"
    assert pat_resp["response"]["status"] == "201 Created"
    pid = pat_resp["resource"]["id"]
    assert obs_resp["resource"]["subject"]["reference"] == f"Patient/{pid}"
    assert pat_resp["response"]["location"].endswith(f"Patient/{pid}/_history/1")
    obs = client.get(f"/fhir/Observation/{obs_resp['resource']['id']}").json()
    assert obs["subject"]["reference"] == f"Patient/{pid}"


def test_transaction_is_atomic(client: TestClient) -> None:
    keep = new_patient(client)
    before = client.get("/fhir/Patient?_summary=count").json()["total"]
    bundle = tx([
        {"resource": {"resourceType": "Patient", "gender": "female"},
         "request": {"method": "POST", "url": "Patient"}},
        {"request": {"method": "DELETE", "url": f"Patient/{keep['id']}"}},
        {"resource": {"resourceType": "Patient", "birthDate": "not-a-date"},
         "request": {"method": "POST", "url": "Patient"}},
    ])
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 422
    oo = r.json()
    assert oo["resourceType"] == "OperationOutcome"
    assert oo["issue"][0]["diagnostics"].startswith("Bundle.entry[2] (POST Patient)")
    assert client.get("/fhir/Patient?_summary=count").json()["total"] == before
    assert client.get(f"/fhir/Patient/{keep['id']}").status_code == 200


def test_transaction_processing_order(client: TestClient) -> None:
    p = new_patient(client)
    # GET comes last although listed first: it sees the PUT of the same bundle.
    bundle = tx([
        {"request": {"method": "GET", "url": f"Patient/{p['id']}"}},
        {"resource": {**p, "gender": "other"}, "request": {"method": "PUT",
                                                          "url": f"Patient/{p['id']}"}},
    ])
    out = client.post("/fhir", json=bundle).json()
    assert out["entry"][0]["resource"]["gender"] == "other"
    assert out["entry"][1]["response"]["status"] == "200 OK"


def test_transaction_conditional_create_and_reference(client: TestClient) -> None:
    value = uuid.uuid4().hex
    existing = new_patient(client, identifier=[{"system": "urn:mrn", "value": value}])
    full = f"urn:uuid:{uuid.uuid4()}"
    bundle = tx([
        {"fullUrl": full, "resource": {"resourceType": "Patient",
                                       "identifier": [{"system": "urn:mrn", "value": value}]},
         "request": {"method": "POST", "url": "Patient",
                     "ifNoneExist": f"identifier=urn:mrn|{value}"}},
        {"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "x"},
                      "subject": {"reference": full}},
         "request": {"method": "POST", "url": "Observation"}},
        {"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "y"},
                      "subject": {"reference": f"Patient?identifier=urn:mrn|{value}"}},
         "request": {"method": "POST", "url": "Observation"}},
    ])
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text
    e = r.json()["entry"]
    assert e[0]["response"]["status"] == "200 OK"
    assert e[0]["resource"]["id"] == existing["id"]
    assert e[1]["resource"]["subject"]["reference"] == f"Patient/{existing['id']}"
    assert e[2]["resource"]["subject"]["reference"] == f"Patient/{existing['id']}"


def test_transaction_conditional_reference_without_match_fails(client: TestClient) -> None:
    bundle = tx([{"resource": {"resourceType": "Observation", "status": "final",
                               "code": {"text": "x"},
                               "subject": {"reference": "Patient?identifier=urn:mrn|nobody"}},
                  "request": {"method": "POST", "url": "Observation"}}])
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 400
    assert "matches 0 resources" in r.json()["issue"][0]["diagnostics"]


def test_transaction_patch_entries(client: TestClient) -> None:
    p = new_patient(client)
    jp = [{"op": "replace", "path": "/name/0/family", "value": "Dupont"}]
    bundle = tx([
        {"resource": {"resourceType": "Binary", "contentType": "application/json-patch+json",
                      "data": base64.b64encode(json.dumps(jp).encode()).decode()},
         "request": {"method": "PATCH", "url": f"Patient/{p['id']}"}},
    ])
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text
    assert client.get(f"/fhir/Patient/{p['id']}").json()["name"][0]["family"] == "Dupont"


def test_batch_entries_independent(client: TestClient) -> None:
    p = new_patient(client)
    bundle = tx([
        {"resource": {"resourceType": "Patient", "gender": "female"},
         "request": {"method": "POST", "url": "Patient"}},
        {"resource": {"resourceType": "Patient", "birthDate": "bogus"},
         "request": {"method": "POST", "url": "Patient"}},
        {"request": {"method": "GET", "url": f"Patient/{p['id']}"}},
        {"request": {"method": "GET", "url": "Patient/nope"}},
    ], kind="batch")
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200
    e = r.json()["entry"]
    assert r.json()["type"] == "batch-response"
    assert e[0]["response"]["status"] == "201 Created"
    assert e[1]["response"]["status"] == "422"
    assert e[1]["response"]["outcome"]["resourceType"] == "OperationOutcome"
    assert e[2]["resource"]["id"] == p["id"]
    assert e[3]["response"]["status"] == "404"


def test_bad_bundles(client: TestClient) -> None:
    assert client.post("/fhir", json={"resourceType": "Patient"}).status_code == 400
    assert client.post("/fhir", json={"resourceType": "Bundle", "type": "collection"}
                       ).status_code == 400
    r = client.post("/fhir", json=tx([{"resource": {"resourceType": "Patient"}}]))
    assert r.status_code == 400
    assert r.json()["issue"][0]["expression"] == ["Bundle.entry[0].request"]
