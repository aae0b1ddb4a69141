"""The FHIR repository: every storage interaction, on SQLite and PostgreSQL.

Implements the persistence side of https://hl7.org/fhir/R4/http.html: create, read, vread,
update (If-Match, update-as-create), conditional create/update/delete, patch, delete,
history and search. Writes go through :class:`Tx`, one database transaction, so a
transaction Bundle reuses exactly the same code as single interactions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from ..context import READ, AccessContext
from ..errors import (
    gone,
    not_found,
)
from ..search.engine import SearchQuery, count_select, included, page_select, parse_search
from . import dialect
from .tables import version_t
from .tx import (  # noqa: F401  (re-exported: the repository's public names)
    BY_KEY,
    WRITE_HOOKS,
    Resource,
    Stored,
    Tx,
    WriteHook,
    on_write,
    ordered,
    parse_etag,
    require_type,
)


@dataclass
class SearchResult:
    resources: list[Resource]
    total: int | None
    query: SearchQuery
    included: list[Resource] = field(default_factory=list)


class Repository:
    """Entry point used by the HTTP layer and operations; one instance per request."""

    def __init__(self, engine: Engine, ctx: AccessContext, default_count: int = 20,
                 max_count: int = 1000) -> None:
        self.engine = engine
        self.ctx = ctx
        self.default_count = default_count
        self.max_count = max_count

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A write transaction; everything inside commits or rolls back together."""
        with self.engine.connect() as conn:
            conn.execution_options(**{dialect.WRITE: True})
            with conn.begin():
                yield Tx(conn, self.ctx, self.default_count, self.max_count)

    def write(self, fn: Callable[[Tx], Any], retries: int = 3) -> Any:
        """Run ``fn`` in a write transaction, retrying on races the database detected."""
        for attempt in range(retries):
            try:
                with self.transaction() as tx:
                    return fn(tx)
            except IntegrityError as exc:
                if attempt == retries - 1 or not dialect.is_unique_violation(exc):
                    raise
            except OperationalError as exc:
                if attempt == retries - 1 or "deadlock" not in str(exc).lower():
                    raise
        raise AssertionError("unreachable")

    def bound(self, conn: Connection) -> Repository:
        """A repository whose reads run on ``conn`` (inside an open transaction)."""
        repo = Repository(self.engine, self.ctx, self.default_count, self.max_count)
        repo._conn = conn
        return repo

    _conn: Connection | None = None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def read(self, resource_type: str, rid: str) -> Stored:
        require_type(resource_type)
        self.ctx.require(resource_type, READ)
        with self.reading() as conn:
            row = conn.execute(BY_KEY, {"t": resource_type, "i": rid}).first()
        if row is None:
            raise not_found(f"{resource_type}/{rid} is not known")
        if row.deleted:
            err = gone(f"{resource_type}/{rid} has been deleted")
            err.headers["ETag"] = f'W/"{row.version_id}"'
            raise err
        return Tx._stored(row)

    def vread(self, resource_type: str, rid: str, vid: str) -> Stored:
        require_type(resource_type)
        self.ctx.require(resource_type, READ)
        try:
            version = int(vid)
        except ValueError:
            raise not_found(f"{resource_type}/{rid}/_history/{vid} is not known") from None
        with self.reading() as conn:
            row = conn.execute(select(version_t).where(and_(
                version_t.c.resource_type == resource_type, version_t.c.id == rid,
                version_t.c.version_id == version))).first()
        if row is None:
            raise not_found(f"{resource_type}/{rid}/_history/{vid} is not known")
        if row.deleted:
            raise gone(f"{resource_type}/{rid}/_history/{vid} is a deletion")
        return Tx._stored(row)

    def search(self, resource_type: str | None, params: list[tuple[str, str]],
               compartment: tuple[str, str] | None = None) -> SearchResult:
        """Run a search. ``total`` is counted when asked (``_total``, ``_summary=count``) or
        free (a first page that is not full); otherwise it is left out, as the spec allows."""
        if resource_type:
            require_type(resource_type)
            self.ctx.require(resource_type, READ)
        elif "*" not in self.ctx.scopes:
            self.ctx.require("*", READ)
        q = parse_search(resource_type, params, self.default_count, self.max_count, compartment)
        with self.reading() as conn:
            rows = conn.execute(page_select(q)).all() if q.count else []
            if q.keyset and q.direction == "previous":
                rows = rows[::-1]
            matches = [ordered(r.content) or {} for r in rows]
            if q.total in ("accurate", "estimate") or q.count == 0:
                total: int | None = conn.execute(count_select(q)).scalar_one()
            elif q.total is None and q.offset == 0 and q.cursor is None \
                    and len(rows) < (q.count or 0):
                total = len(rows)
            else:
                total = None
            extra = [ordered(r) or {} for r in included(conn, q, matches)]
        return SearchResult(matches, total, q, extra)
