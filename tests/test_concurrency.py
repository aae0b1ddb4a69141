"""Races a production server must survive, through a real uvicorn server:
50 concurrent If-Match updates of one version and 50 concurrent conditional creates with
the same identifier (the classic duplicate-creation race)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from tests.conftest import LiveServer

N = 50


def _parallel(fn: Any, n: int = N) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(fn, range(n)))


def test_concurrent_if_match_updates(live_server: LiveServer) -> None:
    base = live_server.url
    with httpx.Client() as c:
        p = c.post(f"{base}/Patient", json={"resourceType": "Patient"}).json()

    def update(i: int) -> httpx.Response:
        body = {**p, "name": [{"family": f"Writer{i}"}]}
        with httpx.Client(timeout=120) as c:
            return c.put(f"{base}/Patient/{p['id']}", json=body, headers={"If-Match": 'W/"1"'})

    responses = _parallel(update)
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(200) == 1, statuses
    assert statuses.count(412) == N - 1, statuses
    with httpx.Client() as c:
        hist = c.get(f"{base}/Patient/{p['id']}/_history").json()
        assert hist["total"] == 2
        winner = next(r for r in responses if r.status_code == 200).json()
        assert c.get(f"{base}/Patient/{p['id']}").json() == winner


def test_concurrent_conditional_creates(live_server: LiveServer) -> None:
    base = live_server.url
    value = uuid.uuid4().hex
    body = {"resourceType": "Patient", "identifier": [{"system": "urn:mrn", "value": value}]}

    def create(i: int) -> httpx.Response:
        with httpx.Client(timeout=120) as c:
            return c.post(f"{base}/Patient", json=body,
                          headers={"If-None-Exist": f"identifier=urn:mrn|{value}"})

    responses = _parallel(create)
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) == 1, statuses
    assert statuses.count(200) == N - 1, statuses
    assert len({r.json()["id"] for r in responses}) == 1
    with httpx.Client() as c:
        found = c.get(f"{base}/Patient", params={"identifier": f"urn:mrn|{value}"}).json()
    assert found["total"] == 1
