"""The guard against the record of a real stay, and the model writer with the tiny random Llama.

Sentences written by the templates must all pass; invented drugs, values, dates, diagnoses
and a denied allergy must be dropped. The model path runs end to end through HTTP with the
built-in ``tiny-random-llama`` (random weights: its text is noise, which the guard drops, and
the letter falls back to the templates).
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from fhir_server.context import AccessContext
from fhir_server.storage.repository import Repository
from operations.discharge.gather import gather
from operations.discharge.guard import Evidence, check, check_sentence, evidence
from operations.discharge.letter import compose as compose_letter

from .helpers import NAMES, compose, facts, load, sections, text


def _evidence(app: Any, client: TestClient, name: str, lang: str) -> tuple[Evidence, list[str]]:
    ids = load(client, name)
    stay = gather(Repository(app.state.engine, AccessContext(user="test")), ids["Encounter"])
    letter = compose_letter(stay, lang)
    lines = [ln for s in letter.sections for ln in s.lines]
    return evidence(stay, lines), lines


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_template_sentence_passes(app: Any, client: TestClient, name: str,
                                        lang: str) -> None:
    ev, lines = _evidence(app, client, name, lang)
    for line in lines:
        kept, dropped = check(line, ev)
        assert not dropped, (line, dropped)


def test_invented_facts_are_dropped(app: Any, client: TestClient) -> None:
    ev, _ = _evidence(app, client, "nstemi_en", "en")
    supported = [
        "He was treated with aspirin and ticagrelor after the coronary angiography.",
        "Troponin peaked at 1,250 ng/L on 3 Feb 2025 and then decreased.",
        "He is allergic to penicillin, which caused urticaria.",
        "The patient remained stable during the stay.",
    ]
    for s in supported:
        assert check_sentence(s, ev) == [], s
    invented = {
        "He was given amoxicillin for a suspected infection.": "drug not in the record",
        "Troponin peaked at 2,400 ng/L before decreasing.": "number not in the record",
        "An angiography was done on 9 Feb 2025 without complication.": "date not in the record",
        "He also has chronic obstructive pulmonary disease and asthma.":
            "diagnosis not in the record",
        "He has no known drug allergies and tolerated all treatments.":
            "denies an allergy the record documents",
        "He reported an allergy to ibuprofen with a rash.": "allergen not in the record",
        "\ufffd\ufffd xq": "not well-formed text",
    }
    for sentence, reason in invented.items():
        why = check_sentence(sentence, ev)
        assert any(w.startswith(reason) for w in why), (sentence, why)


def test_no_allergy_claim_without_an_allergy(app: Any, client: TestClient) -> None:
    ev, _ = _evidence(app, client, "pneumonia_fr", "fr")
    assert check_sentence("Pas d'allergie médicamenteuse connue chez cette patiente.", ev) == []
    assert "allergy not in the record" in check_sentence(
        "La patiente est allergique à la pénicilline depuis l'enfance.", ev)
    assert any(w.startswith("number") for w in check_sentence(
        "La CRP était à 240 mg/L à l'admission chez cette patiente.", ev))


def test_model_writer_is_guarded(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from models_onnx import registry

    from ..models.conftest import built

    folder = built("tiny-random-llama").folder
    assert "tiny-random-llama" in registry.BUILTIN
    monkeypatch.setenv("FHIR_AI_DISCHARGE_WRITER", str(folder))
    ids = load(client, "nstemi_en")
    r = compose(client, ids["Encounter"], language="en")
    assert r.status_code == 200, r.text
    entries = r.json()["entry"]
    comp = entries[0]["resource"]
    devices = [e["resource"] for e in entries if e["resource"]["resourceType"] == "Device"]
    assert {d["deviceName"][0]["name"] for d in devices} == {"discharge-templates",
                                                             "tiny-random-llama"}
    assert len(comp["author"]) == 2
    [outcome] = [e["resource"] for e in entries
                 if e["resource"]["resourceType"] == "OperationOutcome"]
    diagnostics = [i["diagnostics"] for i in outcome["issue"]]
    assert any("templates' paragraph is used" in d for d in diagnostics) or all(
        not d.startswith("sentence dropped") for d in diagnostics)
    course = text(sections(comp)["8648-8"])
    for word in facts("nstemi_en")["contains"]["8648-8"]:
        assert word in course  # the noise was dropped, the templates' paragraph stays
    monkeypatch.setenv("FHIR_AI_DISCHARGE_WRITER", str(folder.parent / "no-such-model"))
    r = compose(client, ids["Encounter"], language="en", persist=True)
    assert r.status_code == 200, r.text
    comp_entry = next(e for e in r.json()["entry"]
                      if e["response"]["location"].split("/fhir/")[-1].startswith("Composition/"))
    assert "model writer unavailable" in comp_entry["response"]["outcome"]["issue"][0][
        "diagnostics"]


PARAGRAPHS = {
    "pneumonia_fr": ("fr", [
        "Mme Jeanne Dupont, 76 ans, a été hospitalisée du 10/03/2025 au 16/03/2025 pour une "
        "pneumopathie communautaire du lobe inférieur droit.",
        "Une antibiothérapie par ceftriaxone a été débutée puis relayée par "
        "amoxicilline-acide clavulanique per os.",
        "L'évolution a été favorable avec une baisse de la CRP de 186 à 22 mg/L et une apyrexie.",
        "La patiente ne présente pas d'allergie connue.",
        "Elle rentre à domicile le 16 mars 2025.",
        "Une radiographie de contrôle est prévue le 15/04/2025.",
    ], [
        "Une antibiothérapie par lévofloxacine a été ajoutée.",
        "La procalcitonine était à 4,2 µg/L.",
        "Elle présente également une BPCO.",
        "Les hémocultures sont restées stériles.",
        "La ceftriaxone est poursuivie à domicile.",
    ]),
    "nstemi_en": ("en", [
        "Mr Smith, a 63-year-old man, was admitted on 3 February 2025 with chest pain at rest "
        "and diagnosed with an NSTEMI.",
        "He underwent coronary angiography with stenting of the LAD on 4 Feb 2025.",
        "Troponin peaked at 1250 ng/L.",
        "He was started on aspirin, ticagrelor, atorvastatin, bisoprolol and ramipril, and "
        "ibuprofen was stopped.",
        "His HbA1c was 8.1%.",
        "He is allergic to penicillin.",
        "He was discharged home on 7 February 2025.",
    ], [
        "He was also started on clopidogrel 75 mg.",
        "His ejection fraction was 35%.",
        "He has no known drug allergies.",
        "He has a history of atrial fibrillation.",
        "He was discharged on ibuprofen for pain.",
    ]),
}


@pytest.mark.parametrize("name", sorted(PARAGRAPHS))
def test_a_model_like_paragraph(app: Any, client: TestClient, name: str) -> None:
    """Prose as a model writes it: the true sentences stay, each invented one is dropped."""
    lang, true, invented = PARAGRAPHS[name]
    ev, _ = _evidence(app, client, name, lang)
    mixed = [s for pair in zip(true, invented + [""] * len(true), strict=False)
             for s in pair if s]
    kept, dropped = check(" ".join(mixed), ev)
    assert kept == true
    assert [s for s, _ in dropped] == invented
