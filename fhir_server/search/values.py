"""Value conditions per search parameter type (https://hl7.org/fhir/R4/search.html#ptypes).

Each function returns a SQL condition on one index table for one search value (one member
of a comma-separated OR list).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, and_, not_, or_

from ..errors import bad_request
from ..fhirtime import now, parse_range
from ..storage.tables import composite_t, date_t, number_t, quantity_t, token_t
from .extract import fold
from .units import canonical

PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")


def split_prefix(value: str) -> tuple[str, str]:
    if value[:2] in PREFIXES and len(value) > 2 and (value[2].isdigit() or value[2] == "-"):
        return value[:2], value[2:]
    return "eq", value


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def string_cond(col_value: Any, col_exact: Any, modifier: str, value: str
                ) -> ColumnElement[bool]:
    if modifier == "exact":
        return col_exact == value  # type: ignore[no-any-return]
    folded = like_escape(fold(value))
    if modifier == "contains":
        return col_value.like(f"%{folded}%", escape="\\")  # type: ignore[no-any-return]
    if modifier in ("", "text"):
        return col_value.like(f"{folded}%", escape="\\")  # type: ignore[no-any-return]
    raise bad_request(f"Modifier :{modifier} is not supported for string parameters")


def token_cond(value: str, system_col: Any = None, code_col: Any = None
               ) -> ColumnElement[bool]:
    system_col = token_t.c.system if system_col is None else system_col
    code_col = token_t.c.code if code_col is None else code_col
    if "|" not in value:
        return code_col == value  # type: ignore[no-any-return]
    system, _, code = value.partition("|")
    conds = [system_col == system if system else system_col.is_(None)]
    if code:
        conds.append(code_col == code)
    return and_(*conds)


def date_range_cond(low_col: Any, high_col: Any, value: str, name: str) -> ColumnElement[bool]:
    """Range semantics: the stored [low, high) against the search range [qlow, qhigh)."""
    prefix, raw = split_prefix(value)
    qlow, qhigh = parse_range(raw, name)
    if prefix == "ap":
        gap = abs(now() - qlow) * 0.1
        qlow, qhigh = qlow - gap, qhigh + gap
        return and_(low_col < qhigh, high_col > qlow)
    return _range_ops(prefix, low_col, high_col, qlow, qhigh)


def _range_ops(prefix: str, low: Any, high: Any, qlow: Any, qhigh: Any) -> ColumnElement[bool]:
    ops: dict[str, ColumnElement[bool]] = {
        "eq": and_(low >= qlow, high <= qhigh),
        "ne": not_(and_(low >= qlow, high <= qhigh)),
        "gt": high > qhigh,
        "lt": low < qlow,
        "ge": high > qlow,
        "le": low < qhigh,
        "sa": low >= qhigh,
        "eb": high <= qlow,
    }
    return ops[prefix]


def _decimal(raw: str, name: str) -> Decimal:
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise bad_request(f"Invalid number {raw!r} for {name}", name) from None


def number_cond(col: Any, value: str, name: str, scale: float = 1.0) -> ColumnElement[bool]:
    """Implicit precision: ``100`` means [99.5, 100.5) (https://hl7.org/fhir/R4/search.html#number)."""
    prefix, raw = split_prefix(value)
    d = _decimal(raw, name)
    exponent = d.as_tuple().exponent
    half = Decimal(5) * Decimal(10) ** (int(exponent) - 1) if isinstance(exponent, int) else 0
    lo, hi, v = float(d - half) * scale, float(d + half) * scale, float(d) * scale
    if prefix == "ap":
        spread = abs(v) * 0.1
        return and_(col >= v - spread, col <= v + spread)
    ops: dict[str, ColumnElement[bool]] = {
        "eq": and_(col >= lo, col < hi), "ne": or_(col < lo, col >= hi),
        "gt": col > v, "lt": col < v, "ge": col >= v, "le": col <= v,
        "sa": col > v, "eb": col < v,
    }
    return ops[prefix]


def quantity_cond(value: str, name: str) -> ColumnElement[bool]:
    """``[prefix]number|system|code``; UCUM units are compared in canonical units."""
    number, _, unit = value.partition("|")
    system, _, code = unit.partition("|")
    norm = canonical(1.0, system or None, code) if code else None
    if norm is not None:
        factor, cunit = norm
        return and_(quantity_t.c.canonical_unit == cunit,
                    number_cond(quantity_t.c.canonical_value, number, name, factor))
    conds = [number_cond(quantity_t.c.value, number, name)]
    if unit:
        if code:
            if system:
                conds.append(quantity_t.c.system == system)
            conds.append(or_(quantity_t.c.code == code, quantity_t.c.unit == code))
        else:
            conds.append(or_(quantity_t.c.code == system, quantity_t.c.unit == system))
    return and_(*conds)


def number_table_cond(value: str, name: str) -> ColumnElement[bool]:
    return number_cond(number_t.c.value, value, name)


def date_table_cond(value: str, name: str) -> ColumnElement[bool]:
    return date_range_cond(date_t.c.low, date_t.c.high, value, name)


def composite_cond(value: str, second_type: str, name: str) -> ColumnElement[bool]:
    first, sep, second = value.partition("$")
    if not sep:
        raise bad_request(f"Composite parameter {name} needs two values joined by '$'", name)
    conds = [token_cond(first, composite_t.c.c1_system, composite_t.c.c1_code)]
    if second_type == "quantity":
        number, _, unit = second.partition("|")
        conds.append(number_cond(composite_t.c.c2_value, number, name))
        if unit:
            system, _, code = unit.partition("|")
            conds.append(composite_t.c.c2_code == (code or system))
    elif second_type == "date":
        conds.append(date_range_cond(composite_t.c.c2_low, composite_t.c.c2_high, second, name))
    elif second_type == "string":
        conds.append(composite_t.c.c2_code.like(f"{like_escape(fold(second))}%", escape="\\"))
    else:
        conds.append(token_cond(second, composite_t.c.c2_system, composite_t.c.c2_code))
    return and_(*conds)


def last_updated_cond(col: Any, value: str) -> ColumnElement[bool]:
    """``_lastUpdated`` compares a point in time against the search range."""
    prefix, raw = split_prefix(value)
    qlow, qhigh = parse_range(raw, "_lastUpdated")
    if prefix == "ap":
        gap = abs(now() - qlow) * 0.1
        qlow, qhigh = qlow - gap, qhigh + gap
    ops: dict[str, ColumnElement[bool]] = {
        "eq": and_(col >= qlow, col < qhigh), "ap": and_(col >= qlow, col < qhigh),
        "ne": or_(col < qlow, col >= qhigh),
        "gt": col >= qhigh, "sa": col >= qhigh, "lt": col < qlow, "eb": col < qlow,
        "ge": col >= qlow, "le": col < qhigh,
    }
    return ops[prefix]
