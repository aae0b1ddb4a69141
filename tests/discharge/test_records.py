"""$compose-discharge on the development records, through HTTP, checked against their facts.

Each record (tests/discharge/records/NAME.json, a transaction Bundle of one stay) has beside it
NAME.facts.json: the sections expected present / absent, what each must and must not contain
(stopped drugs never among discharge medications), empty reasons, the direction of each trend
and the stable series that must not be called a trend.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .helpers import NAMES, compose, facts, lines, load, sections, text

ALWAYS = {"8648-8", "11535-2", "75311-1", "48765-2"}


@pytest.fixture(scope="module")
def letters(client: TestClient) -> dict[str, tuple[dict[str, str], dict[str, Any]]]:
    out = {}
    for name in NAMES:
        ids = load(client, name)
        r = compose(client, ids["Encounter"], language=facts(name)["language"])
        assert r.status_code == 200, r.text[:1000]
        out[name] = (ids, r.json())
    return out


@pytest.mark.parametrize("name", NAMES)
def test_letter_holds_the_facts(letters: dict[str, Any], name: str) -> None:
    ids, bundle = letters[name]
    expected = facts(name)
    assert bundle["type"] == "document" and bundle["identifier"]["value"].startswith("urn:uuid:")
    comp = bundle["entry"][0]["resource"]
    assert comp["resourceType"] == "Composition" and comp["status"] == "preliminary"
    assert comp["type"]["coding"][0] == {"system": "http://loinc.org", "code": "34105-7",
                                         "display": "Hospital discharge summary"}
    assert comp["language"] == expected["language"]
    assert comp["encounter"]["reference"] == f"Encounter/{ids['Encounter']}"
    assert comp["author"][0]["reference"].startswith("Device/")
    secs = sections(comp)
    assert ALWAYS <= set(secs)
    assert set(expected["sections_present"]) <= set(secs), set(secs)
    assert not set(expected["sections_absent"]) & set(secs), set(secs)
    for code, words in expected["contains"].items():
        for w in words:
            assert w in text(secs[code]), (code, w, lines(secs[code]))
    for code, words in expected["not_contains"].items():
        for w in words:
            assert w not in text(secs.get(code, {"text": {"div": ""}})), (code, w)
    for drug in expected["stopped"]:
        assert drug not in text(secs["75311-1"]) and drug in text(secs["87232-5"])
    for code, reason in expected["empty_reason"].items():
        assert secs[code]["emptyReason"]["coding"][0]["code"] == reason
        assert "entry" not in secs[code]
    for code, sec in secs.items():
        assert sec["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
        assert ("emptyReason" in sec) != bool(sec.get("entry")), code


#: the records that hold series of results (the empty stay has none)
WITH_SERIES = [n for n in NAMES if facts(n)["trends"] or facts(n)["stable"]]


@pytest.mark.parametrize("name", WITH_SERIES)
def test_trends_have_the_right_direction(letters: dict[str, Any], name: str) -> None:
    _, bundle = letters[name]
    expected = facts(name)
    results = lines(sections(bundle["entry"][0]["resource"])["30954-2"])
    for trend in expected["trends"]:
        [line] = [ln for ln in results if ln.startswith(trend["analyte"])]
        assert trend["direction"] in line, line
    for stable in expected["stable"]:
        [line] = [ln for ln in results if ln.startswith(stable["analyte"])]
        assert stable["word"] in line and not any(w in line for w in stable["not"]), line


@pytest.mark.parametrize("name", NAMES)
def test_every_source_is_referenced_and_in_provenance(letters: dict[str, Any], name: str
                                                      ) -> None:
    ids, bundle = letters[name]
    entries = bundle["entry"]
    comp = entries[0]["resource"]
    [prov] = [e["resource"] for e in entries if e["resource"]["resourceType"] == "Provenance"]
    assert prov["target"] == [{"reference": entries[0]["fullUrl"]}]
    sources = [e["what"]["reference"] for e in prov["entity"]]
    assert len(sources) == len(set(sources))
    refs = {e["reference"] for s in comp["section"] for e in s.get("entry", [])}
    assert refs <= set(sources)
    assert f"Encounter/{ids['Encounter']}" in sources and f"Patient/{ids['Patient']}" in sources
    full = {e["fullUrl"].split("/fhir/")[-1] for e in entries}
    assert set(sources) <= full  # the document carries every resource it references
    assert prov["agent"][0]["who"] == comp["author"][0]


def test_documents_validate(client: TestClient, letters: dict[str, Any]) -> None:
    for name, (_, bundle) in letters.items():
        r = client.post("/fhir/Bundle/$validate", json=bundle)
        assert r.status_code == 200, (name, r.text[:500])
        assert [i["severity"] for i in r.json()["issue"]] == ["information"], name
