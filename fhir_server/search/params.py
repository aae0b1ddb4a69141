"""Search parameter definitions: the official R4 SearchParameters shipped as package data
(``fhir_server/data/search_parameters.json``, built by ``scripts/build_search_parameters.py``)
plus SearchParameter resources stored on the server (active after ``$reindex``).
See https://hl7.org/fhir/R4/searchparameter.html.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .paths import PathFn, compile_expression

DATA = Path(__file__).resolve().parent.parent / "data" / "search_parameters.json"
#: Parameters handled by the query compiler itself, not by index tables.
SPECIAL = {"_id", "_lastUpdated", "_text", "_content", "_has", "_list", "_query", "_filter",
           "_type"}


@dataclass(frozen=True)
class Component:
    definition: str
    expression: str


@dataclass(frozen=True)
class SearchParam:
    """One search parameter as it applies to one resource type."""

    code: str
    type: str
    expression: str
    url: str
    base: tuple[str, ...]
    target: tuple[str, ...] = ()
    components: tuple[Component, ...] = ()
    description: str = ""
    _fn: list[PathFn] = field(default_factory=list, compare=False, hash=False, repr=False)

    def nodes(self, resource: dict[str, Any]) -> list[Any]:
        if not self._fn:
            self._fn.append(compile_expression(self.expression))
        return self._fn[0](resource)


def _param(d: dict[str, Any]) -> SearchParam:
    return SearchParam(
        code=d["code"], type=d["type"], expression=d.get("expression") or "", url=d["url"],
        base=tuple(d.get("base") or ()), target=tuple(d.get("target") or ()),
        components=tuple(Component(c["definition"], c["expression"])
                         for c in d.get("component") or ()),
        description=(d.get("description") or "").split("\n")[0][:200],
    )


@lru_cache(maxsize=1)
def builtin() -> tuple[SearchParam, ...]:
    return tuple(_param(d) for d in json.loads(DATA.read_text()))


class Registry:
    """Search parameters by resource type (including Resource/DomainResource ones)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._custom: dict[str, SearchParam] = {}
        self._cache: dict[str, dict[str, SearchParam]] = {}
        self._by_url: dict[str, SearchParam] = {}
        #: bumped whenever the set of parameters changes
        self.version = 0

    def _rebuild(self) -> None:
        self.version += 1
        self._cache = {}
        self._by_url = {p.url: p for p in (*builtin(), *self._custom.values())}

    def for_type(self, resource_type: str) -> dict[str, SearchParam]:
        cached = self._cache.get(resource_type)
        if cached is not None:
            return cached
        with self._lock:
            out: dict[str, SearchParam] = {}
            for p in (*builtin(), *self._custom.values()):
                if resource_type in p.base or "Resource" in p.base or (
                        "DomainResource" in p.base and resource_type not in
                        ("Bundle", "Parameters", "Binary")):
                    out[p.code] = p
            self._cache[resource_type] = out
            return out

    def by_url(self, url: str) -> SearchParam | None:
        if not self._by_url:
            with self._lock:
                self._rebuild()
        return self._by_url.get(url)

    def set_custom(self, resources: list[dict[str, Any]]) -> None:
        """Activate stored SearchParameter resources (done by ``$reindex``)."""
        with self._lock:
            self._custom = {}
            for sp in resources:
                if sp.get("status") == "retired" or not sp.get("code") or not sp.get("type"):
                    continue
                self._custom[sp["url"]] = _param({**sp, "url": sp.get("url") or sp["id"]})
            self._rebuild()


REGISTRY = Registry()
