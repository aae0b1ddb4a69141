"""Database tables (SQLModel). The schema is created and upgraded by Alembic migrations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

JsonType = JSON().with_variant(JSONB(), "postgresql")


def _ts(**kw: Any) -> Any:
    return Field(sa_column=Column(DateTime(timezone=True), **kw))


class ResourceRow(SQLModel, table=True):
    """The current version of every resource (deleted ones keep a tombstone row)."""

    __tablename__ = "resource"
    __table_args__ = (Index("ix_resource_updated", "last_updated"),
                      Index("ix_resource_type_updated", "resource_type", "last_updated"))

    resource_type: str = Field(primary_key=True, max_length=64)
    id: str = Field(primary_key=True, max_length=64)
    version_id: int = Field(sa_column=Column(Integer, nullable=False))
    last_updated: datetime = _ts(nullable=False)
    deleted: bool = False
    content: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonType))


class ResourceVersionRow(SQLModel, table=True):
    """Every version ever written, for vread and history."""

    __tablename__ = "resource_version"
    __table_args__ = (
        Index("ix_resource_version_updated", "last_updated"),
        Index("ix_resource_version_type_updated", "resource_type", "last_updated"),
    )

    resource_type: str = Field(primary_key=True, max_length=64)
    id: str = Field(primary_key=True, max_length=64)
    version_id: int = Field(primary_key=True)
    last_updated: datetime = _ts(nullable=False)
    #: the interaction that produced it: POST, PUT, PATCH or DELETE
    method: str = Field(max_length=8)
    deleted: bool = False
    content: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonType))


class TokenIndexRow(SQLModel, table=True):
    """Token search index rows (system|code) extracted from resources at write time."""

    __tablename__ = "search_token"
    __table_args__ = (
        Index("ix_search_token_lookup", "resource_type", "param", "code", "system"),
        Index("ix_search_token_resource", "resource_type", "resource_id"),
    )

    pk: int | None = Field(default=None, sa_column=Column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True))
    resource_type: str = Field(max_length=64)
    resource_id: str = Field(max_length=64)
    param: str = Field(max_length=64)
    system: str | None = Field(default=None, sa_column=Column(Text))
    code: str | None = Field(default=None, sa_column=Column(Text))
    #: display / text, accent- and case-folded, for the ``:text`` modifier
    text: str | None = Field(default=None, sa_column=Column(Text))


class JobRow(SQLModel, table=True):
    """A DB-backed job (https://hl7.org/fhir/R4/async.html); survives restarts."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_status_created", "status", "created"),)

    id: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=64)
    #: queued, running, completed, failed, cancelled
    status: str = Field(max_length=16)
    params: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonType))
    result: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonType))
    progress: str | None = Field(default=None, sa_column=Column(Text))
    worker: str | None = Field(default=None, max_length=128)
    cancel_requested: bool = False
    attempts: int = 0
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


metadata = SQLModel.metadata


def _index_table(name: str, *columns: Any, lookup: tuple[str, ...]) -> Table:
    """A search index table: one row per (resource, parameter, value)."""
    pk = Column("pk", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                autoincrement=True)
    return Table(
        name, metadata, pk,
        Column("resource_type", String(64), nullable=False),
        Column("resource_id", String(64), nullable=False),
        Column("param", String(64), nullable=False),
        *columns,
        Index(f"ix_{name}_lookup", "resource_type", "param", *lookup),
        Index(f"ix_{name}_resource", "resource_type", "resource_id"),
    )


string_t = _index_table("search_string", Column("value", Text), Column("exact", Text),
                        lookup=("value",))
reference_t = _index_table("search_reference", Column("target_type", String(64)),
                           Column("target_id", String(64)), Column("url", Text),
                           lookup=("target_id", "target_type"))
date_t = _index_table("search_date", Column("low", DateTime(timezone=True)),
                      Column("high", DateTime(timezone=True)), lookup=("low", "high"))
number_t = _index_table("search_number", Column("value", Float), lookup=("value",))
quantity_t = _index_table("search_quantity", Column("value", Float), Column("system", Text),
                          Column("code", Text), Column("unit", Text),
                          Column("canonical_value", Float), Column("canonical_unit", Text),
                          Index("ix_search_quantity_canonical", "resource_type", "param",
                                "canonical_unit", "canonical_value"),
                          lookup=("code", "value"))
uri_t = _index_table("search_uri", Column("uri", Text), lookup=("uri",))
composite_t = _index_table(
    "search_composite",
    Column("c1_system", Text), Column("c1_code", Text),
    Column("c2_system", Text), Column("c2_code", Text), Column("c2_value", Float),
    Column("c2_low", DateTime(timezone=True)), Column("c2_high", DateTime(timezone=True)),
    lookup=("c1_code", "c2_code"),
)
text_t = Table(
    "search_text", metadata,
    Column("resource_type", String(64), primary_key=True),
    Column("resource_id", String(64), primary_key=True),
    Column("narrative", Text), Column("content", Text),
)


resource_t = ResourceRow.__table__  # type: ignore[attr-defined]
version_t = ResourceVersionRow.__table__  # type: ignore[attr-defined]
token_t = TokenIndexRow.__table__  # type: ignore[attr-defined]
job_t = JobRow.__table__  # type: ignore[attr-defined]
#: every per-resource index table, cleared when a resource changes
INDEX_TABLES = (token_t, string_t, reference_t, date_t, number_t, quantity_t, uri_t,
                composite_t, text_t)
