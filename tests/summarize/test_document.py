"""The document Bundle of $summarize: Composition, sections, charts, sources, Provenance,
AuditEvent, persist, since and language (DESIGN.md "The five operations"; FHIR documents
https://hl7.org/fhir/R4/documents.html)."""

from __future__ import annotations

import base64
import time
import xml.etree.ElementTree as ET
from typing import Any

from fastapi.testclient import TestClient

from operations.summarize.reports import report_text

from .helpers import count, resources, summarize
from .scoring import Score, items, plain, section

Devset = tuple[Score, dict[str, dict[str, Any]]]
CODES = ["key-findings", "abnormal-results", "trends", "report-summaries"]
AI_DEVICE = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS"
AUDIT_SUMMARIZE = "subtype=http://fhir-ai.example.org/CodeSystem/ai-operation|summarize"


def references(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [str(node["reference"])] if isinstance(node.get("reference"), str) else []
        return found + [r for v in node.values() for r in references(v)]
    if isinstance(node, list):
        return [r for x in node for r in references(x)]
    return []


def test_a_preliminary_document_authored_by_the_ai_device(devset: Devset) -> None:
    doc = devset[1]["ckd-fr"]
    assert doc["type"] == "document" and doc["identifier"]["value"].startswith("urn:uuid:")
    comp = doc["entry"][0]["resource"]
    assert comp["resourceType"] == "Composition" and comp["status"] == "preliminary"
    assert comp["type"]["coding"][0] == {"system": "http://loinc.org", "code": "60591-5",
                                         "display": "Patient summary Document"}
    assert [s["code"]["coding"][0]["code"] for s in comp["section"]] == CODES
    assert any(s["code"] == "AIAST" for s in comp["meta"]["security"])
    by_url = {e["fullUrl"]: e["resource"] for e in doc["entry"]}
    assert len(by_url) == len(doc["entry"])
    base = doc["entry"][1]["fullUrl"].rsplit("/Patient/", 1)[0]
    for a in comp["author"]:
        device = by_url[f"{base}/{a['reference']}"]
        assert device["type"]["coding"][0]["system"] == AI_DEVICE
    # the document holds every resource its Composition references
    for ref in references(comp):
        assert ref in by_url or f"{base}/{ref}" in by_url, ref
    for sec in comp["section"]:
        assert sec["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')


def test_documents_pass_the_servers_validation(client: TestClient, devset: Devset) -> None:
    for name in ("ckd-fr", "radiology-en", "anaemia-en"):
        r = client.post("/fhir/Bundle/$validate", json=devset[1][name])
        assert r.status_code == 200, r.text
        assert r.json()["issue"][0]["diagnostics"] == "Validation successful, no issues", name


def test_respond_async_gives_the_same_document(client: TestClient, devset: Devset) -> None:
    r = client.post("/fhir/Patient/sum-stable-fr/$summarize", headers={"Prefer": "respond-async"},
                    json={"resourceType": "Parameters"})
    assert r.status_code == 202, r.text
    path = r.headers["content-location"].replace("http://testserver", "")
    deadline = time.time() + 60
    while (done := client.get(path)).status_code == 202:
        assert time.time() < deadline, "job did not finish"
        time.sleep(0.1)
    assert done.status_code == 200, done.text
    assert items(section(done.json(), "trends")) == items(section(devset[1]["stable-fr"],
                                                                  "trends"))


def test_each_trend_has_an_svg_chart_in_the_trends_section(devset: Devset) -> None:
    doc = devset[1]["ckd-fr"]
    media = {e["fullUrl"]: e["resource"] for e in doc["entry"]
             if e["resource"]["resourceType"] == "Media"}
    trend_lines = [x for x in items(section(doc, "trends")) if "↑" in x or "↓" in x]
    assert len(media) == len(trend_lines) == 3
    refs = [e["reference"] for e in section(doc, "trends")["entry"]]
    assert set(media) <= set(refs)
    for m in media.values():
        assert m["content"]["contentType"] == "image/svg+xml"
        root = ET.fromstring(base64.b64decode(m["content"]["data"]))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert any(el.tag.endswith("path") for el in root.iter())
    titles = sorted(m["content"]["title"] for m in media.values())
    assert titles == ["Évolution — Créatinine", "Évolution — DFG (CKD-EPI)",
                      "Évolution — Potassium"]


def test_every_source_is_an_entry_and_a_provenance_entity(devset: Devset) -> None:
    doc = devset[1]["ckd-fr"]
    comp = doc["entry"][0]["resource"]
    sources = {f"{r['resourceType']}/{r['id']}" for r in
               resources(doc, "Observation") + resources(doc, "DiagnosticReport")}
    assert len(sources) == 18  # 17 Observations and the ultrasound report of the record
    in_sections = {e["reference"] for s in comp["section"] for e in s.get("entry", [])}
    assert sources == {r for r in in_sections if not r.startswith("urn:")}
    [prov] = resources(doc, "Provenance")
    assert {e["what"]["reference"] for e in prov["entity"]} == sources
    assert all(e["role"] == "source" for e in prov["entity"])
    outputs = {e["fullUrl"] for e in doc["entry"]
               if e["resource"]["resourceType"] in ("Composition", "Media")}
    assert {t["reference"] for t in prov["target"]} == outputs


def test_report_conclusion_first_then_sentences_chosen_with_e5(devset: Devset) -> None:
    doc = devset[1]["radiology-en"]
    text = plain(section(doc, "report-summaries")["text"]["div"])
    ct = text.index("CT chest")
    concl = text.index("Spiculated 14 mm right upper lobe nodule", ct)
    sentences = items(section(doc, "report-summaries"))
    assert len(sentences) == 6  # three per report
    reports = {r["id"]: report_text(r) for r in resources(doc, "DiagnosticReport")}
    assert all(any(s in t for t in reports.values()) for s in sentences)
    assert text.index("There is a 14 mm spiculated nodule", ct) > concl
    assert "Clinical history" not in text and "Technique" not in text
    names = {d["deviceName"][0]["name"] for d in resources(doc, "Device")}
    assert names == {"summarize-rules", "multilingual-e5-small"}


def test_a_report_is_compared_with_the_patients_history(devset: Devset) -> None:
    doc = devset[1]["report-fr"]
    abnormal = {e["reference"] for e in section(doc, "abnormal-results")["entry"]}
    assert abnormal == {"Observation/rep-cr-2", "Observation/rep-hb-2"}
    lines = items(section(doc, "trends"))
    assert lines[0].startswith("Créatinine — en hausse ↑ : 98 µmol/L (12/02/2024)")
    assert "ALAT" not in plain(doc["entry"][0]["resource"]["section"][0]["text"]["div"])


def test_each_call_writes_an_audit_event(client: TestClient, devset: Devset) -> None:
    before = count(client, "AuditEvent", AUDIT_SUMMARIZE)
    summarize(client, "Patient/sum-dm-en")
    assert count(client, "AuditEvent", AUDIT_SUMMARIZE) == before + 1


def test_persist_stores_the_summary_in_one_transaction(client: TestClient,
                                                       devset: Devset) -> None:
    before = {t: count(client, t) for t in ("Composition", "Media", "Provenance")}
    doc = summarize(client, "Patient/sum-ckd-fr", persist=True)
    after = {t: count(client, t) for t in ("Composition", "Media", "Provenance")}
    assert after == {"Composition": before["Composition"] + 1, "Media": before["Media"] + 3,
                     "Provenance": before["Provenance"] + 1}
    comp = doc["entry"][0]["resource"]
    assert doc["type"] == "document" and doc["entry"][0]["fullUrl"].endswith(
        f"/Composition/{comp['id']}")
    stored = client.get(f"/fhir/Composition/{comp['id']}").json()
    assert stored["status"] == "preliminary"
    media = [e["reference"] for e in stored["section"][2]["entry"]
             if e["reference"].startswith("Media/")]
    assert len(media) == 3
    for ref in media:
        assert client.get(f"/fhir/{ref}").status_code == 200
    [prov] = resources(doc, "Provenance")
    assert {t["reference"] for t in prov["target"]} == {f"Composition/{comp['id']}", *media}


def test_since_leaves_out_older_results(client: TestClient, devset: Devset) -> None:
    doc = summarize(client, "Patient/sum-ckd-fr", since="2024-01-01")
    lines = items(section(doc, "trends"))
    creat = next(x for x in lines if x.startswith("Créatinine"))
    assert "162 µmol/L (11/03/2024)" in creat and "118" not in creat
    assert {e["reference"] for e in section(doc, "abnormal-results")["entry"]} >= {
        "Observation/ckd-creat-2", "Observation/ckd-creat-3"}
    assert "Observation/ckd-creat-0" not in str(doc)


def test_language_from_the_parameter_or_accept_language(client: TestClient,
                                                       devset: Devset) -> None:
    en = summarize(client, "Patient/sum-ckd-fr", language="en-GB")
    assert section(en, "abnormal-results")["title"] == "Abnormal results"
    assert "Créatinine — rising ↑: 118 µmol/L (14 Mar 2023)" in items(section(en, "trends"))[0]
    r = client.post("/fhir/Patient/sum-ckd-fr/$summarize", headers={"Accept-Language": "en-GB"},
                    json={"resourceType": "Parameters"})
    assert section(r.json(), "trends")["title"] == "Trends"
    fr = summarize(client, "Patient/sum-dm-en", language="fr")
    lines = " ".join(items(section(fr, "trends")))
    assert "Hemoglobin A1c — en baisse ↓ : 9,1 % (10/01/2023)" in lines


def test_a_result_without_its_own_time_takes_its_reports(client: TestClient,
                                                       devset: Devset) -> None:
    pid = client.post("/fhir/Patient", json={"resourceType": "Patient"}).json()["id"]

    def creatinine(value: int, when: str | None) -> str:
        body: dict[str, Any] = {
            "resourceType": "Observation", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}]},
            "subject": {"reference": f"Patient/{pid}"},
            "valueQuantity": {"value": value, "unit": "µmol/L",
                              "system": "http://unitsofmeasure.org", "code": "umol/L"}}
        if when:
            body["effectiveDateTime"] = when
        r = client.post("/fhir/Observation", json=body)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    creatinine(90, "2024-01-15")
    latest = creatinine(150, None)
    r = client.post("/fhir/DiagnosticReport", json={
        "resourceType": "DiagnosticReport", "status": "final", "code": {"text": "Bilan"},
        "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": "2024-06-03",
        "result": [{"reference": f"Observation/{latest}"}]})
    doc = summarize(client, f"DiagnosticReport/{r.json()['id']}", language="en")
    assert items(section(doc, "trends")) == [
        "Creatinine — rising ↑: 90 µmol/L (15 Jan 2024) → 150 µmol/L (3 Jun 2024)"]


