"""The abnormal-result and trend rules on measurements built from Observations
(operations/summarize: values.measurements -> analysis.flag / series / trend)."""

from __future__ import annotations

from typing import Any

import pytest

from operations.summarize.analysis import flag, series, trend
from operations.summarize.values import measurements

UCUM = "http://unitsofmeasure.org"


def obs(i: int, code: str, value: float, unit: str, when: str, **extra: Any) -> dict[str, Any]:
    return {"resourceType": "Observation", "id": f"o{i}", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
            "effectiveDateTime": when,
            "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
            **extra}


def directions(code: str, values: list[float], unit: str = "mmol/L") -> list[str]:
    items = [m for i, v in enumerate(values)
             for m in measurements(obs(i, code, v, unit, f"2024-0{i + 1}-01"))]
    return [trend(s).direction for s in series(items)]


@pytest.mark.parametrize(("code", "values", "expected"), [
    ("2160-0", [88, 92, 85, 90], "stable"),         # creatinine, RCV ~15 %
    ("2160-0", [118, 135, 162, 188], "up"),
    ("62238-1", [52, 44, 36, 30], "down"),          # eGFR
    ("2951-2", [138, 139, 140], "stable"),          # sodium: monotonic but within noise
    ("4548-4", [7.4, 7.2, 7.0, 6.8], "down"),       # HbA1c: a steady drift of 4 values
    ("4548-4", [7.2, 7.0, 6.8], "stable"),          # three values are not enough for it
    ("4548-4", [7.2, 7.3, 7.1], "stable"),
    ("2823-3", [4.0, 4.1, 4.2, 4.3], "stable"),     # potassium: steady but < 0.75 RCV
    ("1988-5", [3, 45, 4], "fluctuating"),          # CRP: back where it started
    ("99999-9", [100, 109], "stable"),              # unknown analyte: ~10 % default
    ("99999-9", [100, 112], "up"),
    ("1988-5", [120, 15], "down"),                  # log-normal RCV: a large fall counts...
    ("1988-5", [120, 225], "stable"),               # ...a rise of the same size does not
    ("59408-5", [97, 88], "down"),                  # SpO2: a small CVi
])
def test_trend_rule(code: str, values: list[float], expected: str) -> None:
    assert directions(code, values) == [expected]


def test_mass_and_substance_concentrations_of_glucose_are_one_series() -> None:
    items = [*measurements(obs(1, "1558-6", 182, "mg/dL", "2023-01-10")),
             *measurements(obs(2, "1558-6", 7.2, "mmol/L", "2024-03-12"))]
    found = series(items)
    assert len(found) == 1 and trend(found[0]).direction == "down"


def test_creatinine_codes_by_mass_and_by_substance_are_one_series() -> None:
    items = [*measurements(obs(1, "2160-0", 1.1, "mg/dL", "2023-01-10")),
             *measurements(obs(2, "14682-9", 150, "umol/L", "2024-03-12"))]
    found = series(items)
    assert len(found) == 1 and trend(found[0]).direction == "up"  # 97 -> 150 umol/L


def test_one_value_or_incomparable_units_make_no_series() -> None:
    items = [*measurements(obs(1, "2160-0", 88, "umol/L", "2024-01-01")),
             *measurements(obs(2, "2160-0", 1.1, "%", "2024-02-01"))]
    assert series(items) == []


def test_flags_from_interpretation_and_from_the_reference_range() -> None:
    rng = {"referenceRange": [{"low": {"value": 3.5, "system": UCUM, "code": "mmol/L"},
                               "high": {"value": 5.0, "system": UCUM, "code": "mmol/L"}}]}
    high = measurements(obs(1, "2823-3", 5.6, "mmol/L", "2024-01-01", **rng))[0]
    normal = measurements(obs(2, "2823-3", 4.2, "mmol/L", "2024-01-01", **rng))[0]
    assert flag(high) is not None and flag(high).kind == "high"  # type: ignore[union-attr]
    assert flag(normal) is None
    crit = measurements(obs(3, "2823-3", 2.8, "mmol/L", "2024-01-01", interpretation=[
        {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                     "code": "LL"}]}]))[0]
    f = flag(crit)
    assert f is not None and (f.kind, f.critical) == ("low", True)
    # a range written in another unit is converted: 150 mg/dL glucose > 5.5 mmol/L
    glu = measurements(obs(4, "2345-7", 150, "mg/dL", "2024-01-01", referenceRange=[
        {"high": {"value": 5.5, "system": UCUM, "code": "mmol/L"}}]))[0]
    assert flag(glu) is not None and flag(glu).kind == "high"  # type: ignore[union-attr]


