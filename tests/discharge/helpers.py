"""Loading the development records and reading the letters back."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

RECORDS = Path(__file__).parent / "records"
NAMES = sorted(p.name.removesuffix(".json") for p in RECORDS.glob("*.json")
               if not p.name.endswith(".facts.json"))


def facts(name: str) -> dict[str, Any]:
    return dict(json.loads((RECORDS / f"{name}.facts.json").read_text()))


def load(client: TestClient, name: str) -> dict[str, str]:
    """POST the record's transaction; returns {resourceType: id} of its Encounter and Patient."""
    bundle = json.loads((RECORDS / f"{name}.json").read_text())
    r = client.post("/fhir", json=bundle)
    assert r.status_code == 200, r.text[:500]
    ids: dict[str, str] = {}
    for e in r.json()["entry"]:
        rtype, rid = e["response"]["location"].split("/fhir/")[-1].split("/")[:2]
        ids.setdefault(rtype, rid)
    return ids


def compose(client: TestClient, encounter: str, **params: Any) -> Any:
    body = {"resourceType": "Parameters", "parameter": [
        {"name": k, ("valueBoolean" if isinstance(v, bool) else "valueCode"): v}
        for k, v in params.items()]}
    return client.post(f"/fhir/Encounter/{encounter}/$compose-discharge", json=body)


def sections(composition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["code"]["coding"][0]["code"]: s for s in composition["section"]}


def lines(section: dict[str, Any]) -> list[str]:
    """The narrative's list items or paragraph, unescaped."""
    div = section["text"]["div"]
    items = re.findall(r"<li>(.*?)</li>", div) or re.findall(r"<p>(.*?)</p>", div)
    return [html.unescape(i) for i in items]


def text(section: dict[str, Any]) -> str:
    return " ".join(lines(section))