def test_since_uses_issued_when_there_is_no_effective_time(client: TestClient,
                                                          devset: Devset) -> None:
    doc = summarize(client, "Patient/sum-thyroid-fr", since="2024-05-01")
    tsh = next(x for x in items(section(doc, "trends")) if x.startswith("TSH"))
    # from 5.8 only, the rise stays within the RCV of TSH (+67 %)
    assert tsh == "TSH — stable : 5,8 mUI/L (21/05/2024) → 8,9 mUI/L (23/09/2024)"
    assert "Observation/th-tsh-0" not in str(doc)
    later = summarize(client, "Patient/sum-thyroid-fr", since="2024-10")
    assert [e["reference"] for e in section(later, "report-summaries")["entry"]] == [
        "DiagnosticReport/th-echo"]
    assert "entry" not in section(later, "trends")


def test_a_clinician_confirms_a_stored_summary(client: TestClient, devset: Devset) -> None:
    doc = summarize(client, "Patient/sum-rep-fr", persist=True)
    comp_id = doc["entry"][0]["resource"]["id"]
    r = client.post("/fhir/Practitioner", json={"resourceType": "Practitioner",
                                                 "name": [{"family": "Dupont"}]})
    reviewer = f"Practitioner/{r.json()['id']}"
    r = client.post(f"/fhir/Composition/{comp_id}/$ai-review", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "decision", "valueCode": "confirm"},
            {"name": "reviewer", "valueReference": {"reference": reviewer}}]})
    assert r.status_code == 200, r.text
    stored = client.get(f"/fhir/Composition/{comp_id}").json()
    assert stored["status"] == "final"
    assert stored["attester"][0]["party"] == {"reference": reviewer}


