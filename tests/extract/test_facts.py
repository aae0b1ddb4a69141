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
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES, ids=[c[1] for c in CASES])
def test_status(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    got = [(f.text, f.relation if f.kind == "family" else f.status) for f in extract(text, lang)]
    assert got == want
