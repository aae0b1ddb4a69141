"""Concept tables kept in step with stored CodeSystem / ValueSet / ConceptMap resources.

The resources themselves are stored by the core like any other; these tables exist for fast
lookups (https://hl7.org/fhir/R4/terminology-service.html). One ``tx_code_system`` row per
stored CodeSystem version; concepts, parent links, properties and designations hang off it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from fhir_server.storage.tables import metadata

__all__ = ["metadata"]


def _pk() -> Any:
    return Field(default=None, sa_column=Column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True))


class TxCodeSystemRow(SQLModel, table=True):
    """A stored CodeSystem (one per resource; several versions of one url side by side)."""

    __tablename__ = "tx_code_system"
    __table_args__ = (Index("ix_tx_code_system_url", "url", "version"),
                      Index("ix_tx_code_system_resource", "resource_id"))

    pk: int | None = _pk()
    resource_id: str = Field(max_length=64)
    url: str = Field(sa_column=Column(Text, nullable=False))
    version: str | None = Field(default=None, sa_column=Column(Text))
    name: str | None = Field(default=None, sa_column=Column(Text))
    content: str | None = Field(default=None, max_length=32)
    #: the base code system's canonical for a supplement
    supplements: str | None = Field(default=None, sa_column=Column(Text))
    concept_count: int = 0


class TxConceptRow(SQLModel, table=True):
    __tablename__ = "tx_concept"
    __table_args__ = (UniqueConstraint("cs_pk", "code", name="uq_tx_concept_code"),)

    pk: int | None = _pk()
    cs_pk: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                        nullable=False))
    seq: int = 0
    code: str = Field(sa_column=Column(Text, nullable=False))
    display: str | None = Field(default=None, sa_column=Column(Text))
    definition: str | None = Field(default=None, sa_column=Column(Text))
    inactive: bool = False
    status: str | None = Field(default=None, max_length=32)
    not_selectable: bool = False
    #: other concept elements kept verbatim (extensions) as JSON text
    extra: str | None = Field(default=None, sa_column=Column(Text))


class TxConceptParentRow(SQLModel, table=True):
    __tablename__ = "tx_concept_parent"
    __table_args__ = (Index("ix_tx_concept_parent_child", "cs_pk", "child"),
                      Index("ix_tx_concept_parent_parent", "cs_pk", "parent"))

    pk: int | None = _pk()
    cs_pk: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                        nullable=False))
    child: str = Field(sa_column=Column(Text, nullable=False))
    parent: str = Field(sa_column=Column(Text, nullable=False))


class TxConceptPropertyRow(SQLModel, table=True):
    __tablename__ = "tx_concept_property"
    __table_args__ = (Index("ix_tx_concept_property_code", "cs_pk", "code"),
                      Index("ix_tx_concept_property_value", "cs_pk", "property", "value"))

    pk: int | None = _pk()
    cs_pk: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                        nullable=False))
    code: str = Field(sa_column=Column(Text, nullable=False))
    property: str = Field(sa_column=Column(Text, nullable=False))
    #: valueCode, valueString, valueBoolean, ...
    value_type: str = Field(max_length=32)
    #: the value as text (JSON for complex values)
    value: str | None = Field(default=None, sa_column=Column(Text))


class TxDesignationRow(SQLModel, table=True):
    __tablename__ = "tx_designation"
    __table_args__ = (Index("ix_tx_designation_code", "cs_pk", "code"),)

    pk: int | None = _pk()
    cs_pk: int = Field(sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                        nullable=False))
    code: str = Field(sa_column=Column(Text, nullable=False))
    language: str | None = Field(default=None, max_length=32)
    use_system: str | None = Field(default=None, sa_column=Column(Text))
    use_code: str | None = Field(default=None, sa_column=Column(Text))
    use_display: str | None = Field(default=None, sa_column=Column(Text))
    value: str = Field(sa_column=Column(Text, nullable=False))


class TxCanonicalRow(SQLModel, table=True):
    """Canonical url and version of stored ValueSets and ConceptMaps."""

    __tablename__ = "tx_canonical"
    __table_args__ = (Index("ix_tx_canonical_url", "resource_type", "url"),)

    resource_type: str = Field(primary_key=True, max_length=64)
    resource_id: str = Field(primary_key=True, max_length=64)
    url: str = Field(sa_column=Column(Text, nullable=False))
    version: str | None = Field(default=None, sa_column=Column(Text))


code_system_t = TxCodeSystemRow.__table__  # type: ignore[attr-defined]
concept_t = TxConceptRow.__table__  # type: ignore[attr-defined]
parent_t = TxConceptParentRow.__table__  # type: ignore[attr-defined]
property_t = TxConceptPropertyRow.__table__  # type: ignore[attr-defined]
designation_t = TxDesignationRow.__table__  # type: ignore[attr-defined]
canonical_t = TxCanonicalRow.__table__  # type: ignore[attr-defined]
