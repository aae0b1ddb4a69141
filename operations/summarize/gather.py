"""The inputs of a summary, read through the repository (never SQL).

``Patient/[id]``: the patient's Observations and DiagnosticReports. ``DiagnosticReport/[id]``:
the report, its results, and the patient's Observations (the operation keeps the history of
the same analytes up to the report's newest result). ``since`` is applied by the operation,
on the effective time or, without one, ``issued`` or the report's time. AI-asserted
resources (AIAST) are not sources; nor are entered-in-error or cancelled ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fhir_server.errors import OperationOutcomeError, bad_request, not_found
from fhir_server.search.engine import encode_cursor
from fhir_server.storage.repository import Repository

from ..transparency import is_ai_output
from .values import SKIPPED_STATUS

PAGE = 1000
MAX_RESOURCES = 20000


@dataclass
class Inputs:
    patient: dict[str, Any]
    observations: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    #: instance level on a DiagnosticReport: that report and the refs of its results
    focus: dict[str, Any] | None = None
    focus_results: list[str] = field(default_factory=list)


def _usable(r: dict[str, Any]) -> bool:
    return r.get("status") not in SKIPPED_STATUS and not is_ai_output(r)


def search_all(repo: Repository, rtype: str, params: list[tuple[str, str]]
               ) -> list[dict[str, Any]]:
    """Every match, page by page (keyset cursors), up to :data:`MAX_RESOURCES`."""
    out: list[dict[str, Any]] = []
    cursor: list[tuple[str, str]] = []
    while True:
        page = repo.search(rtype, [*params, ("_count", str(PAGE)), *cursor]).resources
        out += page
        if len(out) > MAX_RESOURCES:
            raise bad_request(f"More than {MAX_RESOURCES} {rtype} resources for one patient: "
                              "too many to summarize at once")
        if len(page) < PAGE:
            return out
        cursor = [("_cursor", encode_cursor(page[-1], "next"))]


def for_patient(repo: Repository, pid: str) -> Inputs:
    patient = repo.read("Patient", pid).resource
    subject = [("subject", f"Patient/{pid}")]
    obs = search_all(repo, "Observation", subject)
    reports = search_all(repo, "DiagnosticReport", subject)
    return Inputs(dict(patient or {}), [o for o in obs if _usable(o)],
                  [r for r in reports if _usable(r)])


def _patient_id(report: dict[str, Any]) -> str:
    ref = str((report.get("subject") or {}).get("reference") or "")
    if not ref.startswith("Patient/"):
        raise bad_request("The DiagnosticReport has no Patient subject to compare it with",
                          "DiagnosticReport.subject")
    return ref.split("/", 1)[1]


def for_report(repo: Repository, rid: str) -> Inputs:
    report = dict(repo.read("DiagnosticReport", rid).resource or {})
    pid = _patient_id(report)
    try:
        patient = repo.read("Patient", pid).resource
    except OperationOutcomeError as exc:
        raise not_found(f"Patient/{pid}, the subject of DiagnosticReport/{rid}, is not known"
                        ) from exc
    results = []
    for item in report.get("result") or []:
        ref = str(item.get("reference") or "")
        if ref.startswith("Observation/"):
            results.append(dict(repo.read("Observation", ref.split("/", 1)[1]).resource or {}))
    history = search_all(repo, "Observation", [("subject", f"Patient/{pid}")])
    mine = {r["id"] for r in results}
    observations = [r for r in results if _usable(r)] + [
        o for o in history if o["id"] not in mine and _usable(o)]
    return Inputs(dict(patient or {}), observations, [report], report,
                  [f"Observation/{r['id']}" for r in results if _usable(r)])
