"""Shared helpers for the $extract tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

EVIDENCE = "http://fhir-ai.example.org/StructureDefinition/evidence"


def params(*items: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Parameters", "parameter": list(items)}


def extract(client: TestClient, *items: dict[str, Any], path: str = "/fhir/$extract",
            status: int = 200) -> dict[str, Any]:
    r = client.post(path, json=params(*items))
    assert r.status_code == status, r.text
    return dict(r.json())


def resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle.get("entry", [])
            if e["resource"]["resourceType"] == rtype]


def evidence(resource: dict[str, Any]) -> dict[str, Any]:
    ext = next(e for e in resource["extension"] if e["url"] == EVIDENCE)
    return {x["url"]: next(v for k, v in x.items() if k.startswith("value"))
            for x in ext["extension"]}


def count(client: TestClient, rtype: str) -> int:
    r = client.get(f"/fhir/{rtype}?_summary=count")
    assert r.status_code == 200, r.text
    return int(r.json()["total"])
