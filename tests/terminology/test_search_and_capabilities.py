"""Token search modifiers through the terminology service, and what the server declares
(https://hl7.org/fhir/R4/search.html#token, https://hl7.org/fhir/R4/terminology-service.html)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient


def _hierarchy(url: str, rid: str) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem", "id": rid, "url": url, "version": "1", "status": "active",
        "content": "complete",
        "concept": [
            {"code": "I", "display": "Circulatory", "concept": [
                {"code": "I10", "display": "Hypertension"},
                {"code": "I20", "display": "Angina", "concept": [
                    {"code": "I20.0", "display": "Unstable angina"}]}]},
            {"code": "J", "display": "Respiratory", "concept": [
                {"code": "J45", "display": "Asthma"}]},
        ],
    }


def _condition(system: str, code: str, tag: str) -> dict[str, Any]:
    return {"resourceType": "Condition", "subject": {"reference": "Patient/p"},
            "code": {"coding": [{"system": system, "code": code}]},
            "meta": {"tag": [{"system": "urn:test", "code": tag}]}}


def _codes(client: TestClient, query: str, tag: str) -> list[str]:
    r = client.get(f"/fhir/Condition?{query}&_tag=urn:test|{tag}&_count=50")
    assert r.status_code == 200, r.text
    return sorted(e["resource"]["code"]["coding"][0]["code"]
                  for e in r.json().get("entry", []))


def test_below_above_in_not_in(client: TestClient) -> None:
    tag = uuid.uuid4().hex[:10]
    url = f"http://example.org/icd/{tag}"
    r = client.put(f"/fhir/CodeSystem/cs-{tag}", json=_hierarchy(url, f"cs-{tag}"))
    assert r.status_code == 201, r.text
    vs_url = f"http://example.org/vs/{tag}"
    r = client.post("/fhir/ValueSet", json={
        "resourceType": "ValueSet", "url": vs_url, "status": "active", "compose": {"include": [
            {"system": url, "filter": [{"property": "concept", "op": "is-a", "value": "I20"}]},
            {"system": url, "concept": [{"code": "J45"}]}]}})
    assert r.status_code == 201, r.text
    for code in ("I10", "I20", "I20.0", "J45"):
        assert client.post("/fhir/Condition", json=_condition(url, code, tag)).status_code == 201
    assert client.post("/fhir/Condition",
                       json=_condition("http://other.org", "I20.0", tag)).status_code == 201

    assert _codes(client, f"code:below={url}|I", tag) == ["I10", "I20", "I20.0"]
    assert _codes(client, f"code:below={url}|I20", tag) == ["I20", "I20.0"]
    assert _codes(client, f"code:above={url}|I20.0", tag) == ["I20", "I20.0"]
    assert _codes(client, f"code:below={url}|J", tag) == ["J45"]
    assert _codes(client, f"code:in={vs_url}", tag) == ["I20", "I20.0", "J45"]
    assert _codes(client, f"code:not-in={vs_url}", tag) == ["I10", "I20.0"]  # other system
    # without a system: every stored code system holding the code
    assert _codes(client, "code:below=I20", tag) == ["I20", "I20.0"]
    # implicit value sets of the code system
    assert _codes(client, f"code:in={url}?fhir_vs=isa/I20", tag) == ["I20", "I20.0"]
    assert _codes(client, f"code:in={url}?fhir_vs", tag) == ["I10", "I20", "I20.0", "J45"]
    r = client.get("/fhir/ValueSet/$expand", params={"url": f"{url}?fhir_vs=isa/I"})
    assert r.status_code == 200, r.text
    assert [c["code"] for c in r.json()["expansion"]["contains"]] == ["I", "I10", "I20",
                                                                      "I20.0"]
    r = client.get("/fhir/ValueSet/$validate-code", params={
        "url": f"{url}?fhir_vs=isa/I", "system": url, "code": "J45"})
    assert r.status_code == 200, r.text
    assert {"name": "result", "valueBoolean": False} in r.json()["parameter"]
    r = client.get("/fhir/ValueSet/$expand", params={"url": f"{url}?fhir_vs=refset/1"})
    assert r.status_code == 404, r.text
    r = client.get("/fhir/Condition?code:in=http://example.org/vs/unknown")
    assert r.status_code == 400, r.text
    assert r.json()["resourceType"] == "OperationOutcome"


def test_capability_statement_and_terminology_capabilities(client: TestClient) -> None:
    cs = client.get("/fhir/metadata").json()
    assert cs["resourceType"] == "CapabilityStatement"
    assert "http://hl7.org/fhir/CapabilityStatement/terminology-server" in cs["instantiates"]
    r = client.get("/fhir/metadata?mode=terminology")
    assert r.status_code == 200, r.text
    tc = r.json()
    assert tc["resourceType"] == "TerminologyCapabilities"
    assert tc["kind"] == "instance"
    names = {p["name"] for p in tc["expansion"]["parameter"]}
    assert {"displayLanguage", "tx-resource", "count", "offset"} <= names
    r = client.get("/fhir/$versions")
    assert r.status_code == 200, r.text
    assert r.json()["parameter"][0] == {"name": "version", "valueCode": "4.0.1"}