def test_each_series_is_a_coded_sub_section(devset: Devset) -> None:
    parts = section(devset[1]["cardio-en"], "trends")["section"]
    assert [(p["code"]["coding"][0]["code"], p["title"]) for p in parts] == [
        ("8462-4", "Diastolic blood pressure — falling ↓"),
        ("8480-6", "Systolic blood pressure — falling ↓")]
    for p in parts:
        refs = [e["reference"] for e in p["entry"]]
        assert refs[:3] == ["Observation/ca-bp-0", "Observation/ca-bp-1", "Observation/ca-bp-2"]
        assert refs[3].startswith("urn:uuid:")  # its chart


def test_pdf_reports_are_read_and_an_unreadable_one_does_not_fail(client: TestClient,
                                                                 devset: Devset) -> None:
    from tests.extract.pdf import text_pdf

    pid = client.post("/fhir/Patient", json={"resourceType": "Patient"}).json()["id"]
    pdf = text_pdf(["SCANNER CEREBRAL", "",
                    "Pas de saignement intracranien. Atrophie cortico-sous-corticale discrete.",
                    "", "Conclusion :", "Pas de lesion aigue."])
    for data, title in ((pdf, "Scanner cérébral"), (b"%PDF-1.4 broken", "Radio thorax")):
        r = client.post("/fhir/DiagnosticReport", json={
            "resourceType": "DiagnosticReport", "status": "final", "code": {"text": title},
            "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": "2024-02-02",
            "presentedForm": [{"contentType": "application/pdf",
                               "data": base64.b64encode(data).decode()}]})
        assert r.status_code == 201, r.text
    doc = summarize(client, f"Patient/{pid}", language="fr")
    text = plain(section(doc, "report-summaries")["text"]["div"])
    assert "Conclusion : Pas de lesion aigue." in " ".join(text.split())
    assert "Atrophie cortico-sous-corticale discrete." in items(section(doc, "report-summaries"))
    assert "Radio thorax" in text and "Pas de texte." in text
