"""$validate, $meta, $meta-add, $meta-delete and the CapabilityStatement."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import new_patient

TAG = {"system": "urn:test:tags", "code": "vip"}


def test_validate(client: TestClient) -> None:
    r = client.post("/fhir/Patient/$validate", json={"resourceType": "Patient", "gender": "x1",
                                                     "foo": 1})
    assert r.status_code == 200
    issues = r.json()["issue"]
    assert any(i["severity"] == "error" and i["expression"] == ["Patient.foo"] for i in issues)
    ok = client.post("/fhir/Patient/$validate", json={"resourceType": "Parameters", "parameter": [
        {"name": "resource", "resource": {"resourceType": "Patient", "active": True}}]}).json()
    assert ok["issue"][0]["severity"] == "information"
    assert client.post("/fhir/Patient/$validate", json={"resourceType": "Observation"}
                       ).status_code == 400
    assert client.get("/fhir/Patient/$validate").status_code == 405


def test_meta_add_delete(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    body = {"resourceType": "Parameters", "parameter": [{"name": "meta",
                                                         "valueMeta": {"tag": [TAG]}}]}
    r = client.post(url + "/$meta-add", json=body)
    assert r.status_code == 200
    assert r.json()["parameter"][0]["valueMeta"]["tag"] == [TAG]
    assert client.get(url).json()["meta"]["tag"] == [TAG]
    assert client.get(url).json()["meta"]["versionId"] == "1"
    client.post(url + "/$meta-add", json=body)
    assert client.get(url).json()["meta"]["tag"] == [TAG]
    m = client.get(url + "/$meta").json()
    assert m["parameter"][0]["valueMeta"] == {"tag": [TAG]}
    assert TAG in client.get("/fhir/Patient/$meta").json()["parameter"][0]["valueMeta"]["tag"]
    assert TAG in client.get("/fhir/$meta").json()["parameter"][0]["valueMeta"]["tag"]
    r = client.post(url + "/$meta-delete", json=body)
    assert r.status_code == 200
    assert "tag" not in client.get(url).json()["meta"]
    assert client.post(url + "/$meta-add", json={"resourceType": "Parameters"}).status_code == 400
    assert client.post("/fhir/Patient/nobody/$meta-add", json=body).status_code == 404


def test_unknown_operation(client: TestClient) -> None:
    r = client.post("/fhir/Patient/$frobnicate", json={"resourceType": "Parameters"})
    assert r.status_code == 405
    assert r.json()["issue"][0]["diagnostics"].startswith("Operation $frobnicate")


def test_capability_statement_generated(client: TestClient) -> None:
    cs = client.get("/fhir/metadata").json()
    assert cs["resourceType"] == "CapabilityStatement"
    assert cs["fhirVersion"] == "4.0.1"
    rest = cs["rest"][0]
    types = {r["type"] for r in rest["resource"]}
    assert {"Patient", "Observation", "MedicinalProduct"} <= types
    patient = next(r for r in rest["resource"] if r["type"] == "Patient")
    assert {"read", "vread", "update", "patch", "delete", "create"} <= {
        i["code"] for i in patient["interaction"]}
    assert {"_id", "identifier", "_lastUpdated"} <= {p["name"] for p in patient["searchParam"]}
    assert {"validate", "meta-add"} <= {o["name"] for o in patient["operation"]}
    assert {"transaction", "batch"} <= {i["code"] for i in rest["interaction"]}


def test_search_basics(client: TestClient) -> None:
    p = new_patient(client)
    r = client.get("/fhir/Patient", params={"_id": p["id"]}).json()
    assert r["total"] == 1 and r["entry"][0]["resource"]["id"] == p["id"]
    r = client.get("/fhir/Patient", params={"_id": p["id"], "nosuchparam": "x"}).json()
    assert r["entry"][-1]["search"]["mode"] == "outcome"
    strict = client.get("/fhir/Patient", params={"nosuchparam": "x"},
                        headers={"Prefer": "handling=strict"})
    assert strict.status_code == 400
    post = client.post("/fhir/Patient/_search", data={"_id": p["id"]}).json()
    assert post["total"] == 1
    page = client.get("/fhir/Patient", params={"_count": 1}).json()
    assert len(page["entry"]) == 1 and any(li["relation"] == "next" for li in page["link"])
