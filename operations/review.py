"""Human review of AI outputs: ``POST [base]/[type]/[id]/$ai-review``.

A clinician or coder confirms or rejects an AI-asserted resource (DESIGN, "AI outputs:
transparency and review"). In one transaction the target's status changes (e.g.
Condition.verificationStatus ``unconfirmed`` -> ``confirmed``, Composition/DiagnosticReport
``preliminary`` -> ``final``, a confirmed Composition also gets the reviewer as its legal
``attester``; any output -> ``entered-in-error`` when rejected) and a Provenance
records the decision: agent of type ``verifier`` (the Practitioner), a Signature
(``urn:iso-astm:E1762-95:2013#1.2.840.10065.1.12.1.5``), the reviewed version as ``entity``
(role ``revision``), see https://hl7.org/fhir/R4/provenance.html and
https://hl7.org/fhir/R4/datatypes.html#Signature.

Input Parameters: ``decision`` code 1..1 (confirm | reject | correct), ``reviewer`` Reference
1..1 (Practitioner), ``coding`` Coding 0..1 (with ``correct``: the code the reviewer chose; it
replaces the AI-suggested codings, those with an inline AIAST label, see ``$code``),
``signature`` Signature 0..1 (default: a verification signature made now by the reviewer,
without data), ``comment`` string 0..1. Output Parameters: ``resource`` (the target as
stored) and ``provenance``.
"""

from __future__ import annotations

import copy
from typing import Any

from fhir_server.errors import bad_request
from fhir_server.fhirtime import instant
from fhir_server.ops import OperationSpec, OpRequest, register
from fhir_server.storage.repository import Tx

from .transparency import (
    AIAST,
    CODE_SYSTEM_TAG,
    DATA_OPERATION,
    INLINE_LABEL,
    MODEL_TAG,
    OPERATION_TAG,
    REVIEW_TAG,
    VERIFICATION_SIGNATURE,
    VERIFIER,
    is_ai_output,
    tag_values,
)

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/ai-review"
DECISIONS = ("confirm", "reject", "correct")
PAST = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}
VERIFICATION = {
    "Condition": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
    "AllergyIntolerance": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
}
#: ``status`` after confirmation, by resource type and current status.
CONFIRMED_STATUS: dict[str, dict[str, str]] = {
    "Composition": {"preliminary": "final"},
    "DiagnosticReport": {"preliminary": "final", "partial": "final"},
    "Observation": {"preliminary": "final"},
    "FamilyMemberHistory": {"partial": "completed"},
}
#: Types whose ``status`` has no ``entered-in-error`` code (rejection leaves them as they are).
NO_ERROR_STATUS = {"Device", "Patient", "Practitioner", "Organization"}


def _ai_coding(coding: Any) -> bool:
    return isinstance(coding, dict) and any(
        e.get("url") == INLINE_LABEL and (e.get("valueCoding") or {}).get("code") ==
        AIAST["code"] for e in coding.get("extension") or [] if isinstance(e, dict))


def _correct(concept: Any, coding: dict[str, Any]) -> tuple[Any, bool]:
    """``concept`` (a CodeableConcept) with its AI-labelled codings replaced by ``coding``."""
    if not isinstance(concept, dict) or not any(map(_ai_coding, concept.get("coding") or [])):
        return concept, False
    kept = [c for c in concept["coding"] if not _ai_coding(c)]
    kept = [c for c in kept if (c.get("system"), c.get("code")) !=
            (coding.get("system"), coding.get("code"))]
    return {**concept, "coding": [*kept, dict(coding)]}, True


def correct_codings(resource: dict[str, Any], coding: dict[str, Any]) -> dict[str, Any]:
    """The AI-suggested codings of ``resource`` (``code``, or a Claim's diagnoses) replaced
    by the reviewer's ``coding``."""
    found = False
    if "code" in resource:
        resource["code"], found = _correct(resource["code"], coding)
    for diagnosis in resource.get("diagnosis") or []:
        if isinstance(diagnosis, dict):
            concept, hit = _correct(diagnosis.get("diagnosisCodeableConcept"), coding)
            if hit:
                diagnosis["diagnosisCodeableConcept"], found = concept, True
    if not found:
        raise bad_request("The resource has no AI-suggested coding to correct", "coding")
    return resource


