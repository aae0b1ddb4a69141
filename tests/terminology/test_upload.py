"""CodeSystem/$upload (a job with progress), XLSX catalogues and FHIR XML code systems."""

from __future__ import annotations

import base64
import csv
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import Workbook

from terminology.loaders import read_resources

FIXTURES = Path(__file__).resolve().parent / "fixtures"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_catalogue(path: Path) -> Path:
    """The fictitious tariff catalogue of the CSV fixture as a workbook, with typed cells
    (numbers, dates) as spreadsheets hold them."""
    with (FIXTURES / "tariff-catalogue.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    wb = Workbook()
    ws = wb.active
    ws.title = "Tarif"
    ws.append(rows[0])
    for row in rows[1:]:
        cells: list[Any] = list(row)
        cells[5] = float(row[5]) if row[5] else None
        cells[6] = date.fromisoformat(row[6]) if row[6] else None
        cells[7] = date.fromisoformat(row[7]) if row[7] else None
        ws.append(cells)
    wb.save(path)
    return path


def test_xlsx_same_as_csv(tmp_path: Path) -> None:
    (from_csv,) = read_resources(FIXTURES / "tariff-catalogue.csv", "csv", url="u")
    (from_xlsx,) = read_resources(xlsx_catalogue(tmp_path / "tariff-catalogue.xlsx"), url="u")
    assert from_xlsx["concept"] == from_csv["concept"]
    c = next(c for c in from_xlsx["concept"] if c["code"] == "XX.05.0100")
    assert {"code": "validTo", "valueDateTime": "2026-12-31"} in c["property"]


def test_fhir_xml_code_system() -> None:
    (cs,) = read_resources(FIXTURES / "codesystem-colours.xml")  # told apart from ClaML
    assert cs["url"] == "http://example.org/fhir/CodeSystem/colours-xml"
    red = cs["concept"][0]["concept"][0]
    assert red["designation"] == [{"language": "fr", "value": "Rouge"}]
    assert red["property"] == [{"code": "weight", "valueDecimal": 1.5}]


def upload(client: TestClient, data: bytes, *params: dict[str, Any],
           content_type: str = XLSX) -> Any:
    return client.post("/fhir/CodeSystem/$upload", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "file", "valueAttachment": {
                "contentType": content_type, "data": base64.b64encode(data).decode()}},
            *params]})


def wait(client: TestClient, location: str) -> Any:
    progress: list[str] = []
    for _ in range(600):
        r = client.get(location)
        if r.status_code != 202:
            return r, progress
        progress.append(r.headers.get("X-Progress", ""))
        time.sleep(0.05)
    raise AssertionError(f"job still running: {progress[-3:]}")


def test_upload_job(client: TestClient, tmp_path: Path) -> None:
    url = f"http://example.org/tariff/{uuid.uuid4().hex[:8]}"
    data = xlsx_catalogue(tmp_path / "t.xlsx").read_bytes()
    mapping = ("code=code,parent=parent,display.de=label_de,display.fr=label_fr,"
               "prop.taxPoints=tax_points:decimal")
    r = upload(client, data, {"name": "url", "valueUri": url},
               {"name": "version", "valueString": "2025"},
               {"name": "mapping", "valueString": mapping})
    assert r.status_code == 202, r.text
    location = r.headers["Content-Location"]
    assert "/_async/" in location
    done, progress = wait(client, location)
    assert done.status_code == 200, done.text
    out = done.json()
    loaded = next(p for p in out["parameter"] if p["name"] == "loaded")
    parts = {p["name"]: p for p in loaded["part"]}
    assert parts["concepts"]["valueInteger"] == 5
    assert parts["url"]["valueUri"] == url
    source = next(p for p in out["parameter"] if p["name"] == "source")
    binary = client.get("/fhir/" + source["valueReference"]["reference"])
    assert binary.status_code == 200  # the file loaded stays available
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": url, "code": "XX.00.0010"})
    assert r.status_code == 200, r.text
    body = r.json()["parameter"]  # German first in the mapping: the code system's language
    assert {"name": "display", "valueString": "Konsultation, erste 5 Min."} in body

    # a file that does not parse: the job fails and says why
    r = upload(client, b"<ClaML><Class", {"name": "format", "valueCode": "claml"},
               content_type="application/xml")
    assert r.status_code == 202, r.text
    failed, _ = wait(client, r.headers["Content-Location"])
    assert failed.status_code == 500
    assert "ParseError" in str(failed.json()["issue"][0])

    # a FHIR XML file, format told by its content type
    xml = (FIXTURES / "codesystem-colours.xml").read_bytes()
    r = upload(client, xml, content_type="application/fhir+xml")
    assert r.status_code == 202, r.text
    done, _ = wait(client, r.headers["Content-Location"])
    assert done.status_code == 200, done.text
    r = client.get("/fhir/CodeSystem/$lookup", params={
        "system": "http://example.org/fhir/CodeSystem/colours-xml", "code": "red"})
    assert r.status_code == 200, r.text


def test_uploads_named_apart(client: TestClient) -> None:
    """Two catalogues with the same file name and version but other URLs both stay; the
    same one again updates in place."""
    body = b"code;label_fr\nA;Alpha\nB;Beta\n"
    tag = uuid.uuid4().hex[:8]
    refs = []
    for url in (f"http://example.org/a/{tag}", f"http://example.org/b/{tag}",
                f"http://example.org/a/{tag}"):
        r = client.post("/fhir/CodeSystem/$upload", json={
            "resourceType": "Parameters", "parameter": [
                {"name": "file", "valueAttachment": {
                    "contentType": "text/csv", "title": f"tarif-{tag}.csv",
                    "data": base64.b64encode(body).decode()}},
                {"name": "mapping", "valueString": "code=code,parent=,display.fr=label_fr"},
                {"name": "url", "valueUri": url}]})
        assert r.status_code == 202, r.text
        done, _ = wait(client, r.headers["Content-Location"])
        assert done.status_code == 200, done.text
        loaded = next(p for p in done.json()["parameter"] if p["name"] == "loaded")
        refs.append(loaded["part"][0]["valueReference"]["reference"])
    assert refs[0] == f"CodeSystem/tarif-{tag}-1"  # named after the file
    assert refs[1] != refs[0] and refs[2] == refs[0]
    for ref, url in zip(refs, ("a", "b"), strict=False):
        assert f"/{url}/" in client.get(f"/fhir/{ref}").json()["url"]


def test_upload_refused(client: TestClient) -> None:
    before = client.get("/fhir/Binary", params={"_summary": "count"}).json()["total"]
    r = upload(client, b"not a workbook")
    assert r.status_code == 400
    assert "XLSX" in str(r.json()["issue"][0])
    r = upload(client, b"a,b\n", content_type="application/octet-stream")
    assert r.status_code == 400  # no format given nor guessable
    r = upload(client, b"a,b\n", {"name": "format", "valueCode": "pdf"})
    assert r.status_code == 400
    r = client.post("/fhir/CodeSystem/$upload", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "file", "valueAttachment": {"contentType": "text/csv", "data": "@@"}}]})
    assert r.status_code == 400
    r = client.post("/fhir/CodeSystem/$upload", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "file", "valueAttachment": {"url": "Binary/does-not-exist"}},
            {"name": "format", "valueCode": "csv"}]})
    assert r.status_code == 404
    after = client.get("/fhir/Binary", params={"_summary": "count"}).json()["total"]
    assert after == before  # nothing stored for refused uploads
