"""History at instance, type and system level (https://hl7.org/fhir/R4/http.html#history)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.conftest import new_patient


def test_instance_history_newest_first(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    for g in ("male", "female"):
        client.put(url, json={**p, "gender": g})
    h = client.get(url + "/_history").json()
    assert h["type"] == "history" and h["total"] == 3
    assert [e["resource"]["meta"]["versionId"] for e in h["entry"]] == ["3", "2", "1"]
    assert h["entry"][2]["request"] == {"method": "POST", "url": "Patient"}
    assert h["entry"][0]["response"]["etag"] == 'W/"3"'


def test_history_count_paging_and_since(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    for i in range(4):
        client.put(url, json={**p, "active": bool(i % 2)})
    page = client.get(url + "/_history?_count=2").json()
    assert len(page["entry"]) == 2 and page["total"] == 5
    nxt = [link["url"] for link in page["link"] if link["relation"] == "next"][0]
    client.put(url, json={**p, "gender": "other"})  # a write between pages does not shift them
    page2 = client.get(nxt.replace("http://testserver", "")).json()
    assert [e["resource"]["meta"]["versionId"] for e in page2["entry"]] == ["3", "2"]
    v5 = client.get(url + "/_history/5").json()["meta"]["lastUpdated"]
    since = client.get(url + "/_history", params={"_since": v5}).json()
    assert [e["resource"]["meta"]["versionId"] for e in since["entry"]] == ["6", "5"]


def test_history_at(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    time.sleep(0.01)
    v2 = client.put(url, json={**p, "gender": "male"}).json()
    time.sleep(0.01)
    client.put(url, json={**p, "gender": "female"})
    at = client.get(url + "/_history", params={"_at": v2["meta"]["lastUpdated"]}).json()
    assert [e["resource"]["meta"]["versionId"] for e in at["entry"]] == ["2"]


def test_type_and_system_history(client: TestClient) -> None:
    start = client.get("/fhir/metadata").json()["date"]
    p = new_patient(client)
    obs = client.post("/fhir/Observation", json={"resourceType": "Observation", "status": "final",
                                                 "code": {"text": "x"}}).json()
    th = client.get("/fhir/Patient/_history", params={"_since": start}).json()
    assert p["id"] in [e["resource"]["id"] for e in th.get("entry", [])]
    assert all(e["resource"]["resourceType"] == "Patient" for e in th["entry"])
    sh = client.get("/fhir/_history", params={"_since": start}).json()
    ids = {e["resource"]["id"] for e in sh["entry"] if "resource" in e}
    assert {p["id"], obs["id"]} <= ids


def test_history_errors(client: TestClient) -> None:
    assert client.get("/fhir/Patient/unknown-id/_history").status_code == 404
    assert client.get("/fhir/Patient/_history?_since=yesterday").status_code == 400
    assert client.get("/fhir/Patient/_history?_count=-1").status_code == 400
