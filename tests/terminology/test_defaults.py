"""Default code sets built from their PyPI packages (a subset of codes, the real loader)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from fhir_server.context import AccessContext
from fhir_server.storage.repository import Repository
from terminology.defaults import CODE_SETS, load_default

WHO = ["A00.0", "I21.9", "J45.0"]
CM = ["A00.0", "E11.9"]


def _pvalue(body: dict[str, Any], name: str) -> Any:
    for p in body["parameter"]:
        if p["name"] == name:
            return next(v for k, v in p.items() if k.startswith("value"))
    return None


def test_icd10_who_and_cm_subsets(app: Any, client: TestClient) -> None:
    repo = Repository(app.state.engine, AccessContext())
    who = load_default(repo, "icd-10", WHO, force=True)
    assert not who.skipped and who.concepts >= len(WHO) + 3  # with chapters and blocks
    assert load_default(repo, "icd-10").skipped  # idempotent
    assert not load_default(repo, "icd-10-cm", CM, force=True).skipped

    url = CODE_SETS["icd-10"].url
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": url, "code": "I21.9"})
    assert r.status_code == 200, r.text
    assert _pvalue(r.json(), "display") == "Acute myocardial infarction, unspecified"
    assert _pvalue(r.json(), "version") == "2019"
    r = client.get("/fhir/CodeSystem/$subsumes",
                   params={"system": url, "codeA": "IX", "codeB": "I21.9"})
    assert _pvalue(r.json(), "outcome") == "subsumes"
    r = client.get("/fhir/CodeSystem/$validate-code", params={"url": url, "code": "I20-I25"})
    assert _pvalue(r.json(), "result") is True  # a block: in the code system, not selectable

    cm = CODE_SETS["icd-10-cm"].url
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": cm, "code": "E11.9"})
    assert _pvalue(r.json(), "display") == "Type 2 diabetes mellitus without complications"
    r = client.get("/fhir/CodeSystem/$validate-code", params={"url": cm, "code": "Z99.999"})
    # a subset is stored as a fragment: an unknown code may be in another fragment
    issues = next(p["resource"] for p in r.json()["parameter"] if p["name"] == "issues")
    assert "labeled as a fragment" in issues["issue"][0]["details"]["text"]
    assert _pvalue(r.json(), "result") is True
    r = client.get("/fhir/CodeSystem/$validate-code", params={"url": url, "code": "I20-I25"})
    assert _pvalue(r.json(), "result") is True


def test_french_code_sets_from_edsnlp(app: Any, client: TestClient) -> None:
    repo = Repository(app.state.engine, AccessContext())
    assert not load_default(repo, "cim-10-fr", ["A00.0", "S06.00"], force=True).skipped
    assert not load_default(repo, "atc", ["A01AA01", "A01AB03"], force=True).skipped
    assert not load_default(repo, "icd-10", WHO, force=True).skipped

    fr = CODE_SETS["cim-10-fr"].url
    r = client.get("/fhir/CodeSystem/$lookup", params={"system": fr, "code": "A00.0"})
    assert r.status_code == 200, r.text
    assert _pvalue(r.json(), "display") == "Choléra à Vibrio cholerae 01, biovar cholerae"
    r = client.get("/fhir/CodeSystem/$subsumes",
                   params={"system": fr, "codeA": "A00", "codeB": "A00.0"})
    assert _pvalue(r.json(), "outcome") == "subsumes"
    # the WHO codes carry the French labels as designations
    r = client.get("/fhir/CodeSystem/$lookup", params={
        "system": CODE_SETS["icd-10"].url, "code": "A00.0", "displayLanguage": "fr"})
    assert _pvalue(r.json(), "display") == "Choléra à Vibrio cholerae 01, biovar cholerae"
    r = client.get("/fhir/CodeSystem/$lookup",
                   params={"system": "http://www.whocc.no/atc", "code": "A01AA01"})
    assert _pvalue(r.json(), "display") == "sodium fluorure"
