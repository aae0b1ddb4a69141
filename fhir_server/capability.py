"""The CapabilityStatement, generated from what is registered
(https://hl7.org/fhir/R4/capabilitystatement.html) — never hand-maintained."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import FHIR_VERSION, __version__
from .fhirtime import instant, now
from .ops import REGISTRY
from .resource_types import R4_RESOURCE_TYPES
from .search.engine import supported

#: Hooks of other packages: functions completing the statement (e.g. ``instantiates``), and
#: other statements served for ``/metadata?mode=...`` (e.g. ``terminology``).
EXTRA: list[Callable[[dict[str, Any]], None]] = []
MODES: dict[str, Callable[[str], dict[str, Any]]] = {}

TYPE_INTERACTIONS = ["read", "vread", "update", "patch", "delete", "history-instance",
                     "history-type", "create", "search-type"]


def _ops(level: str, rtype: str | None) -> list[dict[str, Any]]:
    return [{"name": spec.name, "definition": spec.definition}
            for spec in REGISTRY.values() if spec.applies(rtype, level)]


def _resource(rtype: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": rtype,
        "profile": f"http://hl7.org/fhir/StructureDefinition/{rtype}",
        "interaction": [{"code": code} for code in TYPE_INTERACTIONS],
        "versioning": "versioned-update",
        "readHistory": True,
        "updateCreate": True,
        "conditionalCreate": True,
        "conditionalRead": "not-supported",
        "conditionalUpdate": True,
        "conditionalDelete": "single",
        "searchParam": [{"name": n, "type": t, "documentation": d}
                        for n, t, d in supported(rtype)],
    }
    ops = {o["name"]: o for o in _ops("type", rtype) + _ops("instance", rtype)}
    if ops:
        entry["operation"] = list(ops.values())
    return entry


def capability_statement(base: str, mode: str | None = None) -> dict[str, Any]:
    """The statement for ``/metadata``; ``mode`` selects another registered statement."""
    if mode and mode in MODES:
        return MODES[mode](base)
    statement = _statement(base)
    for extra in EXTRA:
        extra(statement)
    return statement


def _statement(base: str) -> dict[str, Any]:
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": instant(now()),
        "publisher": "FHIR AI Server",
        "kind": "instance",
        "software": {"name": "FHIR AI Server", "version": __version__},
        "implementation": {"description": "FHIR AI Server", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json", "json"],
        "patchFormat": ["application/json-patch+json", "application/fhir+json"],
        "rest": [{
            "mode": "server",
            "resource": [_resource(t) for t in R4_RESOURCE_TYPES],
            "interaction": [{"code": c} for c in ("transaction", "batch", "history-system",
                                                   "search-system")],
            "operation": _ops("system", None),
        }],
    }
