"""Significant results: abnormal values and trends of the stay's Observations.

* A value is abnormal when ``Observation.interpretation`` says so (v3 ObservationInterpretation
  H, HH, HU, > : high; L, LL, LU, < : low; A, AA : abnormal) or, without an interpretation, when
  it lies outside ``referenceRange[0]`` (https://hl7.org/fhir/R4/observation.html#value).
* A series is the numeric values of one code (LOINC first) in one unit, by time. With two
  values or more its course is judged against a tolerance ``tol(v) = max(rel * |v|, abs)``:
  for the analytes of the table below, ``rel`` (analytical variation) and ``abs`` (smallest
  meaningful change, in the usual unit) are the table's; for any other code ``rel`` is 5 %
  and ``abs`` 0. A change within ``tol`` is measurement noise: the
  series is *stable* and never called a trend. Otherwise *rising* / *falling* (last against
  first), or *peak* / *trough* when a middle value departs from both ends by more than ``tol``.
* Reported: every series with an abnormal value or a course that is not stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .gather import Resource, ref
from .text import codings, concept_text

LOINC = "http://loinc.org"
OBS_INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
HIGH = {"H", "HH", "HU", ">"}
LOW = {"L", "LL", "LU", "<"}
ABNORMAL = {"A", "AA"}

#: LOINC -> (relative, absolute) tolerance: analytical variation / smallest meaningful change.
TOLERANCE: dict[str, tuple[float, float]] = {
    "1988-5": (0.08, 3.0),       # CRP mg/L
    "2160-0": (0.06, 8.0),       # creatinine umol/L (also mg/dL: abs scaled below)
    "14682-9": (0.06, 8.0),      # creatinine umol/L
    "718-7": (0.03, 5.0),        # haemoglobin g/L
    "6690-2": (0.05, 0.5),       # leukocytes 10*9/L
    "777-3": (0.05, 15.0),       # platelets 10*9/L
    "2823-3": (0.03, 0.3),       # potassium mmol/L
    "2951-2": (0.01, 2.0),       # sodium mmol/L
    "2345-7": (0.05, 0.3),       # glucose mmol/L
    "8310-5": (0.0, 0.3),        # body temperature Cel
    "8867-4": (0.05, 5.0),       # heart rate /min
    "8480-6": (0.05, 5.0),       # systolic BP mmHg
    "59408-5": (0.0, 2.0),       # SpO2 %
    "2708-6": (0.0, 2.0),        # SaO2 %
    "33762-6": (0.1, 0.0),       # NT-proBNP
    "10839-9": (0.1, 0.0),       # troponin I
    "6598-7": (0.1, 0.0),        # troponin T
    "89579-7": (0.1, 0.0),       # troponin I hs
    "67151-1": (0.1, 0.0),       # troponin T hs
    "1742-6": (0.08, 3.0),       # ALT
    "33959-8": (0.1, 0.05),      # procalcitonin
    "2093-3": (0.05, 0.1),       # cholesterol
    "4548-4": (0.03, 0.1),       # HbA1c %
}


@dataclass
class Point:
    obs: Resource
    when: str
    value: float
    flag: str  # high | low | abnormal | ""


@dataclass
class Series:
    key: str
    name: str
    quantity: dict[str, Any]  # the last value's Quantity (unit)
    points: list[Point] = field(default_factory=list)
    course: str = ""  # stable | rising | falling | peak | trough | "" (one value)
    extreme: Point | None = None
    range_low: dict[str, Any] | None = None
    range_high: dict[str, Any] | None = None
    range_text: str = ""

    @property
    def abnormal(self) -> bool:
        return any(p.flag for p in self.points)

    @property
    def refs(self) -> list[str]:
        return [ref(p.obs) for p in self.points]


def flag(obs: Resource, value: float) -> str:
    for concept in obs.get("interpretation") or []:
        for system, code in codings(concept):
            if system in (OBS_INTERP, "") or "ObservationInterpretation" in system \
                    or system.endswith("v2-0078"):
                if code in HIGH:
                    return "high"
                if code in LOW:
                    return "low"
                if code in ABNORMAL:
                    return _by_range(obs, value) or "abnormal"
                if code == "N":
                    return ""
    return _by_range(obs, value)


def _by_range(obs: Resource, value: float) -> str:
    rng = (obs.get("referenceRange") or [{}])[0]
    low = (rng.get("low") or {}).get("value")
    high = (rng.get("high") or {}).get("value")
    if high is not None and value > float(high):
        return "high"
    if low is not None and value < float(low):
        return "low"
    return ""


def tolerance(code: str, value: float) -> float:
    rel, absolute = TOLERANCE.get(code, (0.05, 0.0))
    return max(rel * abs(value), absolute) + 1e-9  # + rounding of decimal values


def judge(series: Series, code: str) -> None:
    pts = series.points
    if len(pts) < 2:
        return
    first, last = pts[0], pts[-1]
    hi = max(pts, key=lambda p: p.value)
    lo = min(pts, key=lambda p: p.value)
    if hi.value - lo.value <= tolerance(code, first.value):
        series.course = "stable"
        return
    inner = pts[1:-1]
    if inner and hi in inner and hi.value - first.value > tolerance(code, first.value) \
            and hi.value - last.value > tolerance(code, hi.value):
        series.course, series.extreme = "peak", hi
    elif inner and lo in inner and first.value - lo.value > tolerance(code, first.value) \
            and last.value - lo.value > tolerance(code, lo.value):
        series.course, series.extreme = "trough", lo
    elif abs(last.value - first.value) <= tolerance(code, first.value):
        series.course = "stable"
    else:
        series.course = "rising" if last.value > first.value else "falling"


def _when(obs: Resource) -> str:
    return str(obs.get("effectiveDateTime") or (obs.get("effectivePeriod") or {}).get("start")
               or obs.get("effectiveInstant") or obs.get("issued") or "")


def _measures(obs: Resource) -> list[Resource]:
    """The Observation itself, or its components (blood pressure panels...), which carry the
    same ``code`` / ``valueQuantity`` / ``interpretation`` / ``referenceRange`` elements."""
    parts = [c for c in obs.get("component") or [] if isinstance(c, dict)]
    return [obs, *parts] if isinstance(obs.get("valueQuantity"), dict) or not parts else parts


def series_of(observations: list[Resource]) -> list[Series]:
    """Numeric Observations grouped by code and unit, each judged; in first-seen order."""
    groups: dict[str, Series] = {}
    codes: dict[str, str] = {}
    for obs in sorted(observations, key=_when):
        for part in _measures(obs):
            q = part.get("valueQuantity")
            if not isinstance(q, dict) or q.get("value") is None:
                continue
            cs = codings(part.get("code"))
            loinc = next((c for s, c in cs if s == LOINC), "")
            code = loinc or (f"{cs[0][0]}|{cs[0][1]}" if cs else concept_text(part.get("code")))
            key = f"{code}|{q.get('code') or q.get('unit') or ''}"
            value = float(q["value"])
            s = groups.get(key)
            if s is None:
                s = groups[key] = Series(key, concept_text(part.get("code")), q)
                codes[key] = loinc
            s.quantity = q
            s.points.append(Point(obs, _when(obs), value, flag(part, value)))
            rng = (part.get("referenceRange") or [{}])[0]
            s.range_low, s.range_high = rng.get("low"), rng.get("high")
            s.range_text = str(rng.get("text") or "")
    for key, s in groups.items():
        judge(s, codes[key])
    return list(groups.values())


@dataclass
class Finding:
    """A non-numeric result flagged abnormal (e.g. a positive culture)."""

    obs: Resource
    name: str
    value: str
    when: str
    flag: str


QUALITATIVE = {"POS": "positive", "DET": "detected", "A": "abnormal", "AA": "abnormal",
               "H": "high", "HH": "high", "L": "low", "LL": "low", "R": "abnormal"}


def findings(observations: list[Resource]) -> list[Finding]:
    out = []
    for obs in sorted(observations, key=_when):
        value = concept_text(obs.get("valueCodeableConcept")) or str(obs.get("valueString") or "")
        if not value:
            continue
        for concept in obs.get("interpretation") or []:
            found = [QUALITATIVE[c] for _, c in codings(concept) if c in QUALITATIVE]
            if found:
                out.append(Finding(obs, concept_text(obs.get("code")), value, _when(obs),
                                   found[0]))
                break
    return out


def significant(observations: list[Resource]) -> list[Series]:
    return [s for s in series_of(observations) if s.abnormal or s.course not in ("", "stable")]
