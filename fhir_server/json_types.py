"""JSON representation checks the pydantic models are lenient about.

https://hl7.org/fhir/R4/json.html#primitive: booleans are JSON ``true``/``false``, integers
and decimals are JSON numbers, every other primitive is a JSON string. The fhir.resources
models coerce ``"yes"`` to ``true`` and ``"3"`` to ``3``; storing the original would keep
invalid JSON, so values are checked against the model's field types here.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from .errors import issue

Kinds = dict[str, tuple[str, str]]  # alias -> (attribute name, kind)


def _kind(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.List):  # noqa: UP006
        kinds = {_kind(a) for a in typing.get_args(annotation) if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "any"
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is Decimal or annotation is float:
        return "dec"
    if annotation in (str, datetime, date, time):
        return "str"
    return "complex"


@cache
def _fields(cls: type) -> Kinds:
    out: Kinds = {}
    for name, field in cls.model_fields.items():  # type: ignore[attr-defined]
        out[field.alias or name] = (name, _kind(field.annotation))
    return out


def _ok(kind: str, value: Any) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "dec":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "str":
        return isinstance(value, str)
    return True


def json_type_issues(data: dict[str, Any], model: BaseModel, path: str) -> list[dict[str, Any]]:
    """Issues for primitives whose JSON type is wrong, walking data and model together."""
    out: list[dict[str, Any]] = []
    _walk(data, model, path, out)
    return out


def _walk(data: dict[str, Any], model: Any, path: str, out: list[dict[str, Any]]) -> None:
    fields = _fields(type(model))  # type: ignore[arg-type]
    for key, value in data.items():
        spec = fields.get(key)
        if spec is None or key == "resourceType":
            continue
        name, kind = spec
        sub = getattr(model, name, None)
        pairs = (list(zip(value, sub, strict=False)) if isinstance(value, list)
                 and isinstance(sub, list) else [(value, sub)])
        for i, (v, s) in enumerate(pairs):
            where = f"{path}.{key}" + (f"[{i}]" if isinstance(value, list) else "")
            if kind == "complex" or kind == "any":
                if isinstance(v, dict) and isinstance(s, BaseModel):
                    _walk(v, s, where, out)
            elif v is not None and not _ok(kind, v):
                expected = {"bool": "a JSON boolean", "int": "a JSON integer",
                            "dec": "a JSON number", "str": "a JSON string"}[kind]
                out.append(issue("error", "value", f"{where}: {v!r} must be {expected}", where))
