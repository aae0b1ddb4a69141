"""Runs the HL7 terminology ecosystem suites (../shared/tx-ecosystem) against the app.

Each suite's setup resources go with every request as ``tx-resource`` parameters (R5 JSON
turned into R4), ``parameters-default.json`` and the test's ``profile`` are merged into the
request, and the response is compared with the expected template (see txcompare.py).
The runner works in modes ``general`` and ``flat`` (flat expansions).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .txcompare import MODES, compare

SHARED = Path(__file__).resolve().parents[3] / "shared"
SUITE_DIR = SHARED / "tx-ecosystem"
ENDPOINTS = {
    "expand": "ValueSet/$expand",
    "validate-code": "ValueSet/$validate-code",
    "cs-validate-code": "CodeSystem/$validate-code",
    "lookup": "CodeSystem/$lookup",
    "translate": "ConceptMap/$translate",
    "batch-validate": "ValueSet/$batch-validate-code",
}


@dataclass
class Outcome:
    suite: str
    test: str
    passed: bool
    detail: str = ""


def load(rel: str) -> Any:
    return json.loads((SUITE_DIR / rel).read_text(encoding="utf-8-sig"))


def to_r4(resource: dict[str, Any]) -> dict[str, Any]:
    """The R4 form of an R5 CodeSystem / ValueSet used by the suites."""
    res = copy.deepcopy(resource)
    for part in ("include", "exclude"):
        for inc in (res.get("compose") or {}).get(part) or []:
            for concept in inc.get("concept") or []:
                for d in concept.get("designation") or []:
                    d.pop("additionalUse", None)
    return res


def suites() -> list[dict[str, Any]]:
    data = load("test-cases.json")
    return [s for s in data["suites"] if s.get("mode") in (None, *MODES)]


def selected_tests(suite: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in suite["tests"] if t.get("mode") in (None, *MODES)
            and not t.get("disabled")]


def _request_body(suite: dict[str, Any], test: dict[str, Any]) -> dict[str, Any]:
    body = load(test["request"])
    params = list(body.get("parameter") or [])
    params += load("parameters-default.json")["parameter"]
    if test.get("profile"):
        params += load(test["profile"]).get("parameter") or []
    if test.get("lenient-display"):
        params.append({"name": "lenient-display-validation", "valueBoolean": True})
    for rel in suite.get("setup") or []:
        params.append({"name": "tx-resource", "resource": to_r4(load(rel))})
    return {**body, "parameter": params}


def _status_ok(expected: str | None, status: int) -> bool:
    if expected is None:
        return 200 <= status < 300
    if expected.endswith("xx"):
        return str(status)[0] == expected[0]
    return str(status) == expected


def run_test(client: Any, suite: dict[str, Any], test: dict[str, Any]) -> Outcome:
    op = test["operation"]
    flat = test.get("response:flat")
    expected = load(flat if flat and (SUITE_DIR / flat).exists() else test["response"])
    headers = {"Accept": "application/fhir+json"}
    if test.get("Accept-Language"):
        headers["Accept-Language"] = test["Accept-Language"]
    if isinstance(test.get("header"), dict):
        headers[test["header"]["name"]] = test["header"]["value"]
    if op == "metadata":
        r = client.get("/fhir/metadata", headers=headers)
    elif op == "term-caps":
        r = client.get("/fhir/metadata?mode=terminology", headers=headers)
    else:
        r = client.post("/fhir/" + ENDPOINTS[op], json=_request_body(suite, test),
                        headers={**headers, "Content-Type": "application/fhir+json"})
    name = test["name"]
    if not _status_ok(test.get("http-code"), r.status_code):
        return Outcome(suite["name"], name, False, f"HTTP {r.status_code}: {r.text[:400]}")
    actual = r.json()
    diff = compare(expected, actual)
    if diff and test.get("response2"):
        diff = compare(load(test["response2"]), actual) and diff
    return Outcome(suite["name"], name, diff is None, diff or "")


def run_all(client: Any) -> list[Outcome]:
    return [run_test(client, s, t) for s in suites() for t in selected_tests(s)]
