"""Everything that differs between SQLite and PostgreSQL lives here.

SQLite: WAL journal, writes serialised with ``BEGIN IMMEDIATE`` (so read-check-write is atomic).
PostgreSQL: row locks (``FOR UPDATE``), transaction-scoped advisory locks for conditional
interactions and ``FOR UPDATE SKIP LOCKED`` for picking jobs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Select, create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url

WRITE = "fhir_write"
JSON_OPTS: dict[str, Any] = {
    "json_serializer": lambda obj: orjson.dumps(obj).decode(),
    "json_deserializer": orjson.loads,
}


def is_sqlite(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "sqlite"


def make_engine(url: str, pool_size: int = 20) -> Engine:
    """Create the engine with the per-dialect settings the repository relies on."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            u, connect_args={"check_same_thread": False, "timeout": 60},
            pool_size=pool_size, max_overflow=pool_size, **JSON_OPTS,
        )
        _sqlite_events(engine)
        return engine
    if u.get_backend_name() == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(u, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                         **JSON_OPTS)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def for_update(conn: Connection, stmt: Select[Any]) -> Select[Any]:
    """Lock the selected rows until commit (SQLite is already serialised)."""
    return stmt if is_sqlite(conn) else stmt.with_for_update()


def skip_locked(conn: Connection, stmt: Select[Any]) -> Select[Any]:
    return stmt if is_sqlite(conn) else stmt.with_for_update(skip_locked=True)


def lock_key(conn: Connection, key: str) -> None:
    """Serialise transactions on ``key`` until commit (no-op on SQLite: writes are serial)."""
    if is_sqlite(conn):
        return
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": digest})


def is_unique_violation(exc: Exception) -> bool:
    msg = str(getattr(exc, "orig", exc)).lower()
    return "unique" in msg or "duplicate key" in msg
