"""What the record holds for one stay, read through the repository.

The Encounter (https://hl7.org/fhir/R4/encounter.html), its Patient, and the patient's
Conditions, Procedures, MedicationRequests, MedicationStatements, AllergyIntolerances,
Observations, DiagnosticReports, CarePlans and ServiceRequests that belong to the stay: a
resource belongs to it when it references the Encounter (``encounter`` / ``context``), is
named by ``Encounter.diagnosis`` / ``reasonReference``, or is dated inside ``Encounter.period``.
Allergies are the patient's, whatever their date. Medications dated before the stay that are
still ``active`` are home medications and belong to it too. Resources ``entered-in-error``
are never used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fhir_server.errors import OperationOutcomeError, bad_request
from fhir_server.storage.repository import Repository

from .text import parse_date

Resource = dict[str, Any]
MAX = "1000"


@dataclass
class Stay:
    encounter: Resource
    patient: Resource
    start: date | None
    end: date | None
    conditions: list[Resource] = field(default_factory=list)
    procedures: list[Resource] = field(default_factory=list)
    med_requests: list[Resource] = field(default_factory=list)
    med_statements: list[Resource] = field(default_factory=list)
    allergies: list[Resource] = field(default_factory=list)
    observations: list[Resource] = field(default_factory=list)
    reports: list[Resource] = field(default_factory=list)
    care_plans: list[Resource] = field(default_factory=list)
    service_requests: list[Resource] = field(default_factory=list)

    @property
    def encounter_ref(self) -> str:
        return f"Encounter/{self.encounter['id']}"

    @property
    def patient_ref(self) -> str:
        return f"Patient/{self.patient['id']}"


def ref(resource: Resource) -> str:
    return f"{resource['resourceType']}/{resource['id']}"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [str(node["reference"])] if isinstance(node.get("reference"), str) else []
    if isinstance(node, list):
        return [r for n in node for r in _refs(n)]
    return []


def _first_date(resource: Resource, *paths: str) -> date | None:
    for path in paths:
        node: Any = resource
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        d = parse_date(node)
        if d is not None:
            return d
    return None


class _Window:
    def __init__(self, stay: Stay) -> None:
        self.stay = stay

    def inside(self, d: date | None) -> bool:
        if d is None or self.stay.start is None:
            return False
        return self.stay.start <= d and (self.stay.end is None or d <= self.stay.end)

    def linked(self, resource: Resource, *fields: str) -> bool:
        return any(self.stay.encounter_ref in _refs(resource.get(f)) for f in fields)


def _search(repo: Repository, rtype: str, params: list[tuple[str, str]]) -> list[Resource]:
    found = repo.search(rtype, [*params, ("_count", MAX)]).resources
    return [r for r in found if r.get("status") != "entered-in-error"
            and _code(r.get("verificationStatus")) != "entered-in-error"]


def _code(concept: Any) -> str:
    if isinstance(concept, dict):
        for c in concept.get("coding") or []:
            if isinstance(c, dict) and c.get("code"):
                return str(c["code"])
    return ""


def gather(repo: Repository, encounter_id: str) -> Stay:
    """The stay of ``Encounter/encounter_id`` (404 when unknown, 410 when deleted)."""
    encounter = repo.read("Encounter", encounter_id).resource or {}
    subject = (encounter.get("subject") or {}).get("reference")
    if not isinstance(subject, str) or not subject.startswith("Patient/"):
        raise bad_request(f"Encounter/{encounter_id} has no Patient subject", "Encounter.subject")
    patient = repo.read("Patient", subject.split("/", 1)[1]).resource or {}
    period = encounter.get("period") or {}
    stay = Stay(encounter, patient, parse_date(period.get("start")), parse_date(period.get("end")))
    win = _Window(stay)
    pat = stay.patient_ref
    named = set(_refs([d.get("condition") for d in encounter.get("diagnosis") or []
                       if isinstance(d, dict)]) + _refs(encounter.get("reasonReference")))
    stay.conditions = [c for c in _search(repo, "Condition", [("subject", pat)])
                       if ref(c) in named or win.linked(c, "encounter")
                       or win.inside(_first_date(c, "recordedDate", "onsetDateTime"))]
    stay.procedures = [p for p in _search(repo, "Procedure", [("subject", pat)])
                       if p.get("status") != "not-done" and (
                           win.linked(p, "encounter") or win.inside(
                               _first_date(p, "performedDateTime", "performedPeriod.start")))]
    stay.med_requests = [m for m in _search(repo, "MedicationRequest", [("subject", pat)])
                         if win.linked(m, "encounter")
                         or win.inside(_first_date(m, "authoredOn"))
                         or (m.get("status") == "active" and _before_end(stay, m, "authoredOn"))]
    stay.med_statements = [m for m in _search(repo, "MedicationStatement", [("subject", pat)])
                           if win.linked(m, "context")
                           or any(win.inside(_first_date(m, p)) for p in (
                               "dateAsserted", "effectivePeriod.end", "effectivePeriod.start",
                               "effectiveDateTime"))
                           or (m.get("status") in ("active", "intended")
                               and _before_end(stay, m, "dateAsserted", "effectiveDateTime",
                                               "effectivePeriod.start"))]
    stay.med_requests = [_medication(repo, m) for m in stay.med_requests]
    stay.med_statements = [_medication(repo, m) for m in stay.med_statements]
    stay.allergies = _search(repo, "AllergyIntolerance", [("patient", pat)])
    stay.observations = [o for o in _observations(repo, stay)
                         if o.get("status") not in ("cancelled", "registered")
                         and (win.linked(o, "encounter") or win.inside(
                             _first_date(o, "effectiveDateTime", "effectivePeriod.start",
                                         "effectiveInstant", "issued")))]
    stay.reports = [r for r in _search(repo, "DiagnosticReport", [("subject", pat)])
                    if r.get("status") not in ("cancelled", "registered")
                    and (win.linked(r, "encounter") or win.inside(
                        _first_date(r, "effectiveDateTime", "effectivePeriod.start", "issued")))]
    stay.care_plans = [c for c in _search(repo, "CarePlan", [("subject", pat)])
                       if c.get("status") in ("active", "draft", "on-hold")
                       and (win.linked(c, "encounter") or win.inside(
                           _first_date(c, "created", "period.start")))]
    stay.service_requests = [s for s in _search(repo, "ServiceRequest", [("subject", pat)])
                             if s.get("status") in ("active", "draft", "on-hold")
                             and (win.linked(s, "encounter")
                                  or win.inside(_first_date(s, "authoredOn")))]
    return stay


def _observations(repo: Repository, stay: Stay) -> list[Resource]:
    """The patient's Observations dated in the stay (searched by date, since a patient may
    have thousands) and those that reference the Encounter."""
    params = [("subject", stay.patient_ref)]
    if stay.start is not None:
        params.append(("date", f"ge{stay.start.isoformat()}"))
    if stay.end is not None:
        params.append(("date", f"le{stay.end.isoformat()}"))
    found = {o["id"]: o for o in _search(repo, "Observation", params)}
    for o in _search(repo, "Observation", [("encounter", stay.encounter_ref)]):
        found.setdefault(o["id"], o)
    return list(found.values())


def _medication(repo: Repository, med: Resource) -> Resource:
    """``medicationReference`` replaced, in this in-memory copy, by the Medication's code
    (a contained one or a stored one), so that every rule reads ``medicationCodeableConcept``."""
    target = (med.get("medicationReference") or {}).get("reference")
    if med.get("medicationCodeableConcept") or not isinstance(target, str):
        return med
    medication: Resource | None = None
    if target.startswith("#"):
        medication = next((c for c in med.get("contained") or [] if isinstance(c, dict)
                           and c.get("id") == target[1:]), None)
    elif target.startswith("Medication/"):
        try:
            medication = repo.read("Medication", target.split("/", 1)[1]).resource
        except OperationOutcomeError:
            medication = None
    code = dict((medication or {}).get("code") or {})
    display = (med.get("medicationReference") or {}).get("display")
    if display and not code.get("text"):
        code["text"] = display
    return {**med, "medicationCodeableConcept": code} if code else med


#: SNOMED CT "no known ... allergy" situations (IPS): statements of absence, not allergies.
NO_KNOWN_ALLERGY = {"716186003", "409137002", "428607008", "429625007", "428197003"}


def is_absence(allergy: Resource) -> bool:
    """A refuted AllergyIntolerance, or one whose code says "no known allergy"."""
    if _code(allergy.get("verificationStatus")) == "refuted":
        return True
    code = allergy.get("code") or {}
    if any(isinstance(c, dict) and c.get("code") in NO_KNOWN_ALLERGY | {"no-allergy-info"}
           for c in code.get("coding") or []):
        return True
    text = str(code.get("text") or "").lower()
    return text.startswith(("no known", "nka", "nkda", "aucune allergie", "pas d'allergie"))


def _before_end(stay: Stay, resource: Resource, *paths: str) -> bool:
    """Dated on or before the end of the stay (a medication taken at home before it)."""
    d = _first_date(resource, *paths)
    return d is not None and (stay.end is None or d <= stay.end)
