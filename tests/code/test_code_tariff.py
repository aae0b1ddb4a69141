"""``$code`` on a tariff catalogue loaded through the terminology loaders (the fictitious
TARDOC-style CSV fixture): the ``code-vectors`` job builds its vectors through the server's
worker, and procedure texts in French, German, Italian and English get their tariff codes."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fhir_server import jobs
from fhir_server.storage.tables import job_t
from terminology.loaders import read_resources

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "terminology" / "fixtures" / "tariff-catalogue.csv"
PROCEDURES = Path(__file__).resolve().parent / "devset" / "procedures.jsonl"


def _job_status(app: Any, url: str) -> str | None:
    with app.state.engine.connect() as conn:
        rows = conn.execute(select(job_t.c.status, job_t.c.params).where(
            job_t.c.kind == "code-vectors")).all()
    found = [r.status for r in rows if (r.params or {}).get("url") == url]
    return found[-1] if found else None


def test_tariff_catalogue_procedures(app: Any, client: TestClient, e5_built: None) -> None:
    url = f"http://example.org/tariff-{uuid.uuid4().hex[:8]}"
    (cs,) = read_resources(CATALOGUE, "csv", url=url)
    cs["id"] = url.rsplit("-", 1)[1]
    r = client.put(f"/fhir/CodeSystem/{cs['id']}", json=cs)
    assert r.status_code == 201, r.text
    assert _job_status(app, url) is None  # 5 concepts: embedded on first use, no job
    jobs.submit(app.state.engine, "code-vectors", {"url": url, "version": cs.get("version")})
    deadline = time.time() + 120
    while _job_status(app, url) not in ("completed", "failed") and time.time() < deadline:
        time.sleep(0.2)
    assert _job_status(app, url) == "completed"

    items = [json.loads(line) for line in PROCEDURES.read_text().splitlines() if line.strip()]
    body: dict[str, Any] = {"resourceType": "Parameters", "parameter": [
        *({"name": "text", "valueString": i["text"]} for i in items),
        {"name": "system", "valueUri": url}, {"name": "count", "valueInteger": 3}]}
    r = client.post("/fhir/$code", json=body)
    assert r.status_code == 200, r.text
    top: dict[str, str] = {}
    for p in r.json()["parameter"]:
        if p["name"] == "match":
            parts = {q["name"]: q for q in p["part"]}
            assert parts["concept"]["valueCoding"]["system"] == url
            if parts["rank"]["valueInteger"] == 1:
                top[parts["text"]["valueString"]] = parts["concept"]["valueCoding"]["code"]
    right = sum(top.get(i["text"]) == i["code"] for i in items)
    print(f"$code tariff procedures: top-1 {right}/{len(items)}")
    assert right / len(items) >= 0.8
    # the groups (XX.00, XX.05) are categories with children: never suggested first
    assert not set(top.values()) & {"XX.00", "XX.05"}
