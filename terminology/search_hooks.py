"""Token search modifiers answered by the terminology service
(https://hl7.org/fhir/R4/search.html#token): ``:below`` / ``:above`` walk the stored
hierarchy of a code system, ``:in`` / ``:not-in`` expand a value set
(https://hl7.org/fhir/R4/valueset-operation-expand.html).

The search compiler calls its hooks with codes only; the database they read is the one of
the request being served, which a small ASGI middleware puts in a context variable.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection, Engine

from fhir_server.errors import bad_request
from fhir_server.search import query

from .context import TxContext
from .expand import Expander, ExpandOptions
from .issues import TxError
from .tables import code_system_t, concept_t, parent_t
from .versions import newest

Pair = tuple[str | None, str]
Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]

#: the engine of the application serving the current request
ENGINE: ContextVar[Engine | None] = ContextVar("terminology_engine", default=None)
_LAST: list[Engine] = []


class EngineScope:
    """ASGI middleware: makes ``app.state.engine`` visible to the search hooks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        engine = getattr(getattr(scope.get("app"), "state", None), "engine", None)
        token = ENGINE.set(engine)
        try:
            await self.app(scope, receive, send)
        finally:
            ENGINE.reset(token)


def install_app(app: Any) -> None:
    """Called by the application factory once its engine is open."""
    app.add_middleware(EngineScope)
    _LAST[:] = [app.state.engine]


@contextmanager
def _connection() -> Iterator[Connection]:
    engine = ENGINE.get() or (_LAST[0] if _LAST else None)
    if engine is None:
        raise bad_request("The terminology service has no database to read")
    with engine.connect() as conn, conn.begin():
        yield conn


def _systems_with(conn: Connection, system: str | None, code: str) -> list[Any]:
    """The newest stored version of each code system (or of ``system``) holding ``code``."""
    stmt = select(code_system_t).join(concept_t, concept_t.c.cs_pk == code_system_t.c.pk).where(
        and_(concept_t.c.code == code, code_system_t.c.supplements.is_(None)))
    if system:
        stmt = stmt.where(code_system_t.c.url == system)
    by_url: dict[str, list[Any]] = {}
    for row in conn.execute(stmt):
        by_url.setdefault(row.url, []).append(row)
    return [r for rows in by_url.values() if (r := newest(rows, lambda x: x.version))]


def _walk(conn: Connection, cs_pk: int, code: str, mode: str) -> list[str]:
    """``code`` and its descendants (``below``) or ancestors (``above``), breadth first."""
    src, dst = (parent_t.c.parent, parent_t.c.child) if mode == "below" else \
        (parent_t.c.child, parent_t.c.parent)
    seen = {code}
    out, frontier = [code], [code]
    while frontier:
        nxt: list[str] = []
        for i in range(0, len(frontier), 500):
            stmt = select(dst).where(and_(parent_t.c.cs_pk == cs_pk,
                                          src.in_(frontier[i:i + 500])))
            for (c,) in conn.execute(stmt):
                if c not in seen:
                    seen.add(c)
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def subsumed(system: str | None, code: str, mode: str) -> list[Pair]:
    """Codes subsumed by (``below``) or subsuming (``above``) ``system|code``."""
    with _connection() as conn:
        rows = _systems_with(conn, system, code)
        if not rows:
            return [(system, code)]
        out: list[Pair] = []
        for row in rows:
            out.extend((row.url, c) for c in _walk(conn, row.pk, code, mode))
        return out


def valueset_codes(url: str) -> list[Pair]:
    """The (system, code) pairs of the expansion of the value set ``url[|version]``."""
    with _connection() as conn:
        exp = Expander(TxContext(conn, []), ExpandOptions(limit=100_000))
        try:
            entries = exp.expand(exp.value_set(url))
        except TxError as err:
            text = err.issues[0]["details"]["text"] if err.issues else str(err)
            raise bad_request(text) from None
        return [(e.system or None, e.code) for e in entries.values()]


def install() -> None:
    """Register the hooks with the search compiler."""
    query.SUBSUMED[:] = [subsumed]
    query.VALUESET_CODES[:] = [valueset_codes]
