"""All 5,306 official R4 examples are PUT to the server and read back identical apart from
``meta.versionId`` / ``meta.lastUpdated`` (https://hl7.org/fhir/R4/http.html#update), on
SQLite and PostgreSQL. The exceptions are the examples that are not valid R4, listed with
their reason in ``tests/test_r4_validation.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from tests.r4_examples import EXAMPLE_COUNT, examples_dir, iter_examples
from tests.test_r4_validation import KNOWN_INVALID


@pytest.fixture(scope="module")
def examples() -> Path:
    found = examples_dir()
    if found is None:
        pytest.skip("the official R4 examples could not be fetched (npm pack failed)")
    return found


def _without_server_meta(resource: dict[str, Any]) -> dict[str, Any]:
    out = dict(resource)
    meta = {k: v for k, v in (out.get("meta") or {}).items()
            if k not in ("versionId", "lastUpdated")}
    if meta:
        out["meta"] = meta
    else:
        out.pop("meta", None)
    return out


#: Rejected by the URL's id rule, not by validation: R4 ids are at most 64 characters.
BAD_ID = {"SearchParameter-questionnaireresponse-extensions-QuestionnaireResponse-item-subject"
          ".json": "id of 66 characters (https://hl7.org/fhir/R4/datatypes.html#id)"}
BATCH = 250
MAX_BYTES = 8_000_000


def _chunks(items: list[Any], size: Any) -> list[list[Any]]:
    """Groups of at most BATCH items and MAX_BYTES bytes (some examples are large)."""
    out: list[list[Any]] = [[]]
    total = 0
    for item in items:
        n = size(item)
        if out[-1] and (len(out[-1]) >= BATCH or total + n > MAX_BYTES):
            out.append([])
            total = 0
        out[-1].append(item)
        total += n
    return out


def _batch(client: TestClient, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r = client.post("/fhir", json={"resourceType": "Bundle", "type": "batch", "entry": entries})
    assert r.status_code == 200, r.text[:500]
    return list(r.json()["entry"])


def test_put_and_read_back_every_example(client: TestClient, examples: Path) -> None:
    """PUT (in batch Bundles of 250 PUT entries) then read back every example."""
    items = list(iter_examples(examples))
    assert len(items) == EXAMPLE_COUNT
    rejected: dict[str, str] = {}
    written: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for chunk in _chunks(items, lambda item: len(orjson.dumps(item[1]))):
        entries = [{"resource": res, "request": {
            "method": "PUT", "url": f"{res['resourceType']}/{res['id']}"}} for _, res in chunk]
        for (name, res), out in zip(chunk, _batch(client, entries), strict=True):
            status = out["response"]["status"]
            if status.startswith(("200", "201")):
                written[(res["resourceType"], res["id"])] = (name, res)
            else:
                rejected[name] = status
    assert set(rejected) == set(KNOWN_INVALID) | set(BAD_ID), rejected
    assert {rejected[n] for n in KNOWN_INVALID} == {"422"}
    different = []
    for chunk in _chunks(list(written), lambda key: len(orjson.dumps(written[key][1]))):
        entries = [{"request": {"method": "GET", "url": f"{t}/{rid}"}} for t, rid in chunk]
        for key, out in zip(chunk, _batch(client, entries), strict=True):
            name, original = written[key]
            assert out["response"]["status"].startswith("200"), (name, out)
            if _without_server_meta(out["resource"]) != _without_server_meta(original):
                different.append(name)
    assert different == []
    stored = EXAMPLE_COUNT - len(rejected)
    assert stored / EXAMPLE_COUNT >= 0.99, f"{stored} of {EXAMPLE_COUNT} stored"
