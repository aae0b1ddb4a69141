"""Loaders: CSV tariff catalogue, ClaML with modifiers, FHIR JSON; the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fhir_server.cli import main
from terminology.loaders import read_resources

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_csv_catalogue() -> None:
    (cs,) = read_resources(FIXTURES / "tariff-catalogue.csv", "csv",
                           url="http://example.org/tariff")
    assert cs["language"] == "fr" and cs["count"] == 5
    c = next(c for c in cs["concept"] if c["code"] == "XX.05.0100")
    assert c["display"] == "Radiographie fictive du thorax"
    assert {"language": "de", "value": "Fiktives Thoraxröntgen"} in c["designation"]
    assert {"code": "taxPoints", "valueDecimal": 31.2} in c["property"]
    assert {"code": "parent", "valueCode": "XX.05"} in c["property"]
    assert {"code": "validTo", "valueDateTime": "2026-12-31"} in c["property"]


def test_claml_modifiers() -> None:
    (cs,) = read_resources(FIXTURES / "tiny-claml.xml", "claml")
    codes = {c["code"]: c for c in cs["concept"]}
    assert set(codes) == {"I", "T00-T01", "T00", "T01", "T00.0", "T00.1"}
    assert codes["T00.1"]["display"] == "Tiny fever, chronic"


def test_cli_load_then_lookup(client: TestClient, database_url: str,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    url = "http://example.org/tariff-cli"
    monkeypatch.setenv("FHIR_AI_DATABASE_URL", database_url)
    args = ["terminology", "load", str(FIXTURES / "tariff-catalogue.csv"), "--url", url,
            "--version", "2025"]
    assert main(args) == 0
    assert main(args) == 0  # idempotent
    r = client.get("/fhir/CodeSystem/$lookup", params={
        "system": url, "code": "XX.00.0010", "displayLanguage": "it"})
    assert r.status_code == 200, r.text
    display = next(p["valueString"] for p in r.json()["parameter"] if p["name"] == "display")
    assert display == "Consultazione, primi 5 min"
