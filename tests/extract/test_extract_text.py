"""``POST [base]/$extract`` with ``text``: resources, statuses, evidence, provenance, persist."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from operations.transparency import AIAST
from tests.conftest import new_patient
from tests.extract.helpers import count, evidence, extract, resources

FR = ("Patiente de 72 ans adressée pour dyspnée.\n"
      "Antécédents : HTA. Antécédent d'infarctus du myocarde en 2015. Pas de diabète.\n"
      "Suspicion de pneumopathie. Père diabétique.\n"
      "Traitement : Kardégic 75 mg 1/j, metformine 1000 mg matin et soir. Ramipril arrêté.\n"
      "Allergie à la pénicilline (urticaire).")
EN = ("72-year-old man. History of myocardial infarction. No diabetes. Possible pneumonia.\n"
      "Mother had breast cancer.\nMedications: metformin 500 mg bid.\nNKDA.")


def _codes(res: dict[str, Any], path: str) -> list[str]:
    return [c["code"] for c in res[path].get("coding", [])]


def _status(res: dict[str, Any], key: str) -> str | None:
    value = res.get(key)
    return str(value["coding"][0]["code"]) if value else None


def test_french_letter(client: TestClient) -> None:
    patient = new_patient(client)
    subject = {"reference": f"Patient/{patient['id']}"}
    bundle = extract(client, {"name": "text", "valueString": FR},
                     {"name": "subject", "valueReference": subject},
                     {"name": "language", "valueCode": "fr"})
    assert bundle["type"] == "transaction"
    conds = {c["code"]["text"]: c for c in resources(bundle, "Condition")}
    assert _status(conds["HTA"], "clinicalStatus") == "active"
    assert _status(conds["HTA"], "verificationStatus") == "unconfirmed"
    assert _codes(conds["HTA"], "code") == ["I10"]
    assert _status(conds["infarctus du myocarde"], "clinicalStatus") == "resolved"
    assert _status(conds["diabète"], "verificationStatus") == "refuted"
    assert _status(conds["pneumopathie"], "verificationStatus") == "provisional"
    family = resources(bundle, "FamilyMemberHistory")
    assert [f["relationship"]["coding"][0]["code"] for f in family] == ["FTH"]
    assert family[0]["condition"][0]["code"]["coding"][0]["code"] == "E11"
    meds = {m["medicationCodeableConcept"]["text"]: m
            for m in resources(bundle, "MedicationStatement")}
    kardegic = meds["Kardégic"]
    assert _codes(kardegic, "medicationCodeableConcept") == ["B01AC06"]
    assert kardegic["status"] == "active"
    assert kardegic["subject"] == subject
    dose = kardegic["dosage"][0]
    assert dose["doseAndRate"][0]["doseQuantity"]["value"] == 75
    assert dose["doseAndRate"][0]["doseQuantity"]["code"] == "mg"
    assert dose["timing"]["repeat"] == {"frequency": 1, "period": 1, "periodUnit": "d"}
    assert meds["metformine"]["dosage"][0]["timing"]["repeat"]["frequency"] == 2
    assert meds["Ramipril"]["status"] == "stopped"
    allergy = resources(bundle, "AllergyIntolerance")
    assert [a["code"]["text"] for a in allergy] == ["pénicilline"]
    assert allergy[0]["reaction"][0]["manifestation"][0]["text"] == "urticaire"
    assert allergy[0]["patient"] == subject


def test_evidence_spans_point_into_the_text(client: TestClient) -> None:
    text = "Œdème… patiente diabétique 😀 sous metformine 500 mg x2/j. Asthme."
    bundle = extract(client, {"name": "text", "valueString": text})
    outputs = [e["resource"] for e in bundle["entry"]
               if e["resource"]["resourceType"] in ("Condition", "MedicationStatement")]
    assert len(outputs) == 3
    for res in outputs:
        ev = evidence(res)
        assert text[ev["offset"]:ev["offset"] + ev["length"]] == ev["quote"]


def test_english_letter_and_provenance(client: TestClient) -> None:
    bundle = extract(client, {"name": "text", "valueString": EN})
    conds = {c["code"]["text"]: c for c in resources(bundle, "Condition")}
    assert _status(conds["myocardial infarction"], "clinicalStatus") == "resolved"
    assert _status(conds["diabetes"], "verificationStatus") == "refuted"
    assert _status(conds["pneumonia"], "verificationStatus") == "provisional"
    family = resources(bundle, "FamilyMemberHistory")
    assert family[0]["relationship"]["coding"][0]["code"] == "MTH"
    assert family[0]["condition"][0]["code"]["coding"][0]["code"] == "C50"
    med = resources(bundle, "MedicationStatement")[0]
    assert _codes(med, "medicationCodeableConcept") == ["A10BA02"]
    assert med["dosage"][0]["timing"]["repeat"]["frequency"] == 2
    nka = resources(bundle, "AllergyIntolerance")[0]
    assert nka["code"]["text"] == "NKDA"
    assert _status(nka, "verificationStatus") == "refuted"
    outputs = [e for e in bundle["entry"] if e["resource"]["resourceType"] in
               ("Condition", "MedicationStatement", "AllergyIntolerance", "FamilyMemberHistory")]
    for e in outputs:
        assert AIAST in e["resource"]["meta"]["security"]
    prov = resources(bundle, "Provenance")
    assert len(prov) == 1
    assert {t["reference"] for t in prov[0]["target"]} == {e["fullUrl"] for e in outputs}
    device = resources(bundle, "Device")[0]
    assert device["deviceName"][0]["name"] == "extract-rules"


def test_persist_stores_everything_in_one_transaction(client: TestClient) -> None:
    patient = new_patient(client)
    before = count(client, "AuditEvent")
    bundle = extract(client, {"name": "text", "valueString": FR},
                     {"name": "subject", "valueReference":
                      {"reference": f"Patient/{patient['id']}"}},
                     {"name": "persist", "valueBoolean": True})
    assert bundle["type"] == "transaction-response"
    assert all(e["response"]["status"].startswith(("200", "201")) for e in bundle["entry"])
    r = client.get(f"/fhir/Condition?subject=Patient/{patient['id']}")
    assert r.json()["total"] >= 4
    assert count(client, "AuditEvent") == before + 1


def test_capability_statement_lists_extract(client: TestClient) -> None:
    rest = client.get("/fhir/metadata").json()["rest"][0]
    system_ops = {op["name"] for op in rest.get("operation", [])}
    docref = next(r for r in rest["resource"] if r["type"] == "DocumentReference")
    assert "extract" in system_ops
    assert "extract" in {op["name"] for op in docref.get("operation", [])}
