"""UCUM quantities normalised to canonical (SI base) units for quantity search, so that
``value-quantity=7|http://unitsofmeasure.org|mmol/L`` also finds ``0.007 mol/L``
(https://hl7.org/fhir/R4/search.html#quantity). The conversion is done by pint; UCUM
spellings pint does not read are translated first, and units neither knows stay as written.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

UCUM = "http://unitsofmeasure.org"
_SPECIAL = {"[in_i]": "inch", "[ft_i]": "foot", "[lb_av]": "pound", "[oz_av]": "ounce",
            "mm[Hg]": "mmHg", "cm[H2O]": "cmH2O", "%": "percent", "wk": "week", "mo": "month",
            "a": "year", "d": "day", "h": "hour", "min": "minute", "s": "second",
            "Cel": "degC", "[degF]": "degF"}
_lock = threading.Lock()
_registry: list[Any] = []


def _ureg() -> Any:
    with _lock:
        if not _registry:
            import pint

            _registry.append(pint.UnitRegistry())
    return _registry[0]


def _translate(code: str) -> str | None:
    code = re.sub(r"\{[^}]*\}", "", code).strip()
    if not code or "[" in code and code not in _SPECIAL and "mm[Hg]" not in code:
        return None
    parts = re.split(r"([./])", code)
    out = []
    for part in parts:
        if part == ".":
            out.append("*")
        elif part == "/":
            out.append("/")
        elif part:
            m = re.fullmatch(r"10\*(-?\d+)(.*)", part)
            if m:
                scale = repr(10.0 ** int(m.group(1)))
                out.append(scale + (f"*{m.group(2)}" if m.group(2) else ""))
            else:
                out.append(_SPECIAL.get(part, part))
    text = "".join(out)
    return "1" + text if text.startswith("/") else text


@lru_cache(maxsize=4096)
def _factor(code: str) -> tuple[float, str] | None:
    text = _translate(code)
    if text is None:
        return None
    try:
        q = _ureg().parse_expression(text)
        q = (q if hasattr(q, "to_base_units") else _ureg().Quantity(q)).to_base_units()
    except Exception:
        return None
    if getattr(q, "_REGISTRY", None) is not None and q.units == _ureg().degC:
        return None
    return float(q.magnitude), f"{q.units:~C}" or "1"


def canonical(value: float, system: str | None, code: str | None) -> tuple[float, str] | None:
    """(value, unit) in SI base units, or None when the unit is not a convertible UCUM code."""
    if system not in (UCUM, None) or not code or code in ("degC", "Cel", "[degF]"):
        return None
    found = _factor(code)
    if found is None:
        return None
    factor, unit = found
    return value * factor, unit