def test_entered_in_error_and_absent_values_are_not_measurements() -> None:
    assert measurements({**obs(1, "2160-0", 88, "umol/L", "2024-01-01"),
                         "status": "entered-in-error"}) == []
    o = obs(1, "2160-0", 88, "umol/L", "2024-01-01")
    del o["valueQuantity"]
    assert measurements({**o, "dataAbsentReason": {"text": "haemolysed"}}) == []


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("3.5-5.0 mmol/L", 5.6, "high"), ("3,5 à 5,0", 3.1, "low"), ("< 5", 45, "high"),
    ("≥ 60", 44, "low"), ("3.5-5.0", 4.2, None), ("negative", 4.2, None)])
def test_a_reference_range_written_as_text(text: str, value: float,
                                           expected: str | None) -> None:
    m = measurements(obs(1, "99999-9", value, "mmol/L", "2024-01-01",
                         referenceRange=[{"text": text}]))[0]
    f = flag(m)
    assert (f.kind if f else None) == expected


def test_hba1c_in_percent_and_in_mmol_per_mol_are_not_mixed() -> None:
    items = [*measurements(obs(1, "4548-4", 7.0, "%", "2024-01-01")),
             *measurements(obs(2, "59261-8", 53, "mmol/mol", "2024-06-01")),
             *measurements(obs(3, "4548-4", 6.9, "%", "2024-09-01"))]
    found = series(items)
    assert [[m.ref for m in s] for s in found] == [["Observation/o1", "Observation/o3"]]


@pytest.mark.parametrize(("comparator", "value", "expected"), [
    ("<", 0.5, None),       # "<0.5" with an upper limit of 0.2: maybe normal, never "high"
    ("<", 0.1, None), (">", 0.3, "high"), (">=", 0.2, None), ("<", 0.05, "low")])
def test_a_value_with_a_comparator_is_flagged_only_when_certain(
        comparator: str, value: float, expected: str | None) -> None:
    o = obs(1, "2890-2", value, "g/g", "2024-01-01", referenceRange=[
        {"low": {"value": 0.05, "system": UCUM, "code": "g/g"},
         "high": {"value": 0.2, "system": UCUM, "code": "g/g"}}])
    o["valueQuantity"]["comparator"] = comparator
    f = flag(measurements(o)[0])
    assert (f.kind if f else None) == expected


@pytest.mark.parametrize(("code", "unit", "values", "expected"), [
    ("8310-5", "Cel", [37.0, 38.5, 39.4], "up"),       # fever: 0.5 °C, not a ratio
    ("8310-5", "Cel", [36.8, 37.0, 36.9], "stable"),
    ("8310-5", "Cel", [37.2, 38.9, 37.0], "fluctuating"),
    ("8310-5", "[degF]", [98.6, 99.2], "stable"),      # 0.33 °C
    ("2744-1", "[pH]", [7.40, 7.28], "down"),
    ("2744-1", "[pH]", [7.40, 7.38], "stable")])
def test_interval_scales_use_an_absolute_limit(code: str, unit: str, values: list[float],
                                               expected: str) -> None:
    assert directions(code, values, unit) == [expected]


def test_a_therapeutic_target_range_serves_when_no_normal_range_is_given() -> None:
    from operations.summarize.wording import reference_range

    target = {"type": {"coding": [{"code": "treatment"}]},
              "low": {"value": 2.0}, "high": {"value": 3.0}}
    m = measurements(obs(1, "6301-6", 3.9, "{INR}", "2024-01-01", referenceRange=[target]))[0]
    f = flag(m)
    assert f is not None and f.kind == "high"
    assert reference_range(m, "fr") == "2,0–3,0 (cible thérapeutique)"
    assert reference_range(m, "en") == "2.0–3.0 (therapeutic target)"
