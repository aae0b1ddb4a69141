"""``GET [base]/$ai-metrics``: acceptance of AI outputs per operation and model version.

Counts come from the Provenances the server holds (https://hl7.org/fhir/R4/provenance.html):
the AI Provenances written by the provenance builder (outputs per operation / model) and the
review Provenances written by ``$ai-review`` (the latest decision per output counts). Optional
parameters ``operation`` and ``model`` (``name|version``) filter the result.

Output Parameters: one ``metric`` per (operation, model[, code system]) with parts
``operation`` (code), ``model`` (string), ``system`` (uri, for ``$code`` suggestions: the code
system suggested from), ``outputs``, ``confirmed``, ``corrected``, ``rejected``, ``pending``
(integer) and, once some output has been reviewed, ``acceptanceRate`` (confirmed / reviewed)
and ``correctionRate`` (corrected / reviewed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from fhir_server.ops import OperationSpec, OpRequest, register
from fhir_server.storage.repository import Repository

from .transparency import CODE_SYSTEM_TAG, MODEL_TAG, OPERATION_TAG, REVIEW_TAG, tag_values

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/ai-metrics"
PAGE = 500


def _provenances(repo: Repository) -> Iterator[dict[str, Any]]:
    """Every Provenance written for an AI operation (``_tag`` narrows the search where the
    core supports it; the tags are checked again by the caller)."""
    offset = 0
    while True:
        page = repo.search("Provenance", [
            ("_tag", f"{OPERATION_TAG}|"), ("_count", str(PAGE)), ("_offset", str(offset)),
            ("_sort", "_id")]).resources
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _target_key(reference: str) -> str:
    return "/".join(reference.split("/")[:2])


Key = tuple[str, str, str]
PAST = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}


def _zero() -> dict[str, int]:
    return {"outputs": 0, "confirmed": 0, "corrected": 0, "rejected": 0}


def compute(repo: Repository) -> dict[Key, dict[str, int]]:
    """{(operation, model, code system or ""): {outputs, confirmed, corrected, rejected}}."""
    outputs: dict[Key, set[str]] = defaultdict(set)
    latest: dict[str, tuple[str, str, Key]] = {}
    for prov in _provenances(repo):
        ops = tag_values(prov, OPERATION_TAG)
        if not ops:
            continue
        key = (ops[0], ",".join(tag_values(prov, MODEL_TAG)),
               ",".join(tag_values(prov, CODE_SYSTEM_TAG)))
        targets = [_target_key(str(t.get("reference", ""))) for t in prov.get("target") or []]
        decision = tag_values(prov, REVIEW_TAG)
        if not decision:
            outputs[key].update(targets)
            continue
        for target in targets:
            seen = latest.get(target)
            if seen is None or str(prov.get("recorded")) >= seen[0]:
                latest[target] = (str(prov.get("recorded")), decision[0], key)
    counts: dict[Key, dict[str, int]] = {}
    for key, made in outputs.items():
        counts[key] = {**_zero(), "outputs": len(made)}
    for _, last, key in latest.values():
        counts.setdefault(key, _zero())[PAST.get(last, "rejected")] += 1
    return counts


def _metric(op: str, model: str, system: str, c: dict[str, int]) -> dict[str, Any]:
    reviewed = c["confirmed"] + c["corrected"] + c["rejected"]
    parts: list[dict[str, Any]] = [
        {"name": "operation", "valueCode": op}, {"name": "model", "valueString": model}]
    if system:
        parts.append({"name": "system", "valueUri": system})
    parts += [
        {"name": "outputs", "valueInteger": c["outputs"]},
        {"name": "confirmed", "valueInteger": c["confirmed"]},
        {"name": "corrected", "valueInteger": c["corrected"]},
        {"name": "rejected", "valueInteger": c["rejected"]},
        {"name": "pending", "valueInteger": max(c["outputs"] - reviewed, 0)}]
    if reviewed:
        parts.append({"name": "acceptanceRate",
                      "valueDecimal": round(c["confirmed"] / reviewed, 4)})
        parts.append({"name": "correctionRate",
                      "valueDecimal": round(c["corrected"] / reviewed, 4)})
    return {"name": "metric", "part": parts}


def ai_metrics(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    want_op = _value(req.param("operation"))
    want_model = _value(req.param("model"))
    params = [_metric(op, model, system, c)
              for (op, model, system), c in sorted(compute(req.repo).items())
              if want_op in (None, op, op.lstrip("$")) and want_model in (None, model)]
    return 200, {"resourceType": "Parameters", "parameter": params}, {}


def _value(p: dict[str, Any] | None) -> str | None:
    if not p:
        return None
    for k in ("valueCode", "valueString"):
        if isinstance(p.get(k), str):
            return str(p[k])
    return None


register(OperationSpec(
    "ai-metrics", ai_metrics, DEFINITION, system=True, get_allowed=True,
    documentation="Acceptance / rejection counts of AI outputs per operation and model version"))
