"""``$code`` through HTTP: the contract, apply, the coder's review loop and bad input."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

WHO = "http://hl7.org/fhir/sid/icd-10"
OPERATION_TAG = "http://fhir-ai.example.org/CodeSystem/ai-operation"
INLINE_LABEL = ("http://hl7.org/fhir/uv/security-label-ds4p/StructureDefinition/"
                "extension-inline-sec-label")


def params(*pairs: tuple[str, str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters",
            "parameter": [{"name": n, kind: v} for n, kind, v in pairs]}


def matches(body: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for p in body["parameter"]:
        if p["name"] == "match":
            parts = {q["name"]: q for q in p["part"]}
            out.append({"text": parts["text"]["valueString"],
                        "coding": parts["concept"]["valueCoding"],
                        "score": parts["score"]["valueDecimal"],
                        "rank": parts["rank"]["valueInteger"]})
    return out


def test_contract_batch_of_texts(who_client: TestClient) -> None:
    texts = ["infarctus du myocarde aigu", "community-acquired pneumonia", "HTA"]
    body = params(*(("text", "valueString", t) for t in texts), ("count", "valueInteger", 3),
                  ("system", "valueUri", WHO))
    r = who_client.post("/fhir/$code", json=body)
    assert r.status_code == 200, r.text
    found = matches(r.json())
    assert [m["text"] for m in found] == [t for t in texts for _ in range(3)]
    for t in texts:
        mine = [m for m in found if m["text"] == t]
        assert [m["rank"] for m in mine] == [1, 2, 3]
        scores = [m["score"] for m in mine]
        assert all(0 <= s <= 1 for s in scores) and scores == sorted(scores, reverse=True)
        for m in mine:
            assert m["coding"]["system"] == WHO and m["coding"]["version"] == "2019"
            assert m["coding"]["display"]
    top = {m["text"]: m["coding"]["code"] for m in found if m["rank"] == 1}
    assert top["infarctus du myocarde aigu"].startswith("I21.")
    assert top["community-acquired pneumonia"].startswith("J18.")
    assert top["HTA"] == "I10"
    # only selectable, most specific codes: never a chapter, block or a category with children
    assert all("-" not in m["coding"]["code"] and m["coding"]["code"] != "I21" for m in found)
    prov = next(p["resource"] for p in r.json()["parameter"] if p["name"] == "provenance")
    assert prov["resourceType"] == "Provenance"
    assert prov["agent"][0]["who"]["reference"].startswith("Device/")
    # the call is audited (no text in the AuditEvent)
    audits = who_client.get("/fhir/AuditEvent", params={"_tag": f"{OPERATION_TAG}|code"})
    assert audits.json()["total"] >= 1
    assert "infarctus" not in audits.text


def test_default_systems_and_language(who_client: TestClient) -> None:
    r = who_client.post("/fhir/$code", json=params(("text", "valueString", "BPCO exacerbée"),
                                                     ("language", "valueCode", "fr")))
    assert r.status_code == 200, r.text
    found = matches(r.json())
    assert len(found) == 5 and found[0]["coding"]["code"] == "J44.1"


def test_apply_then_review_and_metrics(who_client: TestClient) -> None:
    practitioner = who_client.post("/fhir/Practitioner", json={
        "resourceType": "Practitioner", "name": [{"family": "Coder"}]}).json()
    patient = who_client.post("/fhir/Patient", json={"resourceType": "Patient"}).json()
    condition = who_client.post("/fhir/Condition", json={
        "resourceType": "Condition", "subject": {"reference": f"Patient/{patient['id']}"},
        "code": {"text": "Décompensation cardiaque globale"}}).json()
    r = who_client.post(f"/fhir/Condition/{condition['id']}/$code",
                        json=params(("apply", "valueBoolean", True)))
    assert r.status_code == 200, r.text
    top = matches(r.json())[0]
    assert top["text"] == "Décompensation cardiaque globale"
    stored = who_client.get(f"/fhir/Condition/{condition['id']}").json()
    assert stored["meta"]["versionId"] == "2"
    coding = stored["code"]["coding"][-1]
    assert coding["code"] == top["coding"]["code"] and coding["code"].startswith("I50")
    assert coding["extension"][0]["url"] == INLINE_LABEL
    assert coding["extension"][0]["valueCoding"]["code"] == "AIAST"
    prov = next(p["resource"] for p in r.json()["parameter"] if p["name"] == "provenance")
    assert prov["id"] and prov["target"][0]["reference"].startswith(
        f"Condition/{condition['id']}")

    # the coder corrects the suggestion: the corrected code is stored, without the AI label
    review = who_client.post(f"/fhir/Condition/{condition['id']}/$ai-review", json={
        "resourceType": "Parameters", "parameter": [
            {"name": "decision", "valueCode": "correct"},
            {"name": "reviewer", "valueReference": {
                "reference": f"Practitioner/{practitioner['id']}"}},
            {"name": "coding", "valueCoding": {"system": WHO, "code": "I50.0"}}]})
    assert review.status_code == 200, review.text
    after = who_client.get(f"/fhir/Condition/{condition['id']}").json()
    codes = [(c.get("code"), bool(c.get("extension"))) for c in after["code"]["coding"]]
    assert codes == [("I50.0", False)]
    assert after["verificationStatus"]["coding"][0]["code"] == "confirmed"
    metrics = who_client.get("/fhir/$ai-metrics", params={"operation": "code"}).json()
    parts = {q["name"]: next(v for k, v in q.items() if k.startswith("value"))
             for q in metrics["parameter"][0]["part"]}
    assert parts["corrected"] >= 1 and parts["system"] == WHO
    assert 0 <= parts["correctionRate"] <= 1


def test_bad_input(who_client: TestClient) -> None:
    def post(body: dict[str, Any], url: str = "/fhir/$code") -> tuple[int, str]:
        r = who_client.post(url, json=body)
        assert r.json()["resourceType"] == "OperationOutcome", r.text
        return r.status_code, r.json()["issue"][0]["diagnostics"]

    status, text = post(params(("text", "valueString", "HTA"),
                               ("system", "valueUri", "http://example.org/unknown")))
    assert status == 400 and "not loaded" in text
    assert post(params(("text", "valueString", "   ")))[0] == 400
    assert post(params())[0] == 400
    assert post(params(("text", "valueString", "HTA"), ("count", "valueInteger", 0)))[0] == 400
    assert post(params(("text", "valueString", "HTA"), ("language", "valueCode", "xx")))[0] \
        == 400
    assert post(params(("text", "valueString", "HTA"), ("apply", "valueBoolean", True)))[0] \
        == 400
    many = params(*(("text", "valueString", f"douleur {i}") for i in range(10_000)))
    assert post(many)[0] == 413
    assert who_client.post("/fhir/Condition/nope/$code",
                           json=params(("text", "valueString", "HTA"))).status_code == 404


def test_inactive_concepts_only_when_asked(who_client: TestClient) -> None:
    url = "http://example.org/fhir/CodeSystem/wound-catalogue"
    cs = {"resourceType": "CodeSystem", "id": "wound-catalogue", "url": url, "version": "2",
          "status": "active", "content": "complete", "hierarchyMeaning": "is-a",
          "property": [{"code": "status", "uri": "http://hl7.org/fhir/concept-properties#status",
                        "type": "code"}],
          "concept": [
              {"code": "W1", "display": "Pressure ulcer of the heel"},
              {"code": "W0", "display": "Decubitus ulcer of heel, old wording",
               "property": [{"code": "status", "valueCode": "retired"}]},
              {"code": "W2", "display": "Venous leg ulcer"}]}
    assert who_client.put("/fhir/CodeSystem/wound-catalogue", json=cs).status_code == 201
    text = "decubitus ulcer of heel"

    def codes(*extra: tuple[str, str, Any]) -> list[str]:
        r = who_client.post("/fhir/$code", json=params(
            ("text", "valueString", text), ("system", "valueUri", url), *extra))
        assert r.status_code == 200, r.text
        return [m["coding"]["code"] for m in matches(r.json())]

    assert "W0" not in codes() and codes()[0] == "W1"
    assert codes(("inactive", "valueBoolean", True))[0] == "W0"


def test_large_code_system_queues_one_vectors_job(who_client: TestClient) -> None:
    """A CodeSystem too large to embed in a request queues the code-vectors job (once per
    url and version, in the storing transaction); the fixture's server runs no worker."""
    from sqlalchemy import select

    from fhir_server.storage.tables import job_t

    url = "http://example.org/fhir/CodeSystem/large-catalogue"
    cs = {"resourceType": "CodeSystem", "id": "large-catalogue", "url": url, "version": "1",
          "status": "active", "content": "complete",
          "concept": [{"code": f"L{i}", "display": f"catalogue item {i}"}
                      for i in range(5001)]}
    for _ in range(2):
        assert who_client.put("/fhir/CodeSystem/large-catalogue", json=cs).status_code in (
            200, 201)
    app: Any = who_client.app
    with app.state.engine.connect() as conn:
        rows = conn.execute(select(job_t.c.status, job_t.c.params).where(
            job_t.c.kind == "code-vectors")).all()
    assert [r.status for r in rows if r.params["url"] == url] == ["queued"]
