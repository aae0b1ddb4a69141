"""``$compose-discharge``: ``POST [base]/Encounter/[id]/$compose-discharge``.

Input Parameters: ``language`` code 0..1 (``fr`` default, ``en``), ``format`` code 0..1
(``fhir`` default, ``pdf``: the letter also rendered to PDF), ``persist`` boolean 0..1.
Output: a document Bundle (https://hl7.org/fhir/R4/documents.html) whose first entry is the
Composition (preliminary, author the AI Device), then the PDF Binary, the Provenance (one
``source`` entity per resource the letter uses), the AI Devices, the source resources and,
when the model writer dropped sentences, an OperationOutcome reporting them. With
``persist=true`` the Composition, Binary, Provenance, AuditEvent and Devices are stored in one
transaction and the transaction-response is returned (the guard's report is the
``response.outcome`` of the Composition's entry). The letter becomes ``final`` only when a
clinician signs it with ``$ai-review`` (``decision=confirm``).
"""

from __future__ import annotations

import base64
import uuid
from functools import lru_cache
from typing import Any

from fhir_server.errors import bad_request
from fhir_server.fhirtime import instant, now
from fhir_server.ops import OperationSpec, OpRequest, register

from ..devices import AiModel, ensure_devices
from ..provenance import AiCall
from . import writer
from .gather import gather
from .guard import check, evidence
from .letter import Letter, compose, composition
from .pdf import RENDERING, render

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/compose-discharge"
VERSION = "0.1.0"
LANGUAGES = ("fr", "en")
FORMATS = ("fhir", "pdf")
CARD = f"""# discharge-templates {VERSION}

Deterministic discharge letters: Jinja2 sentence templates (French, English) filled with
values read from the record; medication and result rules documented in docs/discharge.md.
Every sentence is traceable to the resources its section references. Drafts are
preliminary until a clinician signs them.
"""


@lru_cache(maxsize=1)
def template_model() -> AiModel:
    return AiModel("discharge-templates", VERSION, CARD)


def _code(req: OpRequest, name: str, allowed: tuple[str, ...]) -> str:
    p = req.param(name)
    value = str((p or {}).get("valueCode") or (p or {}).get("valueString") or allowed[0])
    if name == "language":
        value = value.split("-")[0].lower()  # BCP 47: fr-CH, en-GB
    if value not in allowed:
        raise bad_request(f"Parameter {name!r} must be one of {', '.join(allowed)}; "
                          f"got {value!r}", name)
    return value




def _issue(severity: str, text: str, sentence: str = "") -> dict[str, Any]:
    issue: dict[str, Any] = {"severity": severity, "code": "business-rule", "diagnostics": text,
                             "expression": ["Composition.section[0].text"]}
    if sentence:
        issue["details"] = {"text": sentence}
    return issue


def _model_course(letter: Letter, models: list[AiModel]) -> list[dict[str, Any]]:
    """Let the configured model rewrite the hospital course; guard it; report what happened."""
    folder = writer.configured()
    course = letter.section("8648-8")
    if folder is None or course is None:
        return []
    try:
        result = writer.draft(folder, [ln for s in letter.sections for ln in s.lines],
                              letter.lang)
    except writer.WriterError as exc:
        return [_issue("warning", f"model writer unavailable, templates used: {exc}")]
    models.append(result.model)
    ev = evidence(letter.stay, [ln for s in letter.sections for ln in s.lines])
    kept, dropped = check(result.text, ev)
    issues = [_issue("warning", "sentence dropped: " + "; ".join(why), sentence)
              for sentence, why in dropped]
    if kept:
        course.lines = kept
    else:
        issues.append(_issue("information", "no sentence of the model draft was supported by "
                                            "the record: the templates' paragraph is used"))
    return issues


def handle(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    assert req.id
    lang = _code(req, "language", LANGUAGES)
    fmt = _code(req, "format", FORMATS)
    persist = req.flag("persist")
    stay = gather(req.repo, req.id)
    letter = compose(stay, lang)
    models = [template_model()]
    issues = _model_course(letter, models)
    device_refs = ensure_devices(req.repo, list(models))
    call = AiCall(req, "compose-discharge", list(models))
    for source in letter.sources:
        call.add_input({"reference": source})
    comp_ref = call.add_output(composition(letter, device_refs[0], instant(now())))
    comp = call.outputs[0].resource
    comp["author"] = [{"reference": r} for r in device_refs]
    if fmt == "pdf":
        binary = {"resourceType": "Binary", "contentType": "application/pdf",
                  "securityContext": {"reference": comp_ref},
                  "data": base64.b64encode(render(letter)).decode()}
        bin_ref = call.add_output(binary)
        comp["extension"] = [{"url": RENDERING, "valueReference": {
            "reference": bin_ref, "display": "PDF rendering (application/pdf)"}}]
    outcome = {"resourceType": "OperationOutcome", "issue": issues} if issues else None
    if persist:
        status, body, headers = call.respond(True)
        if outcome is not None:
            body["entry"][_index_of_composition(call)]["response"]["outcome"] = outcome
        return status, body, headers
    call.record_call()
    return 200, _document(req, call, letter, device_refs, outcome), {}


def _index_of_composition(call: AiCall) -> int:
    return 2 * len(call.models)  # each model adds its Device and model card first


def _document(req: OpRequest, call: AiCall, letter: Letter, device_refs: list[str],
              outcome: dict[str, Any] | None) -> dict[str, Any]:
    entries: list[dict[str, Any]] = [{"fullUrl": o.full_url, "resource": o.resource}
                                     for o in call.outputs]
    entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}",
                    "resource": call.provenance(device_refs)})
    for source in [*device_refs, *letter.sources]:
        rtype, _, rid = source.partition("/")
        entries.append({"fullUrl": f"{req.base}/{source}",
                        "resource": req.repo.read(rtype, rid).resource})
    if outcome is not None:
        entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": outcome})
    return {"resourceType": "Bundle", "type": "document",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
            "timestamp": instant(now()), "entry": entries}


register(OperationSpec(
    "compose-discharge", handle, DEFINITION, instance=True, resource_types=("Encounter",),
    documentation="Discharge letter (document Bundle, preliminary Composition LOINC 34105-7) "
                  "drafted from the stay's record, French or English, optional PDF; signed "
                  "with $ai-review"))
