"""Compile search parameters into SQL (https://hl7.org/fhir/R4/search.html).

Every criterion becomes an ``EXISTS`` on an index table correlated with the resource being
searched, so chains (``subject:Patient.name=x``) and reverse chains (``_has``) nest the
same builder on another resource.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, not_, or_, select
from sqlalchemy.sql.elements import ColumnElement as Col

from ..errors import bad_request
from ..storage.tables import (
    composite_t,
    date_t,
    number_t,
    quantity_t,
    reference_t,
    resource_t,
    string_t,
    token_t,
    uri_t,
)
from . import values as v
from .extract import fold
from .fulltext import text_condition
from .params import REGISTRY, SearchParam

TABLES = {"string": string_t, "token": token_t, "reference": reference_t, "date": date_t,
          "number": number_t, "quantity": quantity_t, "uri": uri_t, "composite": composite_t}
MAX_CHAIN = 4

#: Terminology hooks (set by the terminology service): codes under / above a code, and the
#: codes of a value set, as (system, code) pairs.
SUBSUMED: list[Any] = []
VALUESET_CODES: list[Any] = []


@dataclass(frozen=True)
class Target:
    """The resource a condition applies to: its type (when known) and SQL columns."""

    rtype: str | None
    type_col: Any
    id_col: Any
    updated_col: Any


def root_target(resource_type: str | None) -> Target:
    return _target(resource_type, resource_t)


def _target(rtype: str | None, table: Any) -> Target:
    return Target(rtype, table.c.resource_type, table.c.id, table.c.last_updated)


@lru_cache(maxsize=1)
def compartments() -> dict[str, dict[str, list[str]]]:
    path = Path(__file__).resolve().parent.parent / "data" / "compartments.json"
    return dict(json.loads(path.read_text()))


def params_for(rtype: str | None) -> dict[str, SearchParam]:
    if rtype:
        return REGISTRY.for_type(rtype)
    return {k: p for k, p in REGISTRY.for_type("Resource").items() if "Resource" in p.base}


def _owned(table: Any, t: Target, code: str) -> list[ColumnElement[bool]]:
    conds = [table.c.resource_id == t.id_col, table.c.param == code]
    conds.insert(0, table.c.resource_type == (t.rtype if t.rtype else t.type_col))
    return conds


def _exists(table: Any, t: Target, code: str, cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """``t`` has an index row of ``code`` matching ``cond``.

    With a known type this is ``id IN (SELECT resource_id FROM index WHERE ...)``: a
    semi-join both databases plan from the index, instead of a probe per candidate row.
    Subqueries never correlate: each one reads its own table, which SQL scoping resolves
    to the innermost FROM even when the same table appears further out.
    """
    if t.rtype:
        return t.id_col.in_(_rows(table, t.rtype, code, cond))
    return exists().where(and_(*_owned(table, t, code), cond))


def _rows(table: Any, rtype: str, code: str | None, *conds: Any, column: str = "resource_id"
          ) -> Any:
    where = [table.c.resource_type == rtype, *conds]
    if code is not None:
        where.insert(1, table.c.param == code)
    return select(table.c[column]).where(and_(*where)).correlate(None)


def criterion(t: Target, name: str, value: str, depth: int = 0) -> ColumnElement[bool] | None:
    """SQL for one ``name=value`` pair on ``t``; None when the parameter is unknown."""
    if name.startswith("_has:"):
        return _has(t, name, value, depth)
    head, dot, chain = name.partition(".")
    code, _, modifier = head.partition(":")
    if code == "_id":
        return t.id_col.in_(value.split(",")) if not modifier else None
    if code == "_lastUpdated":
        if t.updated_col is not None:
            return or_(*[v.last_updated_cond(t.updated_col, x) for x in value.split(",")])
        cond = or_(*[v.last_updated_cond(resource_t.c.last_updated, x) for x in value.split(",")])
        return t.id_col.in_(_rows(resource_t, str(t.rtype), None, resource_t.c.deleted.is_(False),
                                  cond, column="id"))
    if code in ("_text", "_content"):
        return _text(t, code, value)
    param = params_for(t.rtype).get(code)
    if param is None:
        return None
    if dot:
        return _chain(t, param, modifier, chain, value, depth)
    if modifier == "missing":
        table = TABLES[param.type]
        present = (t.id_col.in_(_rows(table, t.rtype, code)) if t.rtype
                   else exists().where(and_(*_owned(table, t, code))))
        return not_(present) if value == "true" else present
    if param.type == "token" and modifier in ("not", "not-in"):
        inner = "" if modifier == "not" else "in"
        return not_(_token_any(t, param, inner, value))
    return or_(*[_one(t, param, modifier, x) for x in _split_or(value)])


def _split_or(value: str) -> list[str]:
    parts, cur, esc = [], "", False
    for c in value:
        if esc:
            cur += c
            esc = False
        elif c == "\\":
            esc = True
        elif c == ",":
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return parts


def _token_any(t: Target, p: SearchParam, modifier: str, value: str) -> ColumnElement[bool]:
    return or_(*[_one(t, p, modifier, x) for x in _split_or(value)])


def _one(t: Target, p: SearchParam, modifier: str, value: str) -> ColumnElement[bool]:
    name = p.code
    if p.type == "string":
        return _exists(string_t, t, name,
                       v.string_cond(string_t.c.value, string_t.c.exact, modifier, value))
    if p.type == "token":
        return _token(t, p, modifier, value)
    if p.type == "reference":
        return _reference(t, p, modifier, value)
    if modifier and not (p.type == "uri" and modifier in ("above", "below")):
        raise bad_request(f"Modifier :{modifier} is not supported for {p.type} parameter {name}")
    if p.type == "date":
        return _exists(date_t, t, name, v.date_table_cond(value, name))
    if p.type == "number":
        return _exists(number_t, t, name, v.number_table_cond(value, name))
    if p.type == "quantity":
        return _exists(quantity_t, t, name, v.quantity_cond(value, name))
    if p.type == "uri":
        if modifier in ("above", "below"):
            return _uri_modifier(t, p, modifier, value)
        return _exists(uri_t, t, name, uri_t.c.uri == value)
    if p.type == "composite":
        second = REGISTRY.by_url(p.components[1].definition) if len(p.components) == 2 else None
        return _exists(composite_t, t, name,
                       v.composite_cond(value, second.type if second else "token", name))
    raise bad_request(f"Search parameter {name} of type {p.type} is not supported")


def _uri_modifier(t: Target, p: SearchParam, modifier: str, value: str) -> ColumnElement[bool]:
    from sqlalchemy import literal

    if modifier == "below":
        cond = uri_t.c.uri.like(v.like_escape(value) + "%", escape="\\")
    else:  # above: the stored uri is a prefix of the given one
        cond = literal(value).like(uri_t.c.uri + "%")
    return _exists(uri_t, t, p.code, cond)


def _token(t: Target, p: SearchParam, modifier: str, value: str) -> ColumnElement[bool]:
    name = p.code
    if modifier == "":
        return _exists(token_t, t, name, v.token_cond(value))
    if modifier == "text":
        folded = v.like_escape(fold(value))
        return _exists(token_t, t, name, token_t.c.text.like(f"%{folded}%", escape="\\"))
    if modifier == "of-type":
        parts = value.split("|")
        if len(parts) != 3:
            raise bad_request(f"{name}:of-type needs system|code|value", name)
        return _exists(token_t, t, f"{name}:of-type", and_(
            token_t.c.system == f"{parts[0]}|{parts[1]}", token_t.c.code == parts[2]))
    if modifier in ("below", "above"):
        return _code_set(t, name, _subsumed(value, modifier))
    if modifier == "in":
        return _code_set(t, name, _valueset(value))
    raise bad_request(f"Modifier :{modifier} is not supported for token parameter {name}")


def _code_set(t: Target, name: str, codes: list[tuple[str | None, str]]) -> ColumnElement[bool]:
    if not codes:
        return false()
    conds = [and_(token_t.c.code == c, token_t.c.system == s) if s else token_t.c.code == c
             for s, c in codes]
    return _exists(token_t, t, name, or_(*conds))


def _subsumed(value: str, mode: str) -> list[tuple[str | None, str]]:
    system, _, code = value.rpartition("|")
    if SUBSUMED:
        return list(SUBSUMED[0](system or None, code, mode))
    return [(system or None, code)]


def _valueset(url: str) -> list[tuple[str | None, str]]:
    if not VALUESET_CODES:
        raise bad_request("The :in modifier needs the terminology service, which is not loaded")
    return list(VALUESET_CODES[0](url))


def _reference(t: Target, p: SearchParam, modifier: str, value: str) -> ColumnElement[bool]:
    name = p.code
    if modifier == "identifier":
        return _exists(token_t, t, f"{name}:identifier", v.token_cond(value))
    ref = value.split("/_history/")[0]
    if "://" in ref or ref.startswith("urn:"):
        parts = ref.rsplit("/", 2)
        by_url = reference_t.c.url == ref
        if len(parts) == 3 and parts[1][:1].isupper():
            by_url = or_(by_url, and_(reference_t.c.target_type == parts[1],
                                      reference_t.c.target_id == parts[2]))
        canonical = reference_t.c.url.like(v.like_escape(ref) + "|%", escape="\\")
        return _exists(reference_t, t, name, or_(by_url, canonical))
    if "/" in ref:
        rtype, _, rid = ref.partition("/")
        if modifier and modifier != rtype:
            return false()
        return _exists(reference_t, t, name, and_(reference_t.c.target_type == rtype,
                                                  reference_t.c.target_id == rid))
    cond = reference_t.c.target_id == ref
    if modifier:
        cond = and_(cond, reference_t.c.target_type == modifier)
    elif len(p.target) == 1:
        cond = and_(cond, reference_t.c.target_type == p.target[0])
    return _exists(reference_t, t, name, cond)


def _chain(t: Target, p: SearchParam, modifier: str, chain: str, value: str, depth: int
           ) -> ColumnElement[bool] | None:
    if p.type != "reference":
        raise bad_request(f"Cannot chain on {p.code}: it is not a reference parameter")
    if depth >= MAX_CHAIN:
        raise bad_request(f"Chains deeper than {MAX_CHAIN} levels are not supported")
    if not t.rtype:
        raise bad_request("Chained parameters need a resource type")
    types = [modifier] if modifier else list(p.target)
    alts = []
    for rtype in types:
        # the referenced resource is known by the reference row's target id
        inner = Target(rtype, reference_t.c.target_type, reference_t.c.target_id, None)
        cond = criterion(inner, chain, value, depth + 1)
        if cond is None:
            continue
        alts.append(t.id_col.in_(_rows(reference_t, t.rtype, p.code,
                                       reference_t.c.target_type == rtype, cond)))
    if not alts:
        raise bad_request(f"Unknown chained parameter {chain!r} on {'/'.join(types)}")
    return or_(*alts)


def _has(t: Target, name: str, value: str, depth: int) -> ColumnElement[bool]:
    """``_has:Observation:patient:code=x`` (https://hl7.org/fhir/R4/search.html#has)."""
    parts = name.split(":", 3)
    if len(parts) != 4 or not parts[3]:
        raise bad_request(f"Invalid _has parameter {name!r}: use _has:Type:reference:param")
    _, rtype, ref_code, rest = parts
    ref_param = REGISTRY.for_type(rtype).get(ref_code)
    if ref_param is None or ref_param.type != "reference":
        raise bad_request(f"{rtype} has no reference parameter {ref_code!r}")
    if depth >= MAX_CHAIN:
        raise bad_request(f"_has nested deeper than {MAX_CHAIN} levels is not supported")
    if not t.rtype:
        raise bad_request("_has needs a resource type")
    # the referring resource is known by the reference row's own resource id
    inner = Target(rtype, reference_t.c.resource_type, reference_t.c.resource_id, None)
    cond = criterion(inner, rest, value, depth + 1)
    if cond is None:
        raise bad_request(f"Unknown parameter {rest!r} on {rtype} in {name}")
    return t.id_col.in_(_rows(reference_t, rtype, ref_code, reference_t.c.target_type == t.rtype,
                              cond, column="target_id"))


def _text(t: Target, code: str, value: str) -> ColumnElement[bool]:
    return text_condition(t.rtype if t.rtype else t.type_col, t.id_col, code, value,
                          _split_or(value))


def compartment_cond(compartment: str, cid: str, rtype: str) -> ColumnElement[bool]:
    """Resources of ``rtype`` in ``compartment``/``cid`` (https://hl7.org/fhir/R4/compartmentdefinition.html)."""
    params = compartments().get(compartment, {}).get(rtype)
    if not params:
        raise bad_request(f"{rtype} is not in the {compartment} compartment")
    conds: list[Col[bool]] = []
    t = root_target(rtype)
    if "{def}" in params:
        conds.append(t.id_col == cid)
    codes = [c for c in params if c != "{def}"]
    if codes:
        conds.append(t.id_col.in_(_rows(reference_t, rtype, None, reference_t.c.param.in_(codes),
                                        reference_t.c.target_type == compartment,
                                        reference_t.c.target_id == cid)))
    return or_(*conds)


def sort_key(rtype: str | None, key: str) -> Any:
    """A sortable SQL expression for ``_sort`` (the lowest / highest indexed value)."""
    desc = key.startswith("-")
    code = key.lstrip("-")
    if code == "_lastUpdated":
        col = resource_t.c.last_updated
        return col.desc() if desc else col.asc()
    if code == "_id":
        return resource_t.c.id.desc() if desc else resource_t.c.id.asc()
    param = params_for(rtype).get(code)
    if param is None or param.type not in ("string", "token", "date", "number", "quantity",
                                           "reference", "uri"):
        raise bad_request(f"Sorting by {code!r} is not supported", "_sort")
    table = TABLES[param.type]
    column = {"string": "value", "token": "code", "date": "low", "number": "value",
              "quantity": "value", "reference": "target_id", "uri": "uri"}[param.type]
    if param.type == "date" and desc:
        column = "high"
    agg = table.c[column]
    from sqlalchemy import func

    fn = func.max if desc else func.min
    sub = select(fn(agg)).where(and_(*_owned(table, root_target(rtype), code))).scalar_subquery()
    return sub.desc().nulls_last() if desc else sub.asc().nulls_last()
