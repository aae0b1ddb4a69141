"""Code system version comparison and wildcard matching.

Versions are compared part by part (numbers numerically), which orders semver and dates;
``1.x`` / ``1.0.*`` match any version with that prefix
(https://hl7.org/fhir/R4/valueset-definitions.html#ValueSet.compose.include.version).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def version_key(version: str | None) -> tuple[tuple[int, int | str], ...]:
    if not version:
        return ()
    parts = re.split(r"[.\-+]", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def newest(items: Iterable[T], version_of: Callable[[T], str | None]) -> T | None:
    best: T | None = None
    for item in items:
        if best is None or version_key(version_of(item)) > version_key(version_of(best)):
            best = item
    return best


def is_wildcard(version: str | None) -> bool:
    return bool(version) and any(p in ("x", "X", "*") for p in str(version).split("."))


def matches(pattern: str | None, version: str | None) -> bool:
    """True when ``version`` satisfies ``pattern`` (exact or with x/* wildcards)."""
    if pattern is None:
        return True
    if version is None:
        return False
    if not is_wildcard(pattern):
        return pattern == version
    pp, vv = pattern.split("."), version.split(".")
    for i, p in enumerate(pp):
        if p in ("x", "X", "*"):
            return True
        if i >= len(vv) or vv[i] != p:
            return False
    return len(pp) == len(vv)
