"""Bad input to ``$extract`` through HTTP: a clear 4xx OperationOutcome, nothing stored."""

from __future__ import annotations

import base64
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.extract.helpers import count, extract

STORED = ("Condition", "MedicationStatement", "AllergyIntolerance", "Provenance", "AuditEvent")


def _att(content_type: str, data: bytes) -> dict[str, Any]:
    return {"name": "document", "valueAttachment": {
        "contentType": content_type, "data": base64.b64encode(data).decode()}}


CASES: list[tuple[str, list[dict[str, Any]], int, str]] = [
    ("missing input", [], 400, "$extract needs a text or a document parameter"),
    ("both inputs", [{"name": "text", "valueString": "HTA"}, _att("text/plain", b"HTA")], 400,
     "Send either text or document, not both"),
    ("empty text", [{"name": "text", "valueString": "   "}], 400, "text is empty"),
    ("unsupported type", [_att("application/msword", b"HTA")], 415,
     "document.contentType 'application/msword' is not supported; use text/plain, "
     "application/pdf, image/png, image/jpeg or image/tiff"),
    ("bad base64", [{"name": "document", "valueAttachment": {
        "contentType": "text/plain", "data": "@@not base64@@"}}], 400,
     "document.data is not valid base64"),
    ("oversize text", [{"name": "text", "valueString": "HTA. " * 120_000}], 413,
     "text is longer than 500000 characters"),
    ("bad language", [{"name": "text", "valueString": "HTA"},
                      {"name": "language", "valueCode": "xx"}], 400,
     "language 'xx' is not supported: use fr, en or auto"),
    ("persist without subject", [{"name": "text", "valueString": "HTA"},
                                 {"name": "persist", "valueBoolean": True}], 400,
     "persist=true needs a subject (the facts belong to a Patient)"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(client: TestClient, case: tuple[str, list[dict[str, Any]], int, str]) -> None:
    _, items, status, text = case
    before = {t: count(client, t) for t in STORED}
    outcome = extract(client, *items, status=status)
    assert outcome["resourceType"] == "OperationOutcome"
    assert outcome["issue"][0]["severity"] == "error"
    assert outcome["issue"][0]["diagnostics"] == text
    assert {t: count(client, t) for t in STORED} == before


def test_corrupt_pdf(client: TestClient) -> None:
    before = count(client, "AuditEvent")
    outcome = extract(client, _att("application/pdf", b"%PDF-1.4\ngarbage"), status=400)
    assert outcome["issue"][0]["diagnostics"].startswith("document is not a readable PDF")
    assert count(client, "AuditEvent") == before


def test_corrupt_image(client: TestClient) -> None:
    before = count(client, "AuditEvent")
    outcome = extract(client, _att("image/png", b"\x89PNG\r\n\x1a\nbroken"), status=400)
    assert outcome["issue"][0]["diagnostics"].startswith("document is not a readable image")
    assert count(client, "AuditEvent") == before


def test_image_bomb(client: TestClient) -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buf, "PNG")  # 50 Mpx in a few kB
    outcome = extract(client, _att("image/png", buf.getvalue()), status=413)
    assert outcome["issue"][0]["diagnostics"] == (
        "document has a page of 10000x5000 pixels (at most 40000000 pixels)")


def test_not_a_parameters_body(client: TestClient) -> None:
    r = client.post("/fhir/$extract", json={"resourceType": "Patient"})
    assert r.status_code == 400
    assert r.json()["issue"][0]["diagnostics"] == "Operation input must be a Parameters resource"


def test_unknown_document_reference(client: TestClient) -> None:
    r = client.post("/fhir/DocumentReference/does-not-exist/$extract",
                    json={"resourceType": "Parameters"})
    assert r.status_code == 404
    assert r.json()["resourceType"] == "OperationOutcome"


def test_fifty_megabytes_of_text(client: TestClient) -> None:
    before = count(client, "AuditEvent")
    r = client.post("/fhir/$extract", json={"resourceType": "Parameters", "parameter": [
        {"name": "text", "valueString": "HTA. " * (10 * 1024 * 1024)}]})
    assert r.status_code == 413
    assert r.json()["resourceType"] == "OperationOutcome"
    assert count(client, "AuditEvent") == before
