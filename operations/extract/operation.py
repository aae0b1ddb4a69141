"""``$extract``: allergies, medications, conditions and family history from clinical text.

``POST [base]/$extract`` and ``POST [base]/DocumentReference/[id]/$extract``
(https://hl7.org/fhir/R4/operations.html). Returns a transaction Bundle of the facts, each
with its evidence span, a Provenance targeting all of them, the AI Device and its model card;
``persist=true`` stores it in one transaction and returns the transaction-response.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OperationSpec, OpRequest, register

from ..devices import AiModel
from ..provenance import AiCall
from .facts import extract
from .inputs import Source, read_source
from .language import detect
from .resources import CONFIDENCE, to_resource
from .scans import ocr_model

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/extract"
RULES_VERSION = "0.2.0"
LANGUAGES = ("fr", "en")


@lru_cache(maxsize=1)
def model() -> AiModel:
    """The AI Device's model version. No "+" in it: the shared builder puts the version
    unencoded in a conditional-update URL, where "+" would read as a space."""
    eds = version("edsnlp")
    card = (f"# extract-rules {RULES_VERSION}\n\nRule-based clinical information extraction "
            f"built on edsnlp {eds} (AP-HP): sentences, negation, hypothesis, family and "
            "history qualifiers; Romedi drug lexicon with ATC codes; English drug names "
            "from drug-named-entity-recognition; an ICD-10 lexicon of about 400 conditions "
            "and symptoms (French and English); form check boxes. Outputs are unconfirmed "
            "until reviewed.\n")
    return AiModel("extract-rules", f"{RULES_VERSION}-edsnlp{eds}", card)


def _bool(p: dict[str, Any] | None, name: str) -> bool:
    if p is None:
        return False
    if "valueBoolean" in p:
        return bool(p["valueBoolean"])
    value = str(p.get("valueString", "")).lower()
    if value not in ("true", "false"):
        raise bad_request(f"Parameter {name} must be a boolean", name)
    return value == "true"


def _language(req: OpRequest, text: str) -> str:
    p = req.param("language")
    code = str((p or {}).get("valueCode") or (p or {}).get("valueString") or "auto").lower()
    if code == "auto":
        return detect(text)
    if code not in LANGUAGES:
        raise bad_request(f"language {code!r} is not supported: use fr, en or auto", "language")
    return code


def _subject(req: OpRequest, fallback: dict[str, Any] | None) -> dict[str, Any] | None:
    p = req.param("subject")
    if p is None:
        return fallback
    ref = p.get("valueReference")
    if not isinstance(ref, dict) or not str(ref.get("reference", "")).startswith("Patient/"):
        raise bad_request("subject must be a valueReference to a Patient", "subject")
    req.repo.read("Patient", str(ref["reference"]).split("/", 1)[1])
    return {"reference": str(ref["reference"])}


def _analysed_text(src: Source, subject: dict[str, Any] | None) -> dict[str, Any]:
    """The text that was analysed (so spans can be checked), when the input was not text."""
    doc: dict[str, Any] = {
        "resourceType": "DocumentReference", "status": "current", "docStatus": "preliminary",
        "description": f"Text analysed by $extract ({src.content_type})",
        "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                                    "data": base64.b64encode(src.text.encode()).decode(),
                                    "title": f"Analysed text of {src.title or 'document'}"}}]}
    if src.reference.get("reference"):
        doc["relatesTo"] = [{"code": "transforms", "target": dict(src.reference)}]
    if subject:
        doc["subject"] = subject
    return doc


def handle(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    persist = _bool(req.param("persist"), "persist")
    src, doc_subject = read_source(req)
    subject = _subject(req, doc_subject)
    if persist and subject is None:
        raise bad_request("persist=true needs a subject (the facts belong to a Patient)",
                          "subject")
    lang = _language(req, src.text)
    models = [model(), ocr_model()] if src.ocr else [model()]
    call = AiCall(req, "extract", models)
    call.add_input(src.reference)
    for fact in extract(src.text, lang):
        call.add_output(to_resource(fact, subject), confidence=CONFIDENCE[fact.kind])
    if src.content_type != "text/plain":
        call.add_output(_analysed_text(src, subject))
    return call.respond(persist)


register(OperationSpec(
    "extract", handle, DEFINITION, system=True, instance=True,
    resource_types=("DocumentReference",),
    documentation="Allergies, medications, conditions and family history from clinical text "
                  "(French, English), with evidence spans and AI provenance"))
