"""``$summarize``: ``POST [base]/Patient/[id]/$summarize`` and
``POST [base]/DiagnosticReport/[id]/$summarize`` (https://hl7.org/fhir/R4/operations.html).

In: ``since`` (date), ``language`` (fr | en; default: the Accept-Language header, else fr),
``persist`` (boolean). Out: a document Bundle (https://hl7.org/fhir/R4/documents.html): the
Composition (LOINC 60591-5, preliminary, authored by the AI Devices) with its four sections,
the trend charts (Media), the Patient, the Devices, every source Observation /
DiagnosticReport, and the Provenance. ``persist=true`` stores the Composition, Media,
Provenance and AuditEvent in one transaction and returns the document of the stored
resources. Every call writes an AuditEvent.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from importlib.metadata import version
from typing import Any

import numpy as np

from fhir_server.errors import OperationOutcomeError, bad_request, issue
from fhir_server.fhirtime import instant, now, parse_range
from fhir_server.ops import OperationSpec, OpRequest, register

from ..devices import AiModel, ModelDescription, ensure_devices
from ..provenance import AiCall
from . import analysis, chart
from .bundle import document
from .document import Findings, composition
from .gather import Inputs, for_patient, for_report
from .reports import summarize_report
from .values import Measurement, measurements

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/summarize"
RULES_VERSION = "0.1.0"
EMBEDDER = "multilingual-e5-small"
LANGUAGES = ("fr", "en")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@lru_cache(maxsize=1)
def model() -> AiModel:
    card = (f"# summarize-rules {RULES_VERSION}\n\nRule-based results summary: abnormal "
            "results from Observation.interpretation and referenceRange; trends per LOINC "
            "series judged against the reference change value (RCV) of each analyte (EFLM "
            "biological variation, approximate); charts drawn with leather "
            f"{version('leather')}; report conclusions quoted and salient sentences chosen "
            "with multilingual-e5-small. Every number is copied from a source resource. "
            "Outputs are preliminary until reviewed.\n")
    return AiModel("summarize-rules", RULES_VERSION, card)


class LazyEmbedder:
    """Loads multilingual-e5-small on first use, and remembers that it was used."""

    def __init__(self) -> None:
        self.used: ModelDescription | None = None

    def __call__(self, texts: list[str]) -> np.ndarray:
        from models_onnx.service import get_service

        service = get_service()
        try:
            self.used = service.ai_model(EMBEDDER)
        except LookupError as exc:
            raise OperationOutcomeError(503, [issue("error", "not-supported", (
                f"Choosing report sentences needs the model {EMBEDDER}, which is not built "
                "on this server"))]) from exc
        return service.embed(EMBEDDER, texts, "query")


def _value(p: dict[str, Any] | None) -> str | None:
    """The parameter's value[x] as text (a query value arrives as valueString)."""
    if p is None:
        return None
    return next((str(v) for k, v in p.items() if k.startswith("value")), None)




def _since(req: OpRequest) -> str | None:
    value = _value(req.param("since"))
    if value is None:
        return None
    ok = bool(_DATE.match(value.strip()))
    if ok:
        parts = [int(x) for x in value.strip().split("-")] + [1, 1]
        try:
            date(parts[0], parts[1], parts[2])
        except ValueError:
            ok = False
    if not ok:
        raise bad_request(f"since must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}",
                          "since")
    return value.strip()


def _language(req: OpRequest) -> str:
    value = _value(req.param("language"))
    if value is None:
        header = req.headers.get("accept-language", "")
        first = header.split(",")[0].split(";")[0].strip().lower()[:2]
        return first if first in LANGUAGES else "fr"
    code = value.strip().lower().replace("_", "-").split("-")[0]  # fr-CH -> fr
    if code not in LANGUAGES:
        raise bad_request(f"language {value!r} is not supported: use fr or en", "language")
    return code


def _report_time(r: dict[str, Any]) -> str | None:
    when = r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or \
        r.get("issued")
    return str(when) if when else None


def _report_dates(reports: list[dict[str, Any]]) -> dict[str, str]:
    """Observation reference -> the time of the report listing it as a result."""
    out: dict[str, str] = {}
    for r in reports:
        when = _report_time(r)
        for item in r.get("result") or [] if when else []:
            out.setdefault(str(item.get("reference")), str(when))
    return out


def _on_or_after(when: str | None, start: datetime | None) -> bool:
    return start is None or (when is not None and parse_range(when)[1] > start)


def _analyse(inputs: Inputs, lang: str, embed: LazyEmbedder, since: str | None) -> Findings:
    start = parse_range(since)[0] if since else None
    every: list[Measurement] = [m for o in inputs.observations for m in measurements(o)]
    dated = _report_dates([*inputs.reports, *([inputs.focus] if inputs.focus else [])])
    for m in every:  # a result without its own time takes its report's
        if m.when is None and m.ref in dated:
            m.when_text = dated[m.ref]
            m.when = parse_range(m.when_text)[0]
    keep = set(inputs.focus_results)
    every = [m for m in every if m.ref in keep or _on_or_after(m.when_text or None, start)]
    if inputs.focus is None:
        inputs.reports = [r for r in inputs.reports if _on_or_after(_report_time(r), start)]
    if inputs.focus is not None:
        focus_refs = set(inputs.focus_results)
        focus = [m for m in every if m.ref in focus_refs]
        keys = {m.key for m in focus}
        newest = max((m.sort_key for m in focus), default=("", ""))
        history = [m for m in every if m.key in keys and m.sort_key <= newest]
        shown = focus
    else:
        history = shown = every
    abnormal = [(m, f) for m in shown if (f := analysis.flag(m)) is not None]
    shown_refs = {m.ref for m in shown}
    trends = [analysis.trend(s) for s in analysis.series(history)
              if any(m.ref in shown_refs for m in s)]
    reports = [summarize_report(r, embed) for r in inputs.reports]
    return Findings(lang, shown, abnormal, trends, reports)


def _used(findings: Findings) -> list[str]:
    refs = [m.ref for m in findings.measurements]
    refs += [m.ref for tr in findings.trends for m in tr.series]
    refs += [r.ref for r in findings.reports]
    return list(dict.fromkeys(refs))


def handle(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    persist = req.flag("persist")
    since = _since(req)
    lang = _language(req)
    if req.resource_type == "DiagnosticReport":
        inputs = for_report(req.repo, str(req.id))
    else:
        inputs = for_patient(req.repo, str(req.id))
    embed = LazyEmbedder()
    findings = _analyse(inputs, lang, embed, since)
    models: list[ModelDescription] = [model(), *([embed.used] if embed.used else [])]
    devices = ensure_devices(req.repo, models)
    subject = {"reference": f"Patient/{inputs.patient['id']}"}
    created = instant(now())
    call = AiCall(req, "summarize", list(models))
    for ref in _used(findings):
        call.add_input({"reference": ref})
    # the Composition is the first output; its sections are written once the charts (the
    # next outputs) have their references
    call.add_output({"resourceType": "Composition"})
    for i, tr in enumerate(findings.trends):
        if tr.is_trend:
            findings.charts[i] = call.add_output(chart.media(tr, lang, subject, created))
    call.outputs[0].resource.update(composition(findings, subject, devices, created))
    return document(call, inputs, devices, persist)


register(OperationSpec(
    "summarize", handle, DEFINITION, instance=True,
    resource_types=("Patient", "DiagnosticReport"),
    documentation="Summary of a patient's results or of one report against the patient's "
                  "history (abnormal results, trends with charts, report conclusions), as a "
                  "preliminary document with AI provenance"))
