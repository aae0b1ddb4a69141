"""The asynchronous request pattern and the DB-backed job runner
(https://hl7.org/fhir/R4/async.html)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fhir_server import jobs
from fhir_server.app import create_app
from tests.conftest import make_settings

ASYNC = {"Prefer": "respond-async"}


def _poll(client: TestClient, location: str, timeout: float = 20) -> Any:
    path = location.replace("http://testserver", "")
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = client.get(path)
        if r.status_code != 202:
            return r
        assert "x-progress" in r.headers
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_async_transaction(client: TestClient) -> None:
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"resource": {"resourceType": "Patient", "gender": "female"},
         "request": {"method": "POST", "url": "Patient"}}]}
    r = client.post("/fhir", json=bundle, headers=ASYNC)
    assert r.status_code == 202
    location = r.headers["content-location"]
    assert "/fhir/_async/" in location
    done = _poll(client, location)
    assert done.status_code == 200
    out = done.json()
    assert out["type"] == "transaction-response"
    pid = out["entry"][0]["resource"]["id"]
    assert client.get(f"/fhir/Patient/{pid}").status_code == 200


def test_async_error_is_reported(client: TestClient) -> None:
    r = client.post("/fhir/Patient", json={"resourceType": "Patient", "bad": 1}, headers=ASYNC)
    assert r.status_code == 202
    done = _poll(client, r.headers["content-location"])
    assert done.status_code == 422
    assert done.json()["resourceType"] == "OperationOutcome"


def test_large_async_result_is_compressed_once(client: TestClient) -> None:
    r = client.get("/fhir/metadata", headers={**ASYNC, "Accept-Encoding": "gzip"})
    assert r.status_code == 202
    done = _poll(client, r.headers["content-location"])
    assert done.status_code == 200
    assert done.json()["resourceType"] == "CapabilityStatement"


def test_unknown_job(client: TestClient) -> None:
    assert client.get("/fhir/_async/nope").status_code == 404
    assert client.delete("/fhir/_async/nope").status_code == 404


def test_cancel_queued_job_and_survive_restart(fresh_database_url: str) -> None:
    """A job queued while no worker runs is still there after a restart; DELETE cancels."""
    database_url = fresh_database_url
    app = create_app(make_settings(database_url, run_jobs=False))
    with TestClient(app) as c:
        r1 = c.get("/fhir/Patient?_count=1", headers=ASYNC)
        r2 = c.get("/fhir/metadata", headers=ASYNC)
        assert r1.status_code == r2.status_code == 202
        loc1 = r1.headers["content-location"].replace("http://testserver", "")
        loc2 = r2.headers["content-location"].replace("http://testserver", "")
        assert c.get(loc1).status_code == 202
        assert c.delete(loc2).status_code == 202
        assert c.get(loc2).status_code == 410
    app.state.engine.dispose()
    restarted = create_app(make_settings(database_url))
    with TestClient(restarted) as c:
        done = _poll(c, loc1)
        assert done.status_code == 200 and done.json()["type"] == "searchset"
        assert c.get(loc2).status_code == 410
    restarted.state.engine.dispose()


@pytest.mark.parametrize("workers", [3])
def test_jobs_claimed_once_by_competing_workers(database_url: str, workers: int) -> None:
    """Several workers on one database never run the same job twice."""
    app = create_app(make_settings(database_url, run_jobs=False))
    engine = app.state.engine
    ran: list[str] = []
    kinds = {"count": lambda ctx: ran.append(ctx.id) or {"ok": True}}
    ids = {jobs.submit(engine, "count", {}) for _ in range(12)}
    pool = [jobs.Worker(engine, 0.01, kinds) for _ in range(workers)]
    for w in pool:
        w.start()
    deadline = time.time() + 30
    while time.time() < deadline and not ids <= set(ran):
        time.sleep(0.05)
    for w in pool:
        w.stop()
    assert sorted(ran) == sorted(ids)
    assert all(jobs.get(engine, i).status == "completed" for i in ids)
    engine.dispose()


def test_stale_running_job_is_taken_over(fresh_database_url: str) -> None:
    """A job left 'running' by a dead worker is picked up again; a live one is not."""
    from datetime import timedelta

    from sqlalchemy import update

    from fhir_server.fhirtime import now
    from fhir_server.storage.tables import job_t

    app = create_app(make_settings(fresh_database_url, run_jobs=False))
    engine = app.state.engine
    kinds = {"noop": lambda ctx: {"done": ctx.id}}
    jid = jobs.submit(engine, "noop", {})
    assert jobs.claim(engine, "dead-worker", ["noop"]).id == jid
    assert jobs.claim(engine, "other", ["noop"]) is None  # fresh heartbeat: not taken
    with engine.begin() as conn:
        conn.execute(update(job_t).where(job_t.c.id == jid).values(
            updated=now() - timedelta(seconds=jobs.STALE_SECONDS + 5)))
    assert jobs.run_one(engine, "survivor", kinds)
    row = jobs.get(engine, jid)
    assert (row.status, row.worker, row.attempts, row.result) == (
        "completed", "survivor", 2, {"done": jid})
    engine.dispose()


def test_sqlite_statistics_refreshed_as_data_grows(fresh_database_url: str) -> None:
    """SQLite gets ANALYZE when the data doubled; PostgreSQL is left to autovacuum."""
    from fhir_server.storage.maintenance import maybe_analyze

    app = create_app(make_settings(fresh_database_url, run_jobs=False))
    engine = app.state.engine
    with TestClient(app) as c:
        for _ in range(3):
            c.post("/fhir/Patient", json={"resourceType": "Patient"})
    sqlite = fresh_database_url.startswith("sqlite")
    assert maybe_analyze(engine) is sqlite  # never analysed: runs
    assert maybe_analyze(engine) is False  # nothing changed
    if sqlite:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar() > 0
    engine.dispose()
