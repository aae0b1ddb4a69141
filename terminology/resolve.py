"""Finding the value set an operation works on, and the supplements it asks for
(https://hl7.org/fhir/R4/valueset-operation-expand.html,
https://hl7.org/fhir/R4/extension-valueset-supplement.html)."""

from __future__ import annotations

from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import TxContext, split_canonical
from .issues import tx_error
from .model import Json
from .params import Params

SUPPLEMENT_EXT = "http://hl7.org/fhir/StructureDefinition/valueset-supplement"


def target_value_set(p: Params, ctx: TxContext, req: OpRequest, required: bool = True
                     ) -> Json | None:
    """The ValueSet named by ``valueSet``, ``url`` (+ ``valueSetVersion``) or the instance."""
    vs = p.resource("valueSet")
    if vs is not None:
        _add_contained(ctx, vs)
        return vs
    if req.id:
        stored = req.repo.read("ValueSet", req.id).resource
        if stored is not None:
            _add_contained(ctx, stored)
            return dict(stored)
    url = p.string("url") or p.string("context")
    if url:
        base, version = split_canonical(url)
        version = p.string("valueSetVersion") or version
        found = ctx.value_set(base, version)
        if found is None:
            canonical = f"{base}|{version}" if version else base
            raise tx_error(404, "not-found", "not-found",
                           f"A definition for the value Set '{canonical}' could not be found",
                           "Unable_to_resolve_value_Set_")
        _add_contained(ctx, found)
        return found
    if required:
        raise bad_request("No value set: give url, valueSet or call the operation on an "
                          "instance")
    return None


def _add_contained(ctx: TxContext, vs: Json) -> None:
    for res in vs.get("contained") or []:
        if isinstance(res, dict) and res.get("url") and res not in ctx.resources:
            ctx.resources.append(res)


def supplements_for(vs: Json | None, p: Params, ctx: TxContext) -> list[Json]:
    """Supplements named by the value set's extension or ``useSupplement`` (missing: 4xx)."""
    wanted: list[str] = [str(v) for v in p.values("useSupplement")]
    for ext in (vs or {}).get("extension") or []:
        if ext.get("url") == SUPPLEMENT_EXT and ext.get("valueCanonical"):
            wanted.append(str(ext["valueCanonical"]))
    out: list[Json] = []
    for canonical in wanted:
        sup = ctx.supplement(canonical)
        if sup is None:
            raise tx_error(404, "not-found", "not-found",
                           f"Required supplement not found: {canonical}",
                           "VALUESET_SUPPLEMENT_MISSING")
        out.append(sup)
    return out


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]
