"""Resolving canonical references for one terminology request.

Code systems, value sets and concept maps are looked up first among the resources supplied
with the request (``tx-resource`` parameters, never stored), then among stored ones
(https://hl7.org/fhir/R4/terminology-service.html). Without a version the newest is used;
``system-version`` / ``check-system-version`` / ``force-system-version`` parameters
(https://hl7.org/fhir/R4/valueset-operation-expand.html) adjust which version applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from . import store
from .model import CodeSystemModel, Json, apply_supplement, from_resource
from .versions import matches, newest


def split_canonical(value: str) -> tuple[str, str | None]:
    url, _, version = value.partition("|")
    return url, (version or None)


@dataclass
class TxContext:
    """What one request may see: supplied resources and the database."""

    conn: Connection | None
    resources: list[Json] = field(default_factory=list)
    #: url -> version from system-version / check-system-version / force-system-version
    default_versions: dict[str, str] = field(default_factory=dict)
    check_versions: dict[str, str] = field(default_factory=dict)
    force_versions: dict[str, str] = field(default_factory=dict)
    _models: dict[tuple[str, str | None], CodeSystemModel | None] = field(default_factory=dict)

    # -- code systems ---------------------------------------------------------------------
    def _supplied(self, rtype: str, url: str) -> list[Json]:
        return [r for r in self.resources
                if r.get("resourceType") == rtype and r.get("url") == url]

    def code_system_versions(self, url: str) -> list[str | None]:
        found = [r.get("version") for r in self._supplied("CodeSystem", url)
                 if r.get("content") != "supplement"]
        if self.conn is not None:
            found += [r.version for r in store.code_system_versions(self.conn, url)]
        out: list[str | None] = []
        for v in found:
            if v not in out:
                out.append(v)
        return out

    def has_code_system(self, url: str) -> bool:
        return bool(self.code_system_versions(url))

    def code_system(self, url: str, version: str | None = None) -> CodeSystemModel | None:
        """The code system version ``version`` (wildcards allowed), newest if None."""
        key = (url, version)
        if key in self._models:
            return self._models[key]
        model = self._find_code_system(url, version)
        self._models[key] = model
        return model

    def _find_code_system(self, url: str, version: str | None) -> CodeSystemModel | None:
        supplied = [r for r in self._supplied("CodeSystem", url)
                    if r.get("content") != "supplement" and matches(version, r.get("version"))]
        best = newest(supplied, lambda r: r.get("version"))
        if best is not None:
            return from_resource(best)
        if self.conn is None:
            return None
        rows = [r for r in store.code_system_versions(self.conn, url)
                if matches(version, r.version)]
        row = newest(rows, lambda r: r.version)
        return store.load_code_system(self.conn, row) if row is not None else None

    def supplement(self, canonical: str) -> Json | None:
        url, version = split_canonical(canonical)
        for r in self.resources:
            if r.get("resourceType") == "CodeSystem" and r.get("url") == url \
                    and r.get("content") == "supplement" and matches(version, r.get("version")):
                return r
        if self.conn is not None:
            from sqlalchemy import and_, select

            from .tables import code_system_t
            row = self.conn.execute(select(code_system_t).where(and_(
                code_system_t.c.url == url, code_system_t.c.supplements.is_not(None)))).first()
            if row is not None:
                from fhir_server.storage.tables import resource_t
                return self.conn.execute(select(resource_t.c.content).where(and_(
                    resource_t.c.resource_type == "CodeSystem",
                    resource_t.c.id == row.resource_id))).scalar_one_or_none()
        return None

    def with_supplements(self, model: CodeSystemModel, supplements: list[Json]
                         ) -> CodeSystemModel:
        for sup in supplements:
            target = str(sup.get("supplements") or "")
            turl, tver = split_canonical(target)
            if turl == model.url and (tver is None or tver == model.version):
                model = apply_supplement(model, sup)
        return model

    # -- value sets and concept maps ------------------------------------------------------
    def value_set(self, url: str, version: str | None = None) -> Json | None:
        found = self._canonical("ValueSet", url, version)
        if found is None and "?fhir_vs" in url:
            return self.implicit_value_set(url, version)
        return found

    def implicit_value_set(self, url: str, version: str | None = None) -> Json | None:
        """The implicit value set of a code system: ``[system]?fhir_vs`` (all its concepts)
        or ``[system]?fhir_vs=isa/[code]`` (the concept and its descendants), as defined for
        SNOMED CT and LOINC (https://hl7.org/fhir/R4/snomedct.html#implicit,
        https://hl7.org/fhir/R4/loinc.html#implicit) and applied here to every code system
        (https://hl7.org/fhir/R4/valueset.html#implicit)."""
        system, _, query = url.partition("?")
        spec = query[len("fhir_vs="):] if query.startswith("fhir_vs=") else None
        if (query != "fhir_vs" and spec is None) or not self.has_code_system(system):
            return None
        include: Json = {"system": system}
        if version:
            include["version"] = version  # the code system's version
        if spec:
            kind, _, code = spec.partition("/")
            if kind != "isa" or not code:
                return None  # refsets and other kinds are SNOMED CT / LOINC only
            include["filter"] = [{"property": "concept", "op": "is-a", "value": code}]
        vs: Json = {"resourceType": "ValueSet", "url": url, "status": "active",
                    "compose": {"include": [include]}}
        if version:
            vs["version"] = version
        return vs

    def concept_maps(self) -> list[Json]:
        out = [r for r in self.resources if r.get("resourceType") == "ConceptMap"]
        if self.conn is not None:
            from sqlalchemy import select

            from fhir_server.storage.tables import resource_t
            stmt = select(resource_t.c.content).where(
                resource_t.c.resource_type == "ConceptMap", resource_t.c.deleted.is_(False))
            out += [dict(c) for (c,) in self.conn.execute(stmt) if c]
        return out

    def concept_map(self, url: str, version: str | None = None) -> Json | None:
        return self._canonical("ConceptMap", url, version)

    def _canonical(self, rtype: str, url: str, version: str | None) -> Json | None:
        supplied = [r for r in self._supplied(rtype, url) if matches(version, r.get("version"))]
        best = newest(supplied, lambda r: r.get("version"))
        if best is not None:
            return best
        if self.conn is None:
            return None
        return store.find_canonical(self.conn, rtype, url, version)


@contextmanager
def tx_context(repo: Any, resources: list[Json], **kw: Any) -> Iterator[TxContext]:
    """A context reading the database through ``repo`` for the duration of a request."""
    with repo.reading() as conn:
        yield TxContext(conn, resources, **kw)
