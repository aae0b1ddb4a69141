"""``_text`` / ``_content`` (https://hl7.org/fhir/R4/search.html#text): full-text matching,
compiled per dialect — FTS5 on SQLite, ``tsvector`` with a GIN index on PostgreSQL.
Every word must be present (as a word prefix), accents and case ignored."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import and_, exists, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import Boolean

from ..storage.tables import text_t
from .extract import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class FullTextMatch(ColumnElement[bool]):
    """``field`` of the search_text row matches every word of one alternative."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, field: str, terms: list[str]) -> None:
        self.field = field
        self.terms = terms


@compiles(FullTextMatch, "sqlite")
def _sqlite(element: FullTextMatch, compiler: Any, **kw: Any) -> str:
    query = f"{element.field} : (" + " AND ".join(f'"{t}"*' for t in element.terms) + ")"
    param = compiler.process(_literal(query), **kw)
    return (f"search_text.rowid IN (SELECT rowid FROM search_fts "
            f"WHERE search_fts MATCH {param})")


@compiles(FullTextMatch, "postgresql")
def _postgresql(element: FullTextMatch, compiler: Any, **kw: Any) -> str:
    query = " & ".join(f"{t}:*" for t in element.terms)
    param = compiler.process(_literal(query), **kw)
    return f"search_text.{element.field}_tsv @@ to_tsquery('simple', {param})"


@compiles(FullTextMatch)
def _other(element: FullTextMatch, compiler: Any, **kw: Any) -> str:
    col = text_t.c[element.field]
    cond = and_(*[col.like(f"%{t}%") for t in element.terms])
    return str(compiler.process(cond, **kw))


def _literal(value: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(None, value, unique=True)


def text_condition(type_expr: Any, id_expr: Any, code: str, value: str,
                   alternatives: list[str]) -> ColumnElement[bool]:
    field = "narrative" if code == "_text" else "content"
    alts = [FullTextMatch(field, terms) for terms in (words(a) for a in alternatives) if terms]
    if not alts:
        return true()
    if isinstance(type_expr, str):
        return id_expr.in_(select(text_t.c.resource_id).where(and_(
            text_t.c.resource_type == type_expr, or_(*alts))).correlate(None))
    return exists().where(and_(text_t.c.resource_type == type_expr,
                               text_t.c.resource_id == id_expr, or_(*alts)))
