"""``CodeSystem/$version-diff``: what changes between two versions of a code system, for a
terminology manager to read before switching (concepts added, removed, and changed in
display, definition, status, hierarchy, designations or properties).

The versions are resolved as every terminology operation resolves them
(https://hl7.org/fhir/R4/terminology-service.html): stored ones or ``tx-resource`` ones.
Without ``toVersion`` the newest version is used; without ``fromVersion`` the one before it.
The output is a Parameters resource (https://hl7.org/fhir/R4/parameters.html), described in
docs/terminology.md.
"""

from __future__ import annotations

from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import TxContext
from .issues import tx_error
from .model import CodeSystemModel, Concept, Json
from .params import Params
from .versions import newest, version_key

#: properties shown by their own field (status) or not worth a line (hierarchy links)
_OWN_FIELDS = frozenset({"status", "inactive", "notSelectable", "parent", "child",
                         "deprecationDate"})


def status_of(c: Concept) -> str:
    """One word for the concept's status: its ``status`` property, else inactive / active."""
    return c.status or ("inactive" if c.inactive else "active")


def _text(v: Any) -> str:
    if isinstance(v, dict):
        return str(v.get("code") or v.get("value") or v)
    return "true" if v is True else "false" if v is False else str(v)


def _fields(cs: CodeSystemModel, c: Concept) -> dict[str, str]:
    """What is compared of one concept, as text, by field name."""
    out = {"display": c.display or "", "definition": c.definition or "",
           "status": status_of(c),
           "notSelectable": "true" if cs.not_selectable(c) else "false",
           "parent": " | ".join(sorted(c.parents))}
    langs: dict[str, list[str]] = {}
    for d in c.designations:
        langs.setdefault(d.language or "-", []).append(d.value)
    for lang, values in langs.items():
        out[f"designation:{lang}"] = " | ".join(sorted(values))
    props: dict[str, list[str]] = {}
    for code, value in c.properties:
        if code not in _OWN_FIELDS:
            props.setdefault(code, []).extend(_text(v) for k, v in value.items()
                                              if k.startswith("value"))
    for code, values in props.items():
        out[f"property:{code}"] = " | ".join(sorted(values))
    return out


def diff_models(old: CodeSystemModel, new: CodeSystemModel
                ) -> tuple[list[Concept], list[Concept], list[tuple[Concept, list[Json]]]]:
    """(added, removed, changed with their changes) from ``old`` to ``new``."""
    added = [c for code, c in new.concepts.items() if code not in old.concepts]
    removed = [c for code, c in old.concepts.items() if code not in new.concepts]
    changed: list[tuple[Concept, list[Json]]] = []
    for code, c in new.concepts.items():
        before = old.concepts.get(code)
        if before is None:
            continue
        a, b = _fields(old, before), _fields(new, c)
        changes = []
        for name in sorted(set(a) | set(b), key=_field_order):
            if a.get(name, "") != b.get(name, ""):
                part: list[Json] = [{"name": "field", "valueCode": name}]
                if a.get(name):
                    part.append({"name": "from", "valueString": a[name]})
                if b.get(name):
                    part.append({"name": "to", "valueString": b[name]})
                changes.append({"name": "change", "part": part})
        if changes:
            changed.append((c, changes))
    return added, removed, changed


def _field_order(name: str) -> tuple[int, str]:
    fixed = ["display", "status", "notSelectable", "definition", "parent"]
    return (fixed.index(name), "") if name in fixed else (len(fixed), name)


def _concept_parts(c: Concept) -> list[Json]:
    parts: list[Json] = [{"name": "code", "valueCode": c.code}]
    if c.display:
        parts.append({"name": "display", "valueString": c.display})
    status = status_of(c)
    if status != "active":
        parts.append({"name": "status", "valueCode": status})
    return parts


def _versions(ctx: TxContext, url: str) -> list[str | None]:
    return ctx.code_system_versions(url)


def _resolve(ctx: TxContext, url: str, version: str | None, role: str) -> CodeSystemModel:
    cs = ctx.code_system(url, version)
    if cs is None:
        known = [v for v in _versions(ctx, url) if v]
        what = f"version '{version}' of " if version else ""
        hint = f" (known versions: {', '.join(sorted(known))})" if known else ""
        raise tx_error(404, "not-found", "not-found",
                       f"The {role} version: {what}CodeSystem '{url}' could not be found{hint}",
                       "UNKNOWN_CODESYSTEM_VERSION" if version else "UNKNOWN_CODESYSTEM")
    return cs


def version_diff(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    url = p.string("url") or p.string("system")
    to_version = p.string("toVersion")
    if req.id:
        stored = req.repo.read("CodeSystem", req.id).resource or {}
        url = url or stored.get("url")
        to_version = to_version or stored.get("version")
    if not url:
        raise bad_request("Give url (the code system's canonical) or call the operation on a "
                          "CodeSystem instance", "url")
    count = p.integer("count")
    if count is not None and count < 0:
        raise bad_request("count must not be negative", "count")
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        from_version = p.string("fromVersion")
        new = _resolve(ctx, url, to_version, "to")
        if from_version is None:
            mine = version_key(new.version)
            from_version = newest([v for v in _versions(ctx, url)
                                   if v and version_key(v) < mine], lambda x: x)
            if from_version is None:
                raise bad_request(f"CodeSystem '{url}' has no version older than "
                                  f"'{new.version}': give fromVersion", "fromVersion")
        old = _resolve(ctx, url, from_version, "from")
        added, removed, changed = diff_models(old, new)
    out: list[Json] = [{"name": "url", "valueUri": url}]
    if old.version:
        out.append({"name": "fromVersion", "valueString": old.version})
    if new.version:
        out.append({"name": "toVersion", "valueString": new.version})
    out.append({"name": "summary", "part": [
        {"name": "fromCount", "valueInteger": len(old.concepts)},
        {"name": "toCount", "valueInteger": len(new.concepts)},
        {"name": "added", "valueInteger": len(added)},
        {"name": "removed", "valueInteger": len(removed)},
        {"name": "changed", "valueInteger": len(changed)}]})
    limit = count if count is not None else None
    out += [{"name": "added", "part": _concept_parts(c)} for c in added[:limit]]
    out += [{"name": "removed", "part": _concept_parts(c)} for c in removed[:limit]]
    out += [{"name": "changed", "part": [{"name": "code", "valueCode": c.code}, *changes]}
            for c, changes in changed[:limit]]
    return 200, {"resourceType": "Parameters", "parameter": out}, {}
