"""Test fixtures: the real app on real SQLite and PostgreSQL databases (no mocks).

Every storage test runs on both backends. PostgreSQL comes from ``FHIR_AI_TEST_PG_URL``
(default: 127.0.0.1:5432, database ``test``); a fresh database is created per session. When
PostgreSQL is unreachable the PostgreSQL half is skipped with the reason, unless
``FHIR_AI_REQUIRE_PG=1`` (CI), where it fails.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from fhir_server.app import create_app
from fhir_server.settings import Settings

PG_URL = os.environ.get("FHIR_AI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


def _pg_database() -> Iterator[str]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"fhirai_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # unreachable server
        if os.environ.get("FHIR_AI_REQUIRE_PG") == "1":
            raise
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc}")
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_database_url(backend: str, tmp: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'fhir.db'}"
    else:
        yield from _pg_database()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[str]:
    yield from make_database_url(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture
def fresh_database_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the same backend, for tests that need the database alone."""
    backend = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    yield from make_database_url(backend, tmp_path)


def make_settings(url: str, **kw: Any) -> Settings:
    return Settings(database_url=url, job_poll_seconds=0.05, **kw)


@pytest.fixture(scope="session")
def app(database_url: str) -> Any:
    application = create_app(make_settings(database_url))
    yield application
    application.state.engine.dispose()


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server in a thread, for concurrency tests and third-party clients."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/fhir"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    application = create_app(make_settings(database_url))
    with LiveServer(application) as server:
        yield server
    application.state.engine.dispose()


def new_patient(client: TestClient, **extra: Any) -> dict[str, Any]:
    body = {"resourceType": "Patient", "name": [{"family": "Martin", "given": ["Léa"]}], **extra}
    r = client.post("/fhir/Patient", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())
