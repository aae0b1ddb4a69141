"""Dosage parsing (https://hl7.org/fhir/R4/dosage.html): dose per intake, timing, PRN, route."""

from __future__ import annotations

from typing import Any

import pytest

from operations.extract.dosage import dosage

DAY = "d"
CASES: list[tuple[str, dict[str, Any]]] = [
    ("75 mg 1/j", {"dose": (75, "mg"), "repeat": (1, 1, DAY)}),
    ("500mg 1-0-1", {"dose": (500, "mg"), "repeat": (2, 1, DAY)}),
    ("1000 mg matin et soir", {"dose": (1000, "mg"), "repeat": (2, 1, DAY)}),
    ("850 mg x2/j", {"dose": (850, "mg"), "repeat": (2, 1, DAY)}),
    ("2,5 mg 1-0-0", {"dose": (2.5, "mg"), "repeat": (1, 1, DAY)}),
    ("1 g toutes les 6 heures si douleur", {"dose": (1, "g"), "repeat": (1, 6, "h"),
                                            "prn": True}),
    ("100 mcg daily", {"dose": (100, "ug"), "repeat": (1, 1, DAY)}),
    ("5 mg bid", {"dose": (5, "mg"), "repeat": (2, 1, DAY)}),
    ("40 mg tid", {"dose": (40, "mg"), "repeat": (3, 1, DAY)}),
    ("5 mg q6h PRN", {"dose": (5, "mg"), "repeat": (1, 6, "h"), "prn": True}),
    ("70 mg weekly", {"dose": (70, "mg"), "repeat": (1, 1, "wk")}),
    ("20 UI le soir", {"dose": (20, "[iU]"), "repeat": (1, 1, DAY)}),
    ("300 mg PO", {"dose": (300, "mg"), "route": "26643006"}),
    ("6000 UI SC x2/j", {"dose": (6000, "[iU]"), "repeat": (2, 1, DAY), "route": "34206005"}),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_dosage(text: str, want: dict[str, Any]) -> None:
    got = dosage(text)
    assert got is not None and got["text"] == text
    dose = got["doseAndRate"][0]["doseQuantity"]
    assert (dose["value"], dose["code"]) == want["dose"]
    assert dose["system"] == "http://unitsofmeasure.org"
    if "repeat" in want:
        r = got["timing"]["repeat"]
        assert (r["frequency"], r["period"], r["periodUnit"]) == want["repeat"]
    else:
        assert "timing" not in got
    assert got.get("asNeededBoolean", False) == want.get("prn", False)
    if "route" in want:
        assert got["route"]["coding"][0]["code"] == want["route"]


def test_nothing_parsable() -> None:
    assert dosage(" , ") is None
