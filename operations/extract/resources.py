"""Facts as FHIR R4 resources, shaped as the ``$extract`` contract says.

* AllergyIntolerance: https://hl7.org/fhir/R4/allergyintolerance.html
* MedicationStatement: https://hl7.org/fhir/R4/medicationstatement.html
* Condition: https://hl7.org/fhir/R4/condition.html
* FamilyMemberHistory: https://hl7.org/fhir/R4/familymemberhistory.html

Each carries the evidence extension (``offset``, ``length`` in code points, ``quote``).
"""

from __future__ import annotations

from typing import Any

from .dosage import dosage
from .facts import DISPLAY, Fact

EVIDENCE_URL = "http://fhir-ai.example.org/StructureDefinition/evidence"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
ATC = "http://www.whocc.no/atc"
SNOMED = "http://snomed.info/sct"
COND_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
COND_VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VER = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"

#: Confidence per kind of fact: fixed priors for the rules, not calibrated per fact.
CONFIDENCE = {"allergy": 0.9, "medication": 0.9, "condition": 0.8, "family": 0.8}


def evidence(fact: Fact) -> dict[str, Any]:
    return {"url": EVIDENCE_URL, "extension": [
        {"url": "offset", "valueInteger": fact.start},
        {"url": "length", "valueInteger": fact.end - fact.start},
        {"url": "quote", "valueString": fact.text}]}


def _cc(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding]}


def _allergy(fact: Fact, subject: dict[str, Any] | None) -> dict[str, Any]:
    res: dict[str, Any] = {"resourceType": "AllergyIntolerance"}
    code: dict[str, Any] = {"text": fact.text}
    if fact.status == "refuted" and fact.what:
        code["coding"] = [{"system": SNOMED, "code": "409137002",
                           "display": "No known history of drug allergy"}
                          if fact.what == "medication" else
                          {"system": SNOMED, "code": "716186003", "display": "No known allergy"}]
        res["clinicalStatus"] = _cc(ALLERGY_CLINICAL, "inactive")  # ait-1: always present
        res["verificationStatus"] = _cc(ALLERGY_VER, "refuted")
    else:
        if fact.code:
            code["coding"] = [{"system": ATC, "code": fact.code}]
        res["clinicalStatus"] = _cc(ALLERGY_CLINICAL,
                                    "inactive" if fact.status == "refuted" else "active")
        res["verificationStatus"] = _cc(ALLERGY_VER, "refuted" if fact.status == "refuted"
                                        else "unconfirmed")
        res["type"] = fact.allergy_type
        if fact.code:
            res["category"] = ["medication"]
    res["code"] = code
    if subject:
        res["patient"] = subject
    if fact.reactions and fact.status != "refuted":
        res["reaction"] = [{"manifestation": [{"text": r} for r in fact.reactions]}]
    return res


def _medication(fact: Fact, subject: dict[str, Any] | None) -> dict[str, Any]:
    med: dict[str, Any] = {"text": fact.text}
    if fact.code:
        med["coding"] = [{"system": ATC, "code": fact.code}]
    res: dict[str, Any] = {"resourceType": "MedicationStatement", "status": fact.status,
                           "medicationCodeableConcept": med}
    if subject:
        res["subject"] = subject
    dose = dosage(fact.dosage_text)
    if dose:
        res["dosage"] = [dose]
    return res


def _condition(fact: Fact, subject: dict[str, Any] | None) -> dict[str, Any]:
    ver = {"refuted": "refuted", "provisional": "provisional"}.get(fact.status, "unconfirmed")
    res: dict[str, Any] = {
        "resourceType": "Condition",
        "verificationStatus": _cc(COND_VER, ver),
        "code": {"coding": [{"system": ICD10, "code": fact.code,
                             "display": DISPLAY.get(fact.code, "")}], "text": fact.text}}
    if fact.status != "refuted":
        res["clinicalStatus"] = _cc(COND_CLINICAL,
                                    "resolved" if fact.status == "resolved" else "active")
    if subject:
        res["subject"] = subject
    return res


def _family(fact: Fact, subject: dict[str, Any] | None) -> dict[str, Any]:
    res: dict[str, Any] = {
        "resourceType": "FamilyMemberHistory", "status": "partial",
        "relationship": _cc(ROLE_CODE, fact.relation),
        "condition": [{"code": {"coding": [{"system": ICD10, "code": fact.code,
                                            "display": DISPLAY.get(fact.code, "")}],
                                "text": fact.text}}]}
    if subject:
        res["patient"] = subject
    return res


_BUILDERS = {"allergy": _allergy, "medication": _medication, "condition": _condition,
             "family": _family}


def to_resource(fact: Fact, subject: dict[str, Any] | None) -> dict[str, Any]:
    res = _BUILDERS[fact.kind](fact, subject)
    res["extension"] = [evidence(fact)]
    return res
