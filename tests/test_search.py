"""Search on both databases (https://hl7.org/fhir/R4/search.html).

A small data set is written once per backend; every expected result below was worked out
by hand from that data set, not by running the code under test. Each query is scoped with
``_tag`` to this module's data.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

RUN = uuid.uuid4().hex[:12]
TAG = f"urn:test:search|{RUN}"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"


def _obs(key: str, patient: str, code: str, value: float, unit: str, when: Any,
         status: str = "final") -> dict[str, Any]:
    display = {"4548-4": "Hemoglobin A1c", "8480-6": "Systolic blood pressure"}[code]
    obs: dict[str, Any] = {
        "resourceType": "Observation", "status": status,
        "code": {"coding": [{"system": LOINC, "code": code, "display": display}]},
        "subject": {"reference": f"urn:uuid:{patient}"},
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
    }
    obs["effectivePeriod" if isinstance(when, dict) else "effectiveDateTime"] = when
    return obs


def _dataset() -> dict[str, dict[str, Any]]:
    org = {"resourceType": "Organization"}
    return {
        "org1": {**org, "name": "Hôpital Cantonal de Genève"},
        "org2": {**org, "name": "Clinique des Alpes"},
        "p1": {"resourceType": "Patient", "gender": "female", "birthDate": "1980-05-10",
               "active": True, "name": [{"family": "Müller", "given": ["Anna"]}],
               "identifier": [{"system": "urn:mrn", "value": "A1"}],
               "telecom": [{"system": "email", "value": "anna@example.ch"}],
               "managingOrganization": {"reference": "urn:uuid:org1"},
               "text": {"status": "generated",
                        "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Anna Müller, "
                               "diabétique</div>"}},
        "p2": {"resourceType": "Patient", "gender": "male", "birthDate": "1975-01-20",
               "active": False, "name": [{"family": "Muller", "given": ["Bernard"]}],
               "identifier": [{"system": "urn:mrn", "value": "B2"}],
               "managingOrganization": {"reference": "urn:uuid:org2"}},
        "p3": {"resourceType": "Patient", "gender": "female", "birthDate": "1990-12-31",
               "name": [{"family": "Dupont", "given": ["Claire"]}]},
        "o1": _obs("o1", "p1", "4548-4", 7.2, "%", "2024-03-01T10:00:00Z"),
        "o2": _obs("o2", "p1", "4548-4", 6.1, "%", "2023-03-01"),
        "o3": _obs("o3", "p2", "8480-6", 150, "mm[Hg]", "2024-01-15", "preliminary"),
        "o4": _obs("o4", "p3", "4548-4", 5.4, "%",
                   {"start": "2024-02-01", "end": "2024-02-03"}, "amended"),
        "e1": {"resourceType": "Encounter", "status": "finished",
               "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                         "code": "IMP"},
               "subject": {"reference": "urn:uuid:p1"},
               "period": {"start": "2024-03-01", "end": "2024-03-05"}},
        "c1": {"resourceType": "Condition", "subject": {"reference": "urn:uuid:p1"},
               "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "E11.9",
                                    "display": "Type 2 diabetes mellitus"}]}},
        "r1": {"resourceType": "RiskAssessment", "status": "final",
               "subject": {"reference": "urn:uuid:p2"},
               "prediction": [{"probabilityDecimal": 0.25}]},
        "l1": {"resourceType": "Library", "status": "active",
               "url": "http://example.org/fhir/Library/lib1",
               "type": {"coding": [{"code": "logic-library"}]}},
    }


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, str]:
    data = _dataset()
    entries = []
    for key, res in data.items():
        res = {**res, "meta": {"tag": [{"system": "urn:test:search", "code": RUN}]}}
        entries.append({"fullUrl": f"urn:uuid:{key}", "resource": res,
                        "request": {"method": "POST", "url": res["resourceType"]}})
    r = client.post("/fhir", json={"resourceType": "Bundle", "type": "transaction",
                                   "entry": entries})
    assert r.status_code == 200, r.text
    return {key: e["resource"]["id"] for key, e in zip(data, r.json()["entry"], strict=True)}


def find(client: TestClient, ids: dict[str, str], path: str, **params: Any) -> list[str]:
    """Keys (p1, o2, ...) of the matches, in the order returned."""
    back = {v: k for k, v in ids.items()}
    r = client.get(f"/fhir/{path}", params={**params, "_tag": TAG, "_count": 100})
    assert r.status_code == 200, r.text
    return [back.get(e["resource"]["id"], "?") for e in r.json().get("entry", [])
            if e["search"]["mode"] == "match"]


def same(client: TestClient, ids: dict[str, str], path: str, expected: set[str],
         **params: Any) -> None:
    assert set(find(client, ids, path, **params)) == expected, params


def test_string(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Patient", {"p1", "p2"}, family="muller")
    same(client, ids, "Patient", {"p1", "p2"}, family="MÜL")
    same(client, ids, "Patient", {"p2"}, **{"family:exact": "Muller"})
    same(client, ids, "Patient", {"p1"}, **{"family:exact": "Müller"})
    same(client, ids, "Patient", {"p1", "p2"}, **{"family:contains": "ulle"})
    same(client, ids, "Patient", {"p1"}, name="anna")
    same(client, ids, "Patient", {"p1", "p3"}, name="anna,dupont")
    same(client, ids, "Organization", {"org1"}, name="hopital")


def test_token(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Patient", {"p1", "p3"}, gender="female")
    same(client, ids, "Patient", {"p1"}, identifier="urn:mrn|A1")
    same(client, ids, "Patient", {"p1"}, identifier="A1")
    same(client, ids, "Patient", set(), identifier="|A1")
    same(client, ids, "Patient", {"p1", "p2"}, identifier="urn:mrn|")
    same(client, ids, "Patient", {"p2"}, **{"gender:not": "female"})
    same(client, ids, "Patient", {"p3"}, **{"identifier:missing": "true"})
    same(client, ids, "Patient", {"p1", "p2"}, **{"identifier:missing": "false"})
    same(client, ids, "Patient", {"p1"}, active="true")
    same(client, ids, "Patient", {"p1"}, email="anna@example.ch")
    same(client, ids, "Observation", {"o1", "o2", "o4"}, **{"code:text": "hemoglobin"})
    same(client, ids, "Observation", {"o1", "o2", "o4"}, code=f"{LOINC}|4548-4")
    same(client, ids, "Observation", {"o3", "o4"}, status="preliminary,amended")


def test_date(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Patient", {"p1"}, birthdate="1980")
    same(client, ids, "Patient", {"p2"}, birthdate="lt1980")
    same(client, ids, "Patient", {"p1", "p3"}, birthdate="ge1980-05-10")
    same(client, ids, "Patient", {"p3"}, birthdate="gt1980-05-10")
    same(client, ids, "Patient", {"p2", "p3"}, birthdate="ne1980-05-10")
    same(client, ids, "Observation", {"o4"}, date="2024-02")
    same(client, ids, "Observation", {"o1", "o4"}, date="ge2024-02-02")
    same(client, ids, "Observation", {"o1", "o4"}, date="sa2024-01-31")
    same(client, ids, "Observation", {"o2", "o3"}, date="eb2024-01-16")
    same(client, ids, "Observation", {"o1"}, date="2024-03-01T10:00:00Z")
    same(client, ids, "Observation", {"o1"}, date=["ge2024-03-01", "le2024-03-31"])
    # eq: the search range must contain the whole period [2024-03-01, 2024-03-05]
    same(client, ids, "Encounter", set(), date="2024-03-03")
    same(client, ids, "Encounter", {"e1"}, date="2024-03")
    same(client, ids, "Encounter", {"e1"}, date="ge2024-03-03")


def test_quantity_and_number(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Observation", {"o1", "o3"}, **{"value-quantity": "gt7"})
    same(client, ids, "Observation", {"o1"}, **{"value-quantity": f"7.2|{UCUM}|%"})
    same(client, ids, "Observation", {"o2", "o4"}, **{"value-quantity": "lt6.5"})
    same(client, ids, "Observation", {"o2"}, **{"value-quantity": "6.1"})
    same(client, ids, "Observation", {"o3"}, **{"value-quantity": "ge100||mm[Hg]"})
    # UCUM normalisation: 150 mm[Hg] is 19.998 kPa; 7.2 % is 0.072 (unit 1)
    same(client, ids, "Observation", {"o3"}, **{"value-quantity": f"20.0|{UCUM}|kPa"})
    same(client, ids, "Observation", set(), **{"value-quantity": f"21.0|{UCUM}|kPa"})
    same(client, ids, "Observation", {"o1"}, **{"value-quantity": f"0.072|{UCUM}|1"})
    same(client, ids, "RiskAssessment", {"r1"}, probability="0.25")
    same(client, ids, "RiskAssessment", set(), probability="gt0.3")
    same(client, ids, "RiskAssessment", {"r1"}, probability="ap0.26")


def test_reference(client: TestClient, ids: dict[str, str]) -> None:
    p1, p2, p3 = ids["p1"], ids["p2"], ids["p3"]
    same(client, ids, "Observation", {"o1", "o2"}, subject=f"Patient/{p1}")
    same(client, ids, "Observation", {"o1", "o2"}, subject=p1)
    same(client, ids, "Observation", {"o3"}, patient=p2)
    same(client, ids, "Observation", {"o4"}, **{"subject:Patient": p3})
    same(client, ids, "Observation", set(), **{"subject:Group": p3})
    same(client, ids, "Observation", {"o1", "o2"},
         subject=f"http://testserver/fhir/Patient/{p1}")


def test_uri_and_composite(client: TestClient, ids: dict[str, str]) -> None:
    url = "http://example.org/fhir/Library/lib1"
    same(client, ids, "Library", {"l1"}, url=url)
    same(client, ids, "Library", {"l1"}, **{"url:below": "http://example.org/fhir"})
    same(client, ids, "Library", {"l1"}, **{"url:above": url + "/more"})
    same(client, ids, "Library", set(), **{"url:below": "http://example.org/other"})
    same(client, ids, "Observation", {"o1"},
         **{"code-value-quantity": f"{LOINC}|4548-4$gt7"})
    same(client, ids, "Observation", {"o2", "o4"},
         **{"code-value-quantity": "4548-4$lt7"})


def test_chains_and_has(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Observation", {"o4"}, **{"subject:Patient.family": "dupont"})
    same(client, ids, "Observation", {"o3"}, **{"patient.gender": "male"})
    same(client, ids, "Observation", {"o3"}, **{"patient.organization.name": "clinique"})
    same(client, ids, "Patient", {"p2"}, **{"_has:Observation:subject:code": "8480-6"})
    same(client, ids, "Patient", {"p1"},
         **{"_has:Observation:subject:value-quantity": "gt7", "gender": "female"})
    same(client, ids, "Organization", {"org2"},
         **{"_has:Patient:organization:_has:Observation:subject:code": "8480-6"})


def test_include_and_revinclude(client: TestClient, ids: dict[str, str]) -> None:
    back = {v: k for k, v in ids.items()}

    def entries(**params: Any) -> list[tuple[str, str]]:
        r = client.get("/fhir/" + params.pop("path"), params={**params, "_tag": TAG})
        assert r.status_code == 200, r.text
        return sorted((back[e["resource"]["id"]], e["search"]["mode"]) for e in r.json()["entry"])

    assert entries(path="Observation", code="8480-6", _include="Observation:subject") == [
        ("o3", "match"), ("p2", "include")]
    assert entries(path="Observation", code="8480-6",
                   _include=["Observation:subject", "Patient:organization"]) == [
        ("o3", "match"), ("p2", "include")]
    assert entries(path="Observation", code="8480-6",
                   **{"_include": "Observation:subject",
                      "_include:iterate": "Patient:organization"}) == [
        ("o3", "match"), ("org2", "include"), ("p2", "include")]
    assert entries(path="Patient", _id=ids["p1"], _revinclude="Observation:subject") == [
        ("o1", "include"), ("o2", "include"), ("p1", "match")]
    assert entries(path="Observation", code="8480-6", _include="Observation:subject:Group") == [
        ("o3", "match")]


def test_sort_and_paging(client: TestClient, ids: dict[str, str]) -> None:
    assert find(client, ids, "Patient", _sort="birthdate") == ["p2", "p1", "p3"]
    assert find(client, ids, "Patient", _sort="-birthdate") == ["p3", "p1", "p2"]
    assert find(client, ids, "Patient", _sort="family,-given") == ["p3", "p2", "p1"] or \
        find(client, ids, "Patient", _sort="family,-given") == ["p3", "p1", "p2"]
    assert find(client, ids, "Observation", _sort="-date", code="4548-4") == ["o1", "o4", "o2"]
    back = {v: k for k, v in ids.items()}
    seen: list[str] = []
    url: str | None = f"/fhir/Patient?_tag={TAG}&_sort=birthdate&_count=1"
    while url:
        page = client.get(url.replace("http://testserver", "")).json()
        seen += [back[e["resource"]["id"]] for e in page.get("entry", [])]
        url = next((li["url"] for li in page["link"] if li["relation"] == "next"), None)
    assert seen == ["p2", "p1", "p3"]


def test_total_summary_elements(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get("/fhir/Patient", params={"_tag": TAG, "_summary": "count"}).json()
    assert r["total"] == 3 and "entry" not in r
    r = client.get("/fhir/Patient", params={"_tag": TAG, "_total": "accurate", "_count": 1}
                   ).json()
    assert r["total"] == 3 and len(r["entry"]) == 1
    r = client.get("/fhir/Patient", params={"_tag": TAG, "_total": "none"}).json()
    assert "total" not in r
    r = client.get("/fhir/Patient", params={"_tag": TAG, "_elements": "gender"}).json()
    assert all(set(e["resource"]) == {"resourceType", "id", "meta", "gender"} for e in r["entry"])


def test_special_parameters(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, "Patient", {"p1"}, _id=ids["p1"])
    same(client, ids, "Patient", {"p1", "p2", "p3"}, _lastUpdated="gt2020-01-01")
    same(client, ids, "Patient", set(), _lastUpdated="lt2020-01-01")
    same(client, ids, "Patient", {"p1"}, _text="diabetique")
    same(client, ids, "Observation", {"o1", "o2", "o4"}, _content="hemoglobin")
    same(client, ids, "Patient", {"p1", "p2", "p3"})


def test_compartment_and_type(client: TestClient, ids: dict[str, str]) -> None:
    same(client, ids, f"Patient/{ids['p1']}/Observation", {"o1", "o2"})
    same(client, ids, f"Patient/{ids['p1']}/Encounter", {"e1"})
    same(client, ids, f"Patient/{ids['p2']}/Observation", {"o3"}, code="8480-6")
    r = client.get("/fhir", params={"_type": "Patient,Organization", "_tag": TAG,
                                    "_count": 50}).json()
    types = sorted(e["resource"]["resourceType"] for e in r["entry"])
    assert types == ["Organization"] * 2 + ["Patient"] * 3


def test_everything(client: TestClient, ids: dict[str, str]) -> None:
    back = {v: k for k, v in ids.items()}
    r = client.get(f"/fhir/Patient/{ids['p1']}/$everything")
    assert r.status_code == 200, r.text
    keys = {back.get(e["resource"]["id"]) for e in r.json()["entry"]}
    assert keys == {"p1", "o1", "o2", "e1", "c1", "org1"}


def test_errors(client: TestClient, ids: dict[str, str]) -> None:
    assert client.get("/fhir/Patient", params={"birthdate": "notadate"}).status_code == 400
    assert client.get("/fhir/Patient", params={"_sort": "nope"}).status_code == 400
    assert client.get("/fhir/Patient", params={"_count": "x"}).status_code == 400
    assert client.get("/fhir/Patient", params={"gender:exact": "x"}).status_code == 400
    assert client.get("/fhir/Observation", params={"subject.nope": "x"}).status_code == 400
    assert client.get("/fhir/Patient", params={"_has:Observation:nope:code": "x"}
                      ).status_code == 400
    r = client.get("/fhir/Patient", params={"nosuch": "1", "_tag": TAG}).json()
    assert r["entry"][-1]["search"]["mode"] == "outcome"


def test_identifier_modifiers(client: TestClient, ids: dict[str, str]) -> None:
    mr = "http://terminology.hl7.org/CodeSystem/v2-0203"
    pat = client.post("/fhir/Patient", json={
        "resourceType": "Patient", "meta": {"tag": [{"system": "urn:test:search", "code": RUN}]},
        "identifier": [{"type": {"coding": [{"system": mr, "code": "MR"}]},
                        "system": "urn:hospital", "value": "MRN-77"}]}).json()
    obs = client.post("/fhir/Observation", json={
        "resourceType": "Observation", "status": "final", "code": {"text": "note"},
        "meta": {"tag": [{"system": "urn:test:search", "code": RUN}]},
        "subject": {"identifier": {"system": "urn:hospital", "value": "MRN-77"}}}).json()
    ids = {**ids, "px": pat["id"], "ox": obs["id"]}
    same(client, ids, "Patient", {"px"}, **{"identifier:of-type": f"{mr}|MR|MRN-77"})
    same(client, ids, "Patient", set(), **{"identifier:of-type": f"{mr}|DL|MRN-77"})
    same(client, ids, "Observation", {"ox"}, **{"subject:identifier": "urn:hospital|MRN-77"})
    assert client.get("/fhir/Patient", params={"identifier:of-type": "bad"}).status_code == 400


def test_keyset_paging_is_stable_while_data_changes(client: TestClient) -> None:
    tag = f"urn:test:paging|{uuid.uuid4().hex[:8]}"
    system, code = tag.split("|")
    made = [client.post("/fhir/Basic", json={
        "resourceType": "Basic", "code": {"text": f"b{i}"},
        "meta": {"tag": [{"system": system, "code": code}]}}).json()["id"] for i in range(5)]
    newest_first = made[::-1]
    page = client.get("/fhir/Basic", params={"_tag": tag, "_count": 2}).json()
    seen = [e["resource"]["id"] for e in page["entry"]]
    # A resource created between pages (it sorts first) must not shift the next pages.
    client.post("/fhir/Basic", json={"resourceType": "Basic", "code": {"text": "late"},
                                     "meta": {"tag": [{"system": system, "code": code}]}})
    nxt = next(li["url"] for li in page["link"] if li["relation"] == "next")
    while nxt:
        page = client.get(nxt.replace("http://testserver", "")).json()
        seen += [e["resource"]["id"] for e in page.get("entry", [])]
        nxt = next((li["url"] for li in page["link"] if li["relation"] == "next"), None)
    assert seen == newest_first
    prev = next(li["url"] for li in page["link"] if li["relation"] == "previous")
    back = client.get(prev.replace("http://testserver", "")).json()
    assert [e["resource"]["id"] for e in back["entry"]] == newest_first[2:4]
    assert client.get("/fhir/Basic", params={"_cursor": "garbage!"}).status_code == 400


def test_custom_search_parameter_after_reindex(client: TestClient) -> None:
    """A SearchParameter written by a user is used once ``$reindex`` has run."""
    import time

    code = f"nickname{uuid.uuid4().hex[:6]}"
    url = f"http://example.org/fhir/SearchParameter/{code}"
    ext = "http://example.org/fhir/StructureDefinition/nickname"
    sp = {"resourceType": "SearchParameter", "url": url, "name": code, "status": "active",
          "description": "Nickname", "code": code, "base": ["Patient"], "type": "string",
          "expression": f"Patient.extension('{ext}').value"}
    bad = {**sp, "expression": "Patient.name.where(", "url": url + "-bad"}
    assert client.post("/fhir/SearchParameter", json=bad).status_code == 422
    assert client.post("/fhir/SearchParameter", json=sp).status_code == 201
    pat = client.post("/fhir/Patient", json={"resourceType": "Patient", "extension": [
        {"url": ext, "valueString": "Zouzou"}]}).json()
    r = client.get("/fhir/Patient", params={code: "zou"}).json()
    assert r["entry"][-1]["search"]["mode"] == "outcome"  # not active yet
    started = client.post("/fhir/Patient/$reindex")
    assert started.status_code == 202
    poll = started.headers["content-location"].replace("http://testserver", "")
    deadline = time.time() + 60
    while client.get(poll).status_code == 202 and time.time() < deadline:
        time.sleep(0.05)
    done = client.get(poll)
    assert done.status_code == 200, done.text
    assert done.json()["resourceType"] == "OperationOutcome"
    r = client.get("/fhir/Patient", params={code: "zou"}).json()
    assert [e["resource"]["id"] for e in r["entry"]] == [pat["id"]]
    cs = client.get("/fhir/metadata").json()
    patient = next(x for x in cs["rest"][0]["resource"] if x["type"] == "Patient")
    assert code in {p["name"] for p in patient["searchParam"]}


def test_general_engine_expressions() -> None:
    """Expressions outside the fast path: the resolve() filter stays with its own union member,
    and Resource-rooted paths evaluate on any resource."""
    from fhir_server.search.paths import compile_expression

    obs = {"resourceType": "Observation", "subject": {"reference": "Patient/1"},
           "focus": [{"reference": "Group/g"}]}
    union = compile_expression(
        "Observation.subject.where(resolve() is Patient) | Observation.focus.first()")
    assert union(obs) == [{"reference": "Patient/1"}, {"reference": "Group/g"}]
    tags = {"resourceType": "Patient", "meta": {"tag": [{"code": "a"}, {"code": "b"}]}}
    assert compile_expression("Resource.meta.tag.first()")(tags) == [{"code": "a"}]
