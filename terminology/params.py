"""Operation input parameters (https://hl7.org/fhir/R4/operations.html#request), read from a
Parameters body or the query string, with the terminology-wide ones (``tx-resource``,
version rules, display language)."""

from __future__ import annotations

from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import TxContext, split_canonical
from .model import Json


class Params:
    """Named input parameters of one request."""

    def __init__(self, req: OpRequest) -> None:
        self.req = req
        self.items: list[Json] = req.parameters()

    def all(self, name: str) -> list[Json]:
        return [p for p in self.items if p.get("name") == name]

    def has(self, name: str) -> bool:
        return bool(self.all(name))

    def value(self, name: str) -> Any:
        for p in self.all(name):
            for key, val in p.items():
                if key.startswith("value"):
                    return val
        return None

    def values(self, name: str) -> list[Any]:
        out: list[Any] = []
        for p in self.all(name):
            out.extend(v for k, v in p.items() if k.startswith("value"))
        return out

    def string(self, name: str) -> str | None:
        v = self.value(name)
        return None if v is None else str(v)

    def boolean(self, name: str, default: bool = False) -> bool:
        v = self.value(name)
        if v is None:
            return default
        if isinstance(v, bool):
            return v
        return str(v).lower() == "true"

    def integer(self, name: str) -> int | None:
        v = self.value(name)
        if v is None:
            return None
        try:
            return int(v)
        except (TypeError, ValueError):
            raise bad_request(f"Parameter {name!r} must be an integer", name) from None

    def resource(self, name: str) -> Json | None:
        for p in self.all(name):
            if isinstance(p.get("resource"), dict):
                return dict(p["resource"])
        return None

    def tx_resources(self) -> list[Json]:
        return [p["resource"] for p in self.all("tx-resource")
                if isinstance(p.get("resource"), dict)]

    def display_language(self) -> str | None:
        lang = self.string("displayLanguage")
        if lang:
            return lang
        header = self.req.headers.get("accept-language")
        return header or None

    def versions(self, name: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for v in self.values(name):
            url, version = split_canonical(str(v))
            if version:
                out[url] = version
        return out

    def context(self, conn: Any) -> TxContext:
        return TxContext(conn, self.tx_resources(),
                         default_versions=self.versions("system-version"),
                         check_versions=self.versions("check-system-version"),
                         force_versions=self.versions("force-system-version"))
