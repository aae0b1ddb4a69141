"""Codes and labels of HL7 "AI Transparency on FHIR" (1.0.0-ballot) used by every AI operation.

* ``meta.security`` AIAST: https://build.fhir.org/ig/HL7/aitransparency-ig/tagging.html
  (``http://terminology.hl7.org/CodeSystem/v3-ObservationValue#AIAST``).
* AI Device type: ``http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS``.
* AIconfidence extension:
  https://build.fhir.org/ig/HL7/aitransparency-ig/StructureDefinition-AIconfidence.html
* Provenance participant types (author, verifier):
  https://hl7.org/fhir/R4/codesystem-provenance-participant-type.html
"""

from __future__ import annotations

from typing import Any

V3_OBS_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"
AIAST: dict[str, str] = {"system": V3_OBS_VALUE, "code": "AIAST",
                         "display": "Artificial Intelligence asserted"}
AI_DEVICE_TYPE: dict[str, str] = {
    "system": "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS",
    "code": "Artificial-Intelligence", "display": "Artificial Intelligence"}
AI_DEVICE_PROFILE = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AI-Device"
AI_PROVENANCE_PROFILE = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AI-Provenance"
AI_CONFIDENCE_URL = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AIconfidence"
PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
AUTHOR: dict[str, str] = {"system": PARTICIPANT, "code": "author", "display": "Author"}
VERIFIER: dict[str, str] = {"system": PARTICIPANT, "code": "verifier", "display": "Verifier"}
#: Signature.type "Verification Signature" (https://hl7.org/fhir/R4/valueset-signature-type.html)
VERIFICATION_SIGNATURE: dict[str, str] = {
    "system": "urn:iso-astm:E1762-95:2013", "code": "1.2.840.10065.1.12.1.5",
    "display": "Verification Signature"}
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"

#: Project code systems: which operation and which model version produced an output, and
#: the review decisions (queryable by ``$ai-metrics``).
OPERATION_TAG = "http://fhir-ai.example.org/CodeSystem/ai-operation"
MODEL_TAG = "http://fhir-ai.example.org/CodeSystem/ai-model"
REVIEW_TAG = "http://fhir-ai.example.org/CodeSystem/ai-review"
#: the code system of an AI-suggested coding (``$code``), for rates per code system
CODE_SYSTEM_TAG = "http://fhir-ai.example.org/CodeSystem/ai-code-system"
#: inline security label on one element (HL7 DS4P), e.g. the AI-asserted coding
INLINE_LABEL = ("http://hl7.org/fhir/uv/security-label-ds4p/StructureDefinition/"
                "extension-inline-sec-label")
MODEL_IDENTIFIER = "http://fhir-ai.example.org/ai-model"
MODEL_CARD_IDENTIFIER = "http://fhir-ai.example.org/ai-model-card"


def model_key(name: str, version: str) -> str:
    """``name|version``: the identifier value of a model version's Device."""
    return f"{name}|{version}"


def _add_coding(items: list[Any], coding: dict[str, str]) -> list[Any]:
    same = any(isinstance(c, dict) and (c.get("system"), c.get("code")) ==
               (coding["system"], coding["code"]) for c in items)
    return items if same else [*items, dict(coding)]


def label_ai_output(resource: dict[str, Any], operation: str,
                    models: list[str]) -> dict[str, Any]:
    """Add the AIAST security label and the operation / model tags to ``resource``."""
    meta = dict(resource.get("meta") or {})
    meta["security"] = _add_coding(list(meta.get("security") or []), AIAST)
    tags = _add_coding(list(meta.get("tag") or []), {"system": OPERATION_TAG, "code": operation})
    for key in models:
        tags = _add_coding(tags, {"system": MODEL_TAG, "code": key})
    meta["tag"] = tags
    resource["meta"] = meta
    return resource


def is_ai_output(resource: dict[str, Any]) -> bool:
    return any(isinstance(c, dict) and c.get("system") == V3_OBS_VALUE and c.get("code") == "AIAST"
               for c in (resource.get("meta") or {}).get("security") or [])


def tag_values(resource: dict[str, Any], system: str) -> list[str]:
    """The codes of ``meta.tag`` in ``system``."""
    return [str(t.get("code")) for t in (resource.get("meta") or {}).get("tag") or []
            if isinstance(t, dict) and t.get("system") == system and t.get("code")]


def confidence_extension(score: float) -> dict[str, Any]:
    """The AIconfidence extension as a probability (``valueDecimal`` in 0..1)."""
    return {"url": AI_CONFIDENCE_URL, "valueDecimal": round(max(0.0, min(1.0, score)), 4)}
