"""CodeSystem/$version-diff: added, removed and changed concepts between two stored versions."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient


def catalogue(url: str, version: str, concepts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "CodeSystem", "url": url, "version": version, "status": "active",
            "content": "complete", "property": [{"code": "points", "type": "decimal"}],
            "concept": concepts}


def parts(p: dict[str, Any]) -> dict[str, Any]:
    return {x["name"]: next((v for k, v in x.items() if k.startswith("value")), None)
            for x in p.get("part") or []}


def entries(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [p for p in body["parameter"] if p["name"] == name]


def changes(entry: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    out = {}
    for ch in entry["part"]:
        if ch["name"] == "change":
            d = parts(ch)
            out[d["field"]] = (d.get("from"), d.get("to"))
    return out


def test_version_diff(client: TestClient) -> None:
    url = f"http://example.org/tariff/{uuid.uuid4().hex[:8]}"
    v1 = catalogue(url, "2024", [
        {"code": "00.0010", "display": "Consultation, first 5 min",
         "designation": [{"language": "de", "value": "Konsultation, erste 5 Min."}],
         "property": [{"code": "points", "valueDecimal": 9.57}]},
        {"code": "00.0020", "display": "Consultation, each further 5 min"},
        {"code": "00.0030", "display": "Consultation, last 5 min"}])
    v2 = catalogue(url, "2025", [
        {"code": "00.0010", "display": "Consultation, first 5 minutes",
         "designation": [{"language": "de", "value": "Konsultation, erste 5 Min."}],
         "property": [{"code": "points", "valueDecimal": 10.2}]},
        {"code": "00.0020", "display": "Consultation, each further 5 min",
         "property": [{"code": "status", "valueCode": "retired"}]},
        {"code": "00.0040", "display": "Remote consultation"}])
    for cs in (v1, v2):
        r = client.post("/fhir/CodeSystem", json=cs)
        assert r.status_code == 201, r.text
    newest_id = r.json()["id"]
    r = client.get("/fhir/CodeSystem/$version-diff", params={"url": url})
    assert r.status_code == 200, r.text
    body = r.json()
    top = {p["name"]: p.get("valueString") for p in body["parameter"]}
    assert (top["fromVersion"], top["toVersion"]) == ("2024", "2025")  # defaults: newest two
    summary = parts(entries(body, "summary")[0])
    assert summary == {"fromCount": 3, "toCount": 3, "added": 1, "removed": 1, "changed": 2}
    assert [parts(e)["code"] for e in entries(body, "added")] == ["00.0040"]
    assert [parts(e)["code"] for e in entries(body, "removed")] == ["00.0030"]
    changed = {parts(e)["code"]: changes(e) for e in entries(body, "changed")}
    assert changed["00.0010"] == {
        "display": ("Consultation, first 5 min", "Consultation, first 5 minutes"),
        "property:points": ("9.57", "10.2")}
    assert changed["00.0020"] == {"status": ("active", "retired")}
    r = client.get(f"/fhir/CodeSystem/{newest_id}/$version-diff")  # the instance is "to"
    assert r.status_code == 200, r.text
    assert parts(entries(r.json(), "summary")[0])["changed"] == 2

    # the other way round, asked for explicitly, and a page of each list
    r = client.post("/fhir/CodeSystem/$version-diff", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "url", "valueUri": url}, {"name": "fromVersion", "valueString": "2025"},
            {"name": "toVersion", "valueString": "2024"}, {"name": "count", "valueInteger": 0}]})
    assert r.status_code == 200, r.text
    summary = parts(entries(r.json(), "summary")[0])
    assert (summary["added"], summary["removed"]) == (1, 1)
    assert not entries(r.json(), "added")


def test_version_diff_errors(client: TestClient) -> None:
    url = f"http://example.org/tariff/{uuid.uuid4().hex[:8]}"
    r = client.post("/fhir/CodeSystem", json=catalogue(url, "1", [{"code": "A"}]))
    assert r.status_code == 201
    r = client.get("/fhir/CodeSystem/$version-diff", params={"url": url})
    assert r.status_code == 400  # a single version: nothing to compare with
    assert r.json()["resourceType"] == "OperationOutcome"
    r = client.get("/fhir/CodeSystem/$version-diff", params={"url": url, "fromVersion": "0"})
    assert r.status_code == 404
    assert "known versions: 1" in r.json()["issue"][0]["details"]["text"]
    r = client.get("/fhir/CodeSystem/$version-diff")
    assert r.status_code == 400
