"""Statuses read from context, sentence by sentence (no HTTP: the extraction itself)."""

from __future__ import annotations

import pytest

from operations.extract.facts import extract

CASES = [
    ("fr", "Ancien traitement : Previscan.", [("Previscan", "stopped")]),
    ("en", "Previously on warfarin, now apixaban 5 mg bd.",
     [("warfarin", "stopped"), ("apixaban", "active")]),
    ("fr", "A prévoir : introduction de bisoprolol.", [("bisoprolol", "intended")]),
    ("fr", "On évoque une dénutrition.", [("dénutrition", "provisional")]),
    ("fr", "Anémie à explorer.", [("Anémie", "active")]),
    ("fr", "Embolie pulmonaire éliminée.", [("Embolie pulmonaire", "refuted")]),
    ("en", "Pneumonia unlikely.", [("Pneumonia", "provisional")]),
    ("en", "Denies chest pain or fever.", [("chest pain", "refuted"), ("fever", "refuted")]),
    ("en", "Asthma as a child.", [("Asthma", "resolved")]),
    ("fr", "Antécédents : HTA, appendicite en 1990.", [("HTA", "active"),
                                                       ("appendicite", "resolved")]),
    ("en", "Mother with breast cancer, father had a stroke.",
     [("breast cancer", "MTH"), ("stroke", "FTH")]),
    ("fr", "Allergie : pénicilline, iode.", [("pénicilline", "confirmed"), ("iode", "confirmed")]),
    # forms: the ticked box or the one-word answer decides
    ("fr", "Diabète :   oui [ ]   non [X]\nHTA :   oui [X]   non [ ]",
     [("Diabète", "refuted"), ("HTA", "active")]),
    ("en", "Epilepsy   [ ] Yes  [x] No\nAsthma   [x] Yes  [ ] No",
     [("Epilepsy", "refuted"), ("Asthma", "active")]),
    ("en", "Is the patient diabetic?     No", [("diabetic", "refuted")]),
    ("fr", "Allergies : [X] oui [ ] non -> latex", [("latex", "confirmed")]),
    # past cues stay in their own list item; ongoing treatment keeps a cancer active
    ("fr", "ATCD : glaucome, dépression ancienne guérie, ostéoporose.",
     [("glaucome", "active"), ("dépression", "resolved"), ("ostéoporose", "active")]),
    ("fr", "ATCD : cancer du sein en cours de chimiothérapie.", [("cancer du sein", "active")]),
    ("en", "A 2-month history of cervical lymphadenopathy.",
     [("cervical lymphadenopathy", "active")]),
    ("en", "Fever, UTI suspected by GP.", [("Fever", "active"), ("UTI", "provisional")]),
    # drug status: the nearest cue, a switch, a planned stop
    ("en", "I have stopped her omeprazole and started famotidine 20 mg bd.",
     [("omeprazole", "stopped"), ("famotidine", "active")]),
    ("en", "IV Tazocin for 48 hours, switched to oral co-amoxiclav 625 mg TDS.",
     [("Tazocin", "stopped"), ("co-amoxiclav", "active")]),
    ("fr", "Plavix 75 mg 1/j (à arrêter 5 jours avant).", [("Plavix", "active")]),
    ("fr", "Colchicine 1 mg/j puis allopurinol 100 mg/j à distance.",
     [("Colchicine", "active"), ("allopurinol", "intended")]),
    # not conditions: eye drops, risk scores, room air; not a drug: a lab value
    ("fr", "Xalatan 1 goutte le soir.", [("Xalatan", "active")]),
    ("fr", "Risque de chute : élevé.", []),
    ("en", "SpO2 95% RA.", []),
    ("fr", "Albumine 31 g/l.", []),
    # English brands and British names
    ("en", "Synthroid 88 mcg daily, Lasix 40 mg OM, Fultium-D3 800 IU.",
     [("Synthroid", "active"), ("Lasix", "active"), ("Fultium-D3", "active")]),
    ("en", "Her maternal aunt has coeliac disease.", [("coeliac disease", "MAUNT")]),
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES, ids=[c[1] for c in CASES])
def test_status(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    got = [(f.text, f.relation if f.kind == "family" else f.status) for f in extract(text, lang)]
    assert got == want
