"""Shared helpers of the $summarize tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def params(**values: Any) -> dict[str, Any]:
    kinds = {"since": "valueDate", "language": "valueCode", "persist": "valueBoolean"}
    return {"resourceType": "Parameters",
            "parameter": [{"name": k, kinds.get(k, "valueString"): v} for k, v in values.items()]}


def summarize(client: TestClient, target: str, status: int = 200, **values: Any
              ) -> dict[str, Any]:
    r = client.post(f"/fhir/{target}/$summarize", json=params(**values))
    assert r.status_code == status, r.text
    return dict(r.json())


def resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle.get("entry", [])
            if e["resource"]["resourceType"] == rtype]


def count(client: TestClient, rtype: str, *query: str) -> int:
    q = "&".join(["_summary=count", *query])
    r = client.get(f"/fhir/{rtype}?{q}")
    assert r.status_code == 200, r.text
    return int(r.json()["total"])
