"""Create, read, vread, update, delete, conditional interactions and headers
(https://hl7.org/fhir/R4/http.html), on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import uuid

from fastapi.testclient import TestClient

from tests.conftest import new_patient


def ident() -> str:
    return uuid.uuid4().hex


def test_create_returns_location_etag_last_modified(client: TestClient) -> None:
    r = client.post("/fhir/Patient", json={"resourceType": "Patient", "gender": "female"})
    assert r.status_code == 201
    body = r.json()
    assert body["meta"]["versionId"] == "1"
    assert r.headers["etag"] == 'W/"1"'
    assert r.headers["location"] == f"http://testserver/fhir/Patient/{body['id']}/_history/1"
    assert r.headers["last-modified"].endswith("GMT")
    assert r.headers["content-type"].startswith("application/fhir+json")


def test_create_ignores_client_id(client: TestClient) -> None:
    r = client.post("/fhir/Patient", json={"resourceType": "Patient", "id": "mine"})
    assert r.status_code == 201
    assert r.json()["id"] != "mine"


def test_read_and_vread(client: TestClient) -> None:
    p = new_patient(client)
    r = client.get(f"/fhir/Patient/{p['id']}")
    assert r.status_code == 200
    assert r.json() == p
    assert r.headers["etag"] == 'W/"1"'
    upd = {**p, "gender": "male"}
    assert client.put(f"/fhir/Patient/{p['id']}", json=upd).status_code == 200
    v1 = client.get(f"/fhir/Patient/{p['id']}/_history/1").json()
    assert "gender" not in v1 and v1["meta"]["versionId"] == "1"
    v2 = client.get(f"/fhir/Patient/{p['id']}/_history/2").json()
    assert v2["gender"] == "male" and v2["meta"]["versionId"] == "2"
    r = client.get(f"/fhir/Patient/{p['id']}/_history/9")
    assert r.status_code == 404
    assert r.json()["resourceType"] == "OperationOutcome"


def test_read_unknown(client: TestClient) -> None:
    r = client.get("/fhir/Patient/does-not-exist")
    assert r.status_code == 404
    assert r.json() == {"resourceType": "OperationOutcome", "issue": [{
        "severity": "error", "code": "not-found",
        "diagnostics": "Patient/does-not-exist is not known"}]}
    r = client.get("/fhir/Unicorn/1")
    assert r.status_code == 404
    assert r.json()["issue"][0]["diagnostics"] == "Unknown resource type 'Unicorn'"


def test_update_as_create_with_client_id(client: TestClient) -> None:
    rid = "pat-" + ident()[:12]
    r = client.put(f"/fhir/Patient/{rid}", json={"resourceType": "Patient", "id": rid})
    assert r.status_code == 201
    assert r.headers["location"].endswith(f"/Patient/{rid}/_history/1")
    r = client.put(f"/fhir/Patient/{rid}", json={"resourceType": "Patient", "id": rid,
                                                  "active": True})
    assert r.status_code == 200 and r.json()["meta"]["versionId"] == "2"


def test_update_id_mismatch_and_missing(client: TestClient) -> None:
    p = new_patient(client)
    r = client.put(f"/fhir/Patient/{p['id']}", json={"resourceType": "Patient", "id": "other"})
    assert r.status_code == 400
    r = client.put(f"/fhir/Patient/{p['id']}", json={"resourceType": "Patient"})
    assert r.status_code == 400
    r = client.put(f"/fhir/Patient/{p['id']}", json={**p, "resourceType": "Observation"})
    assert r.status_code in (400, 422)
    assert client.get(f"/fhir/Patient/{p['id']}").json() == p


def test_if_match(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    r = client.put(url, json={**p, "active": True}, headers={"If-Match": 'W/"1"'})
    assert r.status_code == 200 and r.headers["etag"] == 'W/"2"'
    r = client.put(url, json={**p, "active": False}, headers={"If-Match": 'W/"1"'})
    assert r.status_code == 412
    assert r.json()["issue"][0]["code"] == "conflict"
    assert client.get(url).json()["active"] is True


def test_update_without_change_keeps_version(client: TestClient) -> None:
    p = new_patient(client)
    r = client.put(f"/fhir/Patient/{p['id']}", json=p)
    assert r.status_code == 200
    assert r.json()["meta"]["versionId"] == "1"


def test_delete_then_gone_and_history_kept(client: TestClient) -> None:
    p = new_patient(client)
    url = f"/fhir/Patient/{p['id']}"
    assert client.delete(url).status_code == 204
    r = client.get(url)
    assert r.status_code == 410
    assert r.json()["issue"][0]["code"] == "deleted"
    assert client.delete(url).status_code == 204  # idempotent
    h = client.get(url + "/_history").json()
    assert h["total"] == 2
    assert [e["request"]["method"] for e in h["entry"]] == ["DELETE", "POST"]
    assert client.get(url + "/_history/1").json()["id"] == p["id"]
    r = client.put(url, json={**p, "meta": {}})
    assert r.status_code == 201 and r.json()["meta"]["versionId"] == "3"


def test_invalid_resources_rejected_nothing_stored(client: TestClient) -> None:
    before = client.get("/fhir/Patient?_summary=count").json()["total"]
    cases = [
        ({"resourceType": "Patient", "foo": "bar"}, 422),
        ({"resourceType": "Patient", "birthDate": "1990-13-45"}, 422),
        ({"resourceType": "Patient", "active": "yes"}, 422),
        ({"resourceType": "Observation"}, 400),
        ({"name": "x"}, 400),
    ]
    for body, status in cases:
        r = client.post("/fhir/Patient", json=body)
        assert r.status_code == status, (body, r.text)
        assert r.json()["resourceType"] == "OperationOutcome"
    assert client.get("/fhir/Patient?_summary=count").json()["total"] == before


def test_malformed_json_and_media_types(client: TestClient) -> None:
    hdr = {"Content-Type": "application/fhir+json"}
    r = client.post("/fhir/Patient", content=b"{not json", headers=hdr)
    assert r.status_code == 400
    r = client.post("/fhir/Patient", content=b"<Patient xmlns='http://hl7.org/fhir'/>",
                    headers={"Content-Type": "application/fhir+xml"})
    assert r.status_code == 415
    r = client.get("/fhir/Patient", headers={"Accept": "application/fhir+xml"})
    assert r.status_code == 406
    r = client.post("/fhir/Patient", content=b"", headers=hdr)
    assert r.status_code == 400


def test_method_not_allowed(client: TestClient) -> None:
    p = new_patient(client)
    r = client.post(f"/fhir/Patient/{p['id']}", json=p)
    assert r.status_code == 405
    assert r.json()["issue"][0]["code"] == "not-supported"


def test_conditional_create(client: TestClient) -> None:
    value = ident()
    body = {"resourceType": "Patient", "identifier": [{"system": "urn:mrn", "value": value}]}
    hdr = {"If-None-Exist": f"identifier=urn:mrn|{value}"}
    r1 = client.post("/fhir/Patient", json=body, headers=hdr)
    assert r1.status_code == 201
    r2 = client.post("/fhir/Patient", json=body, headers=hdr)
    assert r2.status_code == 200
    assert r2.json()["id"] == r1.json()["id"]
    client.post("/fhir/Patient", json=body)
    r3 = client.post("/fhir/Patient", json=body, headers=hdr)
    assert r3.status_code == 412
    r4 = client.post("/fhir/Patient", json=body, headers={"If-None-Exist": "bogus=1"})
    assert r4.status_code == 400


def test_conditional_update(client: TestClient) -> None:
    value = ident()
    body = {"resourceType": "Patient", "identifier": [{"system": "urn:mrn", "value": value}]}
    r = client.put(f"/fhir/Patient?identifier=urn:mrn|{value}", json=body)
    assert r.status_code == 201
    rid = r.json()["id"]
    r = client.put(f"/fhir/Patient?identifier=urn:mrn|{value}", json={**body, "active": True})
    assert r.status_code == 200 and r.json()["id"] == rid
    assert r.json()["meta"]["versionId"] == "2"


def test_conditional_delete(client: TestClient) -> None:
    value = ident()
    body = {"resourceType": "Patient", "identifier": [{"system": "urn:mrn", "value": value}]}
    rid = client.post("/fhir/Patient", json=body).json()["id"]
    r = client.delete(f"/fhir/Patient?identifier=urn:mrn|{value}")
    assert r.status_code == 204
    assert client.get(f"/fhir/Patient/{rid}").status_code == 410
    assert client.delete("/fhir/Patient?unknownparam=1").status_code == 400
    assert client.delete("/fhir/Patient").status_code == 405


def test_prefer_return(client: TestClient) -> None:
    body = {"resourceType": "Patient"}
    r = client.post("/fhir/Patient", json=body, headers={"Prefer": "return=minimal"})
    assert r.status_code == 201 and r.content == b"" and "location" in r.headers
    r = client.post("/fhir/Patient", json=body, headers={"Prefer": "return=OperationOutcome"})
    assert r.status_code == 201 and r.json()["resourceType"] == "OperationOutcome"
    r = client.post("/fhir/Patient", json=body, headers={"Prefer": "return=representation"})
    assert r.json()["resourceType"] == "Patient"


def test_pretty_summary_elements(client: TestClient) -> None:
    p = new_patient(client, text={"status": "generated",
                                  "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"},
                    gender="female", birthDate="1980-02-03")
    url = f"/fhir/Patient/{p['id']}"
    assert b"\n  " in client.get(url + "?_pretty=true").content
    assert b"\n" not in client.get(url).content
    s = client.get(url + "?_summary=true").json()
    assert "text" not in s and s["gender"] == "female"
    assert s["meta"]["tag"][0]["code"] == "SUBSETTED"
    t = client.get(url + "?_summary=text").json()
    assert set(t) <= {"resourceType", "id", "meta", "text"}
    d = client.get(url + "?_summary=data").json()
    assert "text" not in d and d["birthDate"] == "1980-02-03"
    e = client.get(url + "?_elements=gender").json()
    assert set(e) == {"resourceType", "id", "meta", "gender"}


def test_gzip(client: TestClient) -> None:
    for _ in range(3):
        new_patient(client)
    r = client.get("/fhir/Patient?_count=50", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    assert r.json()["resourceType"] == "Bundle"
    hdr = {"Content-Type": "application/fhir+json", "Content-Encoding": "gzip"}
    raw = client.post("/fhir/Patient", content=gzip.compress(b'{"resourceType":"Patient"}'),
                      headers=hdr)
    assert raw.status_code == 201
    assert client.post("/fhir/Patient", content=b"plain", headers=hdr).status_code == 400


def test_too_large(client: TestClient) -> None:
    limit = client.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    r = client.post("/fhir/Patient", content=b" " * (limit + 1),
                    headers={"Content-Type": "application/fhir+json"})
    assert r.status_code == 413
    assert r.json()["issue"][0]["code"] == "too-costly"


def test_key_order_on_read(client: TestClient) -> None:
    p = new_patient(client)
    assert list(client.get(f"/fhir/Patient/{p['id']}").json())[:3] == [
        "resourceType", "id", "meta"]


def test_unknown_endpoint_is_operation_outcome(client: TestClient) -> None:
    r = client.get("/fhir/Patient/1/2/3/4")
    assert r.status_code == 404
    assert r.json()["resourceType"] == "OperationOutcome"


def test_write_hooks_run_in_the_transaction(client: TestClient) -> None:
    from fhir_server.errors import bad_request
    from fhir_server.storage.repository import WRITE_HOOKS, on_write

    seen: list[tuple[str, bool]] = []

    def hook(tx: object, stored: object) -> None:
        seen.append((stored.id, stored.deleted))  # type: ignore[attr-defined]
        res = stored.resource or {}  # type: ignore[attr-defined]
        if res.get("code", {}).get("text") == "refuse":
            raise bad_request("refused by hook")

    on_write("Basic", hook)
    try:
        body = {"resourceType": "Basic", "code": {"text": "x"}}
        b = client.post("/fhir/Basic", json=body).json()
        client.delete(f"/fhir/Basic/{b['id']}")
        assert seen == [(b["id"], False), (b["id"], True)]
        r = client.put("/fhir/Basic/hooked", json={**body, "id": "hooked",
                                                    "code": {"text": "refuse"}})
        assert r.status_code == 400
        assert r.json()["issue"][0]["diagnostics"] == "refused by hook"
        assert client.get("/fhir/Basic/hooked").status_code == 404
    finally:
        WRITE_HOOKS["Basic"].remove(hook)


def test_unexpected_error_is_500_logged_and_nothing_stored(
        client: TestClient, caplog: object) -> None:
    import logging

    from fhir_server.storage.repository import WRITE_HOOKS, on_write

    def crash(tx: object, stored: object) -> None:
        raise RuntimeError("boom")

    on_write("Flag", crash)
    quiet = TestClient(client.app, raise_server_exceptions=False)
    try:
        with caplog.at_level(logging.ERROR, logger="fhir_server"):  # type: ignore[attr-defined]
            r = quiet.put("/fhir/Flag/crashes", json={
                "resourceType": "Flag", "id": "crashes", "status": "active",
                "code": {"text": "x"}, "subject": {"reference": "Patient/x"}})
        assert r.status_code == 500
        assert r.json() == {"resourceType": "OperationOutcome", "issue": [{
            "severity": "fatal", "code": "exception",
            "diagnostics": "Internal server error; the incident has been logged"}]}
        assert "RuntimeError: boom" in caplog.text  # type: ignore[attr-defined]
    finally:
        WRITE_HOOKS["Flag"].remove(crash)
    assert client.get("/fhir/Flag/crashes").status_code == 404
