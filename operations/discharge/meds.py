"""Which drugs the patient leaves with, and which were stopped or changed during the stay.

The rule (docs/discharge.md), applied to MedicationRequest
(https://hl7.org/fhir/R4/medicationrequest.html) and MedicationStatement
(https://hl7.org/fhir/R4/medicationstatement.html):

1. A request named by another request's ``priorPrescription`` was *replaced*: it is never a
   discharge medication; with its successor it forms a change (a switch when the drug differs,
   a dose change when the same drug has another dosage).
2. A request ``stopped`` / ``cancelled`` is *stopped*, ``completed`` is a *completed* course,
   ``on-hold`` is *suspended*; a statement ``stopped`` / ``completed`` / ``not-taken`` dated in
   the stay is *stopped*. None of them is a discharge medication.
3. A request ``active`` (intent other than ``proposal``) that was not replaced is a discharge
   medication; *new* when authored during the stay and no home medication has the same drug.
4. A statement ``active`` / ``intended`` (home medication) is a discharge medication unless the
   same drug (same ATC code, else same first word of the name) was stopped, completed or
   suspended during the stay, or an active request for it exists (the request is listed; a
   different dosage is reported as a dose change).

Stopped, completed, suspended, changed and new drugs make the "medication changes" section
(LOINC 87232-5); rules 1-2 keep every stopped drug out of discharge medications (75311-1).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .gather import Resource, Stay, ref
from .text import concept_text, fmt_number, fmt_quantity, parse_date

ATC = "http://www.whocc.no/atc"
STOPPED = {"stopped": "stopped", "cancelled": "stopped", "completed": "completed",
           "on-hold": "suspended", "not-taken": "stopped"}


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@dataclass
class Med:
    resource: Resource
    name: str
    dose: str
    atc: str
    status: str

    @property
    def ref(self) -> str:
        return ref(self.resource)

    @property
    def key(self) -> str:
        if self.atc:
            return self.atc
        words = _norm(self.name).split()
        return words[0] if words else ""

    @property
    def authored(self) -> Any:
        r = self.resource
        return parse_date(r.get("authoredOn") or r.get("dateAsserted") or r.get(
            "effectiveDateTime") or (r.get("effectivePeriod") or {}).get("end"))

    @property
    def reason(self) -> str:
        return concept_text(self.resource.get("statusReason")) if isinstance(
            self.resource.get("statusReason"), dict) else " ".join(
            concept_text(c) for c in self.resource.get("statusReason") or [])


@dataclass
class Change:
    kind: str  # stopped | completed | suspended | switched | dose | new
    med: Med
    previous: Med | None = None


@dataclass
class MedPlan:
    discharge: list[Med] = field(default_factory=list)
    new: set[str] = field(default_factory=set)  # refs of discharge meds started in the stay
    changes: list[Change] = field(default_factory=list)
    has_data: bool = False


def _dose(resource: Resource, lang: str) -> str:
    dosages = resource.get("dosageInstruction") or resource.get("dosage") or []
    if not dosages or not isinstance(dosages[0], dict):
        return ""
    d = dosages[0]
    if d.get("text"):
        return str(d["text"])
    parts = []
    for dr in d.get("doseAndRate") or []:
        q = fmt_quantity(dr.get("doseQuantity"), lang) if isinstance(dr, dict) else ""
        if q:
            parts.append(q)
    rep = ((d.get("timing") or {}).get("repeat") or {})
    if rep.get("frequency") and rep.get("period") and rep.get("periodUnit") == "d":
        n = fmt_number(rep["frequency"], lang)
        parts.append(f"{n} fois par jour" if lang == "fr" else f"{n} times a day")
    elif rep.get("frequency") and rep.get("period") and rep.get("periodUnit") == "h":
        every = fmt_number(rep["period"], lang)
        parts.append(f"toutes les {every} h" if lang == "fr" else f"every {every} h")
    route = concept_text(d.get("route"))
    if route:
        parts.append(route)
    return ", ".join(parts)


def med_of(resource: Resource, lang: str) -> Med:
    concept = resource.get("medicationCodeableConcept")
    name = concept_text(concept) or str((resource.get("medicationReference") or {}).get(
        "display") or "")
    atc = ""
    for c in (concept or {}).get("coding") or []:
        if isinstance(c, dict) and c.get("system") == ATC and c.get("code"):
            atc = str(c["code"])
    return Med(resource, name, _dose(resource, lang), atc, str(resource.get("status") or ""))


def plan(stay: Stay, lang: str) -> MedPlan:
    out = MedPlan(has_data=bool(stay.med_requests or stay.med_statements))
    requests = [med_of(r, lang) for r in stay.med_requests]
    statements = [med_of(s, lang) for s in stay.med_statements]
    by_ref = {m.ref: m for m in requests}
    replaced: dict[str, Med] = {}  # prior ref -> successor
    for m in requests:
        prior = (m.resource.get("priorPrescription") or {}).get("reference")
        if isinstance(prior, str) and prior in by_ref:
            replaced[prior] = m
    successors = {id(m) for m in replaced.values()}
    stopped_keys: set[str] = set()
    for m in requests:
        if m.ref in replaced:
            nxt = replaced[m.ref]
            kind = "switched" if m.key != nxt.key else "dose"
            out.changes.append(Change(kind, nxt, m))
            if kind == "switched":
                stopped_keys.add(m.key)
        elif m.status in STOPPED:
            out.changes.append(Change(STOPPED[m.status], m))
            stopped_keys.add(m.key)
    for s in statements:
        if s.status in STOPPED and _in_stay(stay, s):
            out.changes.append(Change(STOPPED[s.status], s))
            stopped_keys.add(s.key)
    active = [m for m in requests if m.status == "active" and m.ref not in replaced
              and m.resource.get("intent") != "proposal"]
    active_keys = {m.key for m in active}
    home: dict[str, Med] = {}
    for s in statements:
        if s.status not in ("active", "intended"):
            continue
        if s.key in active_keys:
            home[s.key] = s
            continue
        if s.key in stopped_keys:
            if not any(c.med.key == s.key for c in out.changes):
                out.changes.append(Change("stopped", s))
            continue
        out.discharge.append(s)
    for m in active:
        out.discharge.append(m)
        prev = home.get(m.key)
        if prev is not None and m.dose and prev.dose and not _same_dose(prev.dose, m.dose):
            out.changes.append(Change("dose", m, prev))
        elif prev is None and id(m) not in successors and _in_stay(stay, m) \
                and m.key not in stopped_keys:
            out.new.add(m.ref)
            out.changes.append(Change("new", m))
    return out


COUNT_WORDS = {"once": "1", "twice": "2", "thrice": "3", "three times": "3", "une fois": "1",
               "deux fois": "2", "trois fois": "3"}


def _dose_numbers(text: str) -> set[str]:
    t = _norm(text)
    for w, n in COUNT_WORDS.items():
        t = re.sub(rf"\b{w}\b", f" {n} ", t)
    return {n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", t)}


def _same_dose(a: str, b: str) -> bool:
    """Same wording, or the same numbers with counts read as numbers ("5 mg once daily" and
    "5 mg 1 fois par jour" agree; "5 mg twice daily" does not)."""
    if _norm(a) == _norm(b):
        return True
    na, nb = _dose_numbers(a), _dose_numbers(b)
    return bool(na) and na == nb


def _in_stay(stay: Stay, med: Med) -> bool:
    linked = f"Encounter/{stay.encounter['id']}" in (
        str((med.resource.get("encounter") or med.resource.get("context") or {}).get(
            "reference")),)
    r = med.resource
    dates = [parse_date(x) for x in (r.get("authoredOn"), r.get("dateAsserted"),
                                     r.get("effectiveDateTime"),
                                     (r.get("effectivePeriod") or {}).get("start"),
                                     (r.get("effectivePeriod") or {}).get("end"))]
    inside = any(d is not None and stay.start is not None and stay.start <= d and (
        stay.end is None or d <= stay.end) for d in dates)
    return linked or inside
