"""Observations read as measurements: code, time, value as written, unit, reference range,
interpretation (https://hl7.org/fhir/R4/observation.html).

A component with its own ``valueQuantity`` (e.g. the systolic and diastolic pressures of a
blood-pressure panel) is a measurement of its own, attributed to its Observation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fhir_server.errors import OperationOutcomeError
from fhir_server.fhirtime import parse_range
from fhir_server.search.units import canonical

from .noise import ANALYTES

LOINC = "http://loinc.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
SKIPPED_STATUS = {"entered-in-error", "cancelled"}


@dataclass(frozen=True)
class Bound:
    """One end of a reference range, as written."""

    value: float
    text: str
    unit_code: str | None
    unit_system: str | None


@dataclass
class Measurement:
    ref: str                 # Observation/id
    key: str                 # series key: system|code of the (component) code
    loinc: str | None
    name: str                # as written (code.text or the first display)
    when: datetime | None
    when_text: str           # the effective date/time as written
    value: float | None      # valueQuantity.value
    value_text: str          # the value as written (number or coded/text value)
    unit: str                # unit as written (valueQuantity.unit, else its code)
    unit_code: str | None
    unit_system: str | None
    low: Bound | None = None
    high: Bound | None = None
    range_text: str = ""
    interpretation: list[str] = field(default_factory=list)
    comparator: str = ""
    #: the name is the code's own text (as the laboratory wrote it), not a coding display
    has_text: bool = False
    #: the (component) code as the source gives it
    concept: dict[str, Any] = field(default_factory=dict)
    #: "normal", or "treatment" when only a therapeutic target range is given (e.g. INR)
    range_kind: str = "normal"

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.when.isoformat() if self.when else "", self.ref)

    def canonical(self, value: float | None = None) -> tuple[float, str] | None:
        """(value, SI unit) of ``value`` (default: the measurement's) in this unit."""
        v = self.value if value is None else value
        if v is None:
            return None
        return canonical(v, self.unit_system, self.unit_code)


def number_text(value: Any) -> str:
    """A JSON number as written (integers without a decimal part)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _when(obs: dict[str, Any]) -> tuple[datetime | None, str]:
    text = obs.get("effectiveDateTime") or obs.get("effectiveInstant") or \
        (obs.get("effectivePeriod") or {}).get("start") or obs.get("issued") or ""
    if not text:
        return None, ""
    try:
        return parse_range(str(text))[0], str(text)
    except OperationOutcomeError:
        return None, str(text)


def concept_name(concept: dict[str, Any]) -> str:
    if concept.get("text"):
        return str(concept["text"])
    for c in concept.get("coding") or []:
        if c.get("display"):
            return str(c["display"])
    for c in concept.get("coding") or []:
        if c.get("code"):
            return str(c["code"])
    return "?"


def _key(concept: dict[str, Any]) -> tuple[str, str | None]:
    """(series key, LOINC code): LOINC codes of one analyte in the noise table (e.g. serum
    creatinine by mass and by substance, eGFR by any equation) share one key."""
    codings = [c for c in concept.get("coding") or [] if c.get("code")]
    loinc = next((str(c["code"]) for c in codings if c.get("system") == LOINC), None)
    if loinc:
        known = ANALYTES.get(loinc)
        return (f"analyte|{known.en}" if known else f"{LOINC}|{loinc}"), loinc
    if codings:
        return f"{codings[0].get('system', '')}|{codings[0]['code']}", None
    return f"text|{concept_name(concept).lower()}", None


def _bound(q: dict[str, Any] | None) -> Bound | None:
    if not isinstance(q, dict) or not isinstance(q.get("value"), (int, float)):
        return None
    return Bound(float(q["value"]), number_text(q["value"]), q.get("code") or q.get("unit"),
                 q.get("system"))


def _interpretation(items: list[dict[str, Any]]) -> list[str]:
    return [str(c["code"]) for i in items for c in i.get("coding") or []
            if c.get("code") and c.get("system") in (INTERPRETATION, None)]


def _coded_value(holder: dict[str, Any]) -> str | None:
    if "valueCodeableConcept" in holder:
        return concept_name(holder["valueCodeableConcept"])
    for k in ("valueString", "valueBoolean", "valueInteger"):
        if k in holder:
            return number_text(holder[k]) if k != "valueString" else str(holder[k])
    return None


def _range_type(r: dict[str, Any]) -> set[str]:
    return {str(c.get("code")) for c in (r.get("type") or {}).get("coding") or []}


def _range(ranges: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    """The normal range (untyped or typed ``normal``), else a therapeutic target range."""
    for r in ranges:
        if not r.get("type") or "normal" in _range_type(r):
            return r, "normal"
    for r in ranges:
        if _range_type(r) & {"treatment", "therapeutic"}:
            return r, "treatment"
    return None, "normal"


def _one(ref: str, holder: dict[str, Any], when: tuple[datetime | None, str],
         ranges: list[dict[str, Any]], interp: list[str]) -> Measurement | None:
    code = holder.get("code") or {}
    key, loinc = _key(code)
    q = holder.get("valueQuantity")
    value: float | None = None
    unit = ""
    unit_code = unit_system = None
    comparator = ""
    if isinstance(q, dict) and isinstance(q.get("value"), (int, float)):
        value = float(q["value"])
        value_text = number_text(q["value"])
        unit_code = q.get("code") or q.get("unit")
        unit_system = q.get("system")
        unit = str(q.get("unit") or q.get("code") or "")
        comparator = str(q.get("comparator") or "")
    else:
        coded = _coded_value(holder)
        if coded is None:
            return None
        value_text = coded
    rng, kind = _range(ranges)
    m = Measurement(ref, key, loinc, concept_name(code), when[0], when[1], value, value_text,
                    unit, unit_code, unit_system, interpretation=interp, comparator=comparator,
                    has_text=bool(code.get("text")), concept=dict(code), range_kind=kind)
    if rng:
        m.low, m.high = _bound(rng.get("low")), _bound(rng.get("high"))
        m.range_text = str(rng.get("text") or "")
        if not (m.low or m.high) and m.range_text:
            m.low, m.high = range_from_text(m.range_text, unit_code, unit_system)
    return m


_NUM = r"(\d+(?:[.,]\d+)?)"


def range_from_text(text: str, code: str | None, system: str | None
                    ) -> tuple[Bound | None, Bound | None]:
    """Limits of a range written as text: ``3.5-5.0``, ``3,5 à 5,0``, ``< 5``, ``>= 60``."""
    def b(x: str) -> Bound:
        return Bound(float(x.replace(",", ".")), x, code, system)

    t = text.strip()
    if m := re.fullmatch(_NUM + r"\s*(?:-|–|—|to|à|a)\s*" + _NUM + r"(?:\s*\S.*)?", t):
        return b(m.group(1)), b(m.group(2))
    if m := re.fullmatch(r"(?:<|<=|≤|inf[ée]rieur à|below)\s*" + _NUM + r"(?:\s*\S.*)?", t):
        return None, b(m.group(1))
    if m := re.fullmatch(r"(?:>|>=|≥|sup[ée]rieur à|above)\s*" + _NUM + r"(?:\s*\S.*)?", t):
        return b(m.group(1)), None
    return None, None


def measurements(obs: dict[str, Any]) -> list[Measurement]:
    """The measurements of one Observation (itself and its valued components)."""
    if obs.get("status") in SKIPPED_STATUS or obs.get("dataAbsentReason"):
        return []
    ref = f"Observation/{obs['id']}"
    when = _when(obs)
    out: list[Measurement] = []
    top = _one(ref, obs, when, obs.get("referenceRange") or [],
               _interpretation(obs.get("interpretation") or []))
    if top:
        out.append(top)
    for comp in obs.get("component") or []:
        m = _one(ref, comp, when, comp.get("referenceRange") or [],
                 _interpretation(comp.get("interpretation") or []))
        if m:
            out.append(m)
    return out
