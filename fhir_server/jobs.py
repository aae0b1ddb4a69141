"""DB-backed jobs, safe with several server processes, surviving restarts.

Workers claim a job with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL and inside a
``BEGIN IMMEDIATE`` transaction on SQLite; a running job whose heartbeat is older than
``STALE_SECONDS`` (its worker died) is claimed again. Every long operation registers a job
kind here.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from .fhirtime import now
from .storage import dialect
from .storage.maintenance import maybe_analyze
from .storage.tables import job_t

log = logging.getLogger(__name__)
STALE_SECONDS = 60
#: how often a worker checks whether the planner statistics need refreshing
UPKEEP_SECONDS = 60
MAX_ATTEMPTS = 3


class JobCancelled(Exception):
    """Raised inside a job when cancellation was requested."""


@dataclass
class JobContext:
    """Handed to a job function: its parameters, progress reporting and cancellation."""

    engine: Engine
    id: str
    params: dict[str, Any]

    def progress(self, text: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(job_t).where(job_t.c.id == self.id)
                         .values(progress=text, updated=now()))

    def cancelled(self) -> bool:
        with self.engine.connect() as conn:
            flag = conn.execute(select(job_t.c.cancel_requested)
                                .where(job_t.c.id == self.id)).scalar()
        return bool(flag)

    def check_cancel(self) -> None:
        if self.cancelled():
            raise JobCancelled(self.id)


JobFn = Callable[[JobContext], dict[str, Any]]
KINDS: dict[str, JobFn] = {}


def job_kind(name: str) -> Callable[[JobFn], JobFn]:
    def deco(fn: JobFn) -> JobFn:
        KINDS[name] = fn
        return fn
    return deco


def submit(engine: Engine, kind: str, params: dict[str, Any]) -> str:
    with engine.begin() as conn:
        return submit_in(conn, kind, params)


def submit_in(conn: Connection, kind: str, params: dict[str, Any]) -> str:
    """Queue a job inside the caller's transaction (it exists only if that commits)."""
    jid = str(uuid.uuid4())
    t = now()
    conn.execute(insert(job_t).values(id=jid, kind=kind, status="queued", params=params,
                                      created=t, updated=t, attempts=0))
    return jid


def get(engine: Engine, jid: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(select(job_t).where(job_t.c.id == jid)).first()


def cancel(engine: Engine, jid: str) -> bool:
    """Cancel a job; False when there is no such job."""
    with engine.begin() as conn:
        row = conn.execute(select(job_t.c.status).where(job_t.c.id == jid)).first()
        if row is None:
            return False
        values: dict[str, Any] = {"cancel_requested": True, "updated": now()}
        if row.status == "queued":
            values["status"] = "cancelled"
        conn.execute(update(job_t).where(job_t.c.id == jid).values(**values))
    return True


def claim(engine: Engine, worker: str, kinds: list[str] | None = None) -> Any:
    """Atomically take the oldest runnable job of one of ``kinds``, or None."""
    stale = now() - timedelta(seconds=STALE_SECONDS)
    with engine.connect() as conn:
        conn.execution_options(**{dialect.WRITE: True})
        with conn.begin():
            runnable = or_(job_t.c.status == "queued",
                           and_(job_t.c.status == "running", job_t.c.updated < stale))
            stmt = (select(job_t).where(and_(runnable, job_t.c.cancel_requested.is_(False),
                                             job_t.c.attempts < MAX_ATTEMPTS,
                                             job_t.c.kind.in_(kinds or list(KINDS))))
                    .order_by(job_t.c.created).limit(1))
            row = conn.execute(dialect.skip_locked(conn, stmt)).first()
            if row is None:
                return None
            conn.execute(update(job_t).where(job_t.c.id == row.id).values(
                status="running", worker=worker, updated=now(), attempts=row.attempts + 1))
            return row


def run_one(engine: Engine, worker: str, kinds: dict[str, JobFn] | None = None) -> bool:
    """Claim and run one job; False when nothing was waiting."""
    kinds = kinds or KINDS
    row = claim(engine, worker, list(kinds))
    if row is None:
        return False
    ctx = JobContext(engine, row.id, row.params or {})
    fn = kinds.get(row.kind)
    beat = _Heartbeat(engine, row.id)
    beat.start()
    try:
        if fn is None:
            raise RuntimeError(f"unknown job kind {row.kind!r}")
        result = fn(ctx)
        status = "cancelled" if ctx.cancelled() else "completed"
    except JobCancelled:
        result, status = None, "cancelled"
    except Exception as exc:  # a job's failure is recorded, never kills the worker
        log.exception("job %s (%s) failed", row.id, row.kind)
        result, status = {"error": f"{type(exc).__name__}: {exc}"}, "failed"
    finally:
        beat.stop()
    with engine.begin() as conn:
        conn.execute(update(job_t).where(job_t.c.id == row.id)
                     .values(status=status, result=result, updated=now()))
    return True


class _Heartbeat:
    """Keeps a running job's ``updated`` fresh so other workers do not take it over."""

    def __init__(self, engine: Engine, jid: str, every: float = STALE_SECONDS / 4) -> None:
        self.engine, self.jid, self.every = engine, jid, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="job-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.engine.begin() as conn:
                    conn.execute(update(job_t).where(job_t.c.id == self.jid)
                                 .values(updated=now()))
            except Exception:
                log.exception("job heartbeat failed")


class Worker:
    """A background thread that runs jobs until stopped."""

    def __init__(self, engine: Engine, poll_seconds: float = 0.5,
                 kinds: dict[str, JobFn] | None = None) -> None:
        self.engine = engine
        self.kinds = {**KINDS, **(kinds or {})}
        self.poll = poll_seconds
        self.name = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="fhir-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        next_upkeep = 0.0
        while not self._stop.is_set():
            if time.monotonic() >= next_upkeep:
                next_upkeep = time.monotonic() + UPKEEP_SECONDS
                try:
                    maybe_analyze(self.engine)
                except Exception:
                    log.exception("database upkeep failed")
            try:
                busy = run_one(self.engine, self.name, self.kinds)
            except Exception:
                log.exception("job worker error")
                busy = False
            if not busy:
                self._stop.wait(self.poll)
