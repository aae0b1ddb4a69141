"""The operation registry: one table from which routes AND the CapabilityStatement are built.

See https://hl7.org/fhir/R4/operations.html. Each operation module registers an
:class:`OperationSpec` with its OperationDefinition canonical URL and one handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import bad_request, not_allowed
from .storage.repository import Repository


@dataclass
class OpRequest:
    """Everything a handler receives."""

    repo: Repository
    base: str
    method: str
    resource_type: str | None
    id: str | None
    body: Any
    query: list[tuple[str, str]]
    #: request headers, lower-case names (e.g. ``accept-language`` for terminology operations)
    headers: dict[str, str] = field(default_factory=dict)

    def parameters(self) -> list[dict[str, Any]]:
        """Input parameters from a Parameters body and from the query string."""
        params: list[dict[str, Any]] = []
        if isinstance(self.body, dict):
            if self.body.get("resourceType") != "Parameters":
                raise bad_request("Operation input must be a Parameters resource")
            params.extend(p for p in self.body.get("parameter") or [] if isinstance(p, dict))
        for name, value in self.query:
            if not name.startswith("_"):
                params.append({"name": name, "valueString": value})
        return params

    def param(self, name: str) -> dict[str, Any] | None:
        found = [p for p in self.parameters() if p.get("name") == name]
        if len(found) > 1:
            raise bad_request(f"Parameter {name!r} may appear only once", name)
        return found[0] if found else None

    def flag(self, name: str) -> bool:
        """A boolean parameter (``valueBoolean``, or ``true`` / ``false`` as text, e.g. from
        the query string); absent is false; anything else is a 400."""
        p = self.param(name)
        if p is None:
            return False
        if isinstance(p.get("valueBoolean"), bool):
            return bool(p["valueBoolean"])
        value = str(p.get("valueString", "")).lower()
        if value not in ("true", "false"):
            raise bad_request(f"Parameter {name!r} must be a boolean (true or false)", name)
        return value == "true"


#: A handler returns (status, body resource or None, extra headers).
Handler = Callable[[OpRequest], tuple[int, Any, dict[str, str]]]


@dataclass
class OperationSpec:
    name: str
    handler: Handler
    definition: str
    system: bool = False
    type_level: bool = False
    instance: bool = False
    resource_types: tuple[str, ...] = ()
    get_allowed: bool = False
    documentation: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def applies(self, resource_type: str | None, level: str) -> bool:
        if level == "system":
            return self.system
        if self.resource_types and resource_type not in self.resource_types:
            return False
        return self.type_level if level == "type" else self.instance


REGISTRY: dict[str, OperationSpec] = {}


def register(spec: OperationSpec) -> OperationSpec:
    REGISTRY[spec.name] = spec
    return spec


def find(name: str, resource_type: str | None, level: str, method: str) -> OperationSpec:
    spec = REGISTRY.get(name.lstrip("$"))
    if spec is None or not spec.applies(resource_type, level):
        where = f"{resource_type} {level} level" if resource_type else "system level"
        raise not_allowed(f"Operation {name} is not supported at {where}")
    if method == "GET" and not spec.get_allowed:
        raise not_allowed(f"Operation {name} changes data or needs a body: use POST")
    return spec