def apply_decision(resource: dict[str, Any], decision: str,
                   coding: dict[str, Any] | None = None) -> dict[str, Any]:
    """The target after ``decision`` (a copy); ``correct`` replaces the suggested coding by
    ``coding`` and confirms the rest."""
    out = copy.deepcopy(resource)
    if decision == "correct":
        out = correct_codings(out, coding or {})
        decision = "confirm"
    rtype = str(out.get("resourceType"))
    if rtype in VERIFICATION:
        current = ((out.get("verificationStatus") or {}).get("coding") or [{}])[0].get("code")
        new = ("entered-in-error" if decision == "reject"
               else "confirmed" if current in (None, "unconfirmed") else current)
        out["verificationStatus"] = {"coding": [{"system": VERIFICATION[rtype], "code": new}]}
        if decision == "reject" and rtype == "Condition":
            out.pop("clinicalStatus", None)  # con-5: no clinicalStatus when entered-in-error
    elif decision == "reject" and "status" in out and rtype not in NO_ERROR_STATUS:
        out["status"] = "entered-in-error"
    elif decision == "confirm" and "status" in out:
        out["status"] = CONFIRMED_STATUS.get(rtype, {}).get(out["status"], out["status"])
    return out


def _coding(req: OpRequest, decision: str) -> dict[str, Any] | None:
    coding = (req.param("coding") or {}).get("valueCoding")
    if decision != "correct":
        return None
    if not isinstance(coding, dict) or not coding.get("system") or not coding.get("code"):
        raise bad_request("decision 'correct' needs a 'coding' with system and code", "coding")
    return dict(coding)


def _inputs(req: OpRequest) -> tuple[str, dict[str, Any], dict[str, Any] | None, str | None]:
    p = req.param("decision")
    decision = (p or {}).get("valueCode") or (p or {}).get("valueString")
    if decision not in DECISIONS:
        raise bad_request("Parameter 'decision' must be 'confirm', 'reject' or 'correct'",
                          "decision")
    reviewer = (req.param("reviewer") or {}).get("valueReference")
    ref = (reviewer or {}).get("reference") if isinstance(reviewer, dict) else None
    if not isinstance(ref, str) or not ref.startswith(("Practitioner/", "PractitionerRole/")):
        raise bad_request("Parameter 'reviewer' must reference a Practitioner", "reviewer")
    sig = (req.param("signature") or {}).get("valueSignature")
    comment = (req.param("comment") or {}).get("valueString")
    return str(decision), {"reference": ref}, sig, comment


def review(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    assert req.resource_type and req.id
    decision, reviewer, signature, comment = _inputs(req)
    coding = _coding(req, decision)
    rtype, rid = req.resource_type, req.id

    def run(tx: Tx) -> dict[str, Any]:
        bound = req.repo.bound(tx.conn)
        rtype_r, _, rid_r = reviewer["reference"].partition("/")
        bound.read(rtype_r, rid_r)  # 404 / 410 when the reviewer does not exist
        tx.current(rtype, rid, lock=True)
        before = bound.read(rtype, rid)
        resource = before.resource or {}
        if not is_ai_output(resource):
            raise bad_request(f"{rtype}/{rid} is not an AI output (no AIAST security label)")
        after = apply_decision(resource, decision, coding)
        if rtype == "Composition" and decision == "confirm" and after != resource:
            # the signing clinician attests the document (R4 Composition.attester, mode legal)
            after["attester"] = [*after.get("attester", []), {
                "mode": "legal", "time": instant(tx.now), "party": dict(reviewer)}]
        stored = tx.update(rtype, rid, after)
        sig = signature or {"type": [dict(VERIFICATION_SIGNATURE)], "when": instant(tx.now),
                            "who": dict(reviewer)}
        tags = [{"system": REVIEW_TAG, "code": decision}]
        tags += [{"system": OPERATION_TAG, "code": c} for c in tag_values(resource, OPERATION_TAG)]
        tags += [{"system": MODEL_TAG, "code": c} for c in tag_values(resource, MODEL_TAG)]
        tags += [{"system": CODE_SYSTEM_TAG, "code": c}
                 for c in tag_values(resource, CODE_SYSTEM_TAG)]
        prov: dict[str, Any] = {
            "resourceType": "Provenance",
            "meta": {"tag": tags},
            "target": [{"reference": f"{rtype}/{rid}/_history/{stored.version_id}"}],
            "recorded": instant(tx.now),
            "activity": {"coding": [{"system": DATA_OPERATION, "code": "UPDATE"}],
                         "text": f"AI output {PAST[decision]}"},
            "agent": [{"type": {"coding": [dict(VERIFIER)]}, "who": dict(reviewer)}],
            "entity": [{"role": "revision", "what": {
                "reference": f"{rtype}/{rid}/_history/{before.version_id}"}}],
            "signature": [sig],
        }
        if comment:
            prov["reason"] = [{"text": comment}]
        saved = tx.create(prov)
        return {"resourceType": "Parameters", "parameter": [
            {"name": "resource", "resource": stored.resource},
            {"name": "provenance", "resource": saved.resource}]}

    return 200, req.repo.write(run), {}


register(OperationSpec(
    "ai-review", review, DEFINITION, instance=True,
    documentation="Confirm, reject or correct an AI output (verifier Provenance with a "
                  "Signature)"))
