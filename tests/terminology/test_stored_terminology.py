"""Stored code systems: concept tables kept in step, versions side by side, operations."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient


def code_system(url: str, version: str, rid: str, label: str) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem", "id": rid, "url": url, "version": version,
        "name": "Demo", "status": "active", "content": "complete", "caseSensitive": True,
        "property": [{"code": "points", "type": "decimal"}],
        "concept": [
            {"code": "A", "display": f"Chapter A {label}",
             "designation": [{"language": "fr", "value": f"Chapitre A {label}"}],
             "concept": [{"code": "A1", "display": "First", "property": [
                 {"code": "points", "valueDecimal": 12.5}]},
                 {"code": "A2", "display": "Old", "property": [
                     {"code": "status", "valueCode": "retired"}]}]},
        ],
    }


def params(**kw: Any) -> dict[str, Any]:
    out = []
    for name, value in kw.items():
        key = {"code": "valueCode", "url": "valueUri", "system": "valueUri"}.get(
            name, "valueString")
        out.append({"name": name, key: value})
    return {"resourceType": "Parameters", "parameter": out}


def pvalue(body: dict[str, Any], name: str) -> Any:
    for p in body["parameter"]:
        if p["name"] == name:
            return next(v for k, v in p.items() if k.startswith("value"))
    return None


def test_versions_side_by_side_and_operations(client: TestClient) -> None:
    url = f"http://example.org/cs/{uuid.uuid4().hex[:8]}"
    for version, label in (("1.0", "v1"), ("2.0", "v2")):
        rid = f"cs-{uuid.uuid4().hex[:8]}"
        r = client.put(f"/fhir/CodeSystem/{rid}", json=code_system(url, version, rid, label))
        assert r.status_code == 201, r.text
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": url, "code": "A"})
    assert r.status_code == 200, r.text
    assert pvalue(r.json(), "display") == "Chapter A v2"
    assert pvalue(r.json(), "version") == "2.0"
    r = client.get("/fhir/CodeSystem/$lookup",
                   params={"system": url, "code": "A", "version": "1.0", "displayLanguage": "fr"})
    assert pvalue(r.json(), "display") == "Chapitre A v1"
    r = client.post("/fhir/CodeSystem/$validate-code", json=params(url=url, code="A2"))
    assert pvalue(r.json(), "result") is True
    assert pvalue(r.json(), "inactive") is True
    r = client.post("/fhir/CodeSystem/$validate-code", json=params(url=url, code="ZZ"))
    assert pvalue(r.json(), "result") is False
    r = client.get("/fhir/CodeSystem/$subsumes", params={"system": url, "codeA": "A",
                                                         "codeB": "A1"})
    assert pvalue(r.json(), "outcome") == "subsumes"
    vs = {"resourceType": "ValueSet", "status": "active", "compose": {"include": [
        {"system": url, "filter": [{"property": "concept", "op": "is-a", "value": "A"}]}]}}
    r = client.post("/fhir/ValueSet/$expand", json={"resourceType": "Parameters", "parameter": [
        {"name": "valueSet", "resource": vs}, {"name": "activeOnly", "valueBoolean": True},
        {"name": "property", "valueString": "points"}]})
    assert r.status_code == 200, r.text
    contains = r.json()["expansion"]["contains"]
    assert [c["code"] for c in contains] == ["A", "A1"]
    assert contains[1]["property"] == [{"code": "points", "valueDecimal": 12.5}]


def test_delete_removes_concepts(client: TestClient) -> None:
    url = f"http://example.org/cs/{uuid.uuid4().hex[:8]}"
    rid = f"cs-{uuid.uuid4().hex[:8]}"
    client.put(f"/fhir/CodeSystem/{rid}", json=code_system(url, "1", rid, "x"))
    assert client.delete(f"/fhir/CodeSystem/{rid}").status_code in (200, 204)
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": url, "code": "A"})
    assert r.status_code == 404


def test_designation_extensions_kept(client: TestClient) -> None:
    """A stored designation keeps its extensions: a withdrawn one is not a valid display."""
    url = f"http://example.org/cs/{uuid.uuid4().hex[:8]}"
    status = "http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status"
    r = client.post("/fhir/CodeSystem", json={
        "resourceType": "CodeSystem", "url": url, "version": "1", "status": "active",
        "content": "complete", "language": "en", "concept": [{
            "code": "A", "display": "Alpha", "designation": [
                {"language": "en", "value": "Old alpha",
                 "extension": [{"url": status, "valueCode": "withdrawn"}]},
                {"language": "fr", "value": "Alpha (fr)"}]}]})
    assert r.status_code == 201, r.text
    r = client.post("/fhir/CodeSystem/$validate-code", json=params(
        url=url, code="A", display="Old alpha"))
    assert pvalue(r.json(), "result") is True
    issues = next(p["resource"] for p in r.json()["parameter"] if p["name"] == "issues")
    assert "no longer considered a correct display" in issues["issue"][0]["details"]["text"]
    r = client.post("/fhir/ValueSet/$expand", json={"resourceType": "Parameters", "parameter": [
        {"name": "url", "valueUri": f"{url}?fhir_vs"},
        {"name": "includeDesignations", "valueBoolean": True}]})
    assert r.status_code == 200, r.text
    designations = r.json()["expansion"]["contains"][0]["designation"]
    assert {"extension": [{"url": status, "valueCode": "withdrawn"}], "language": "en",
            "value": "Old alpha"} in designations
