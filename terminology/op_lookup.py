"""``CodeSystem/$lookup`` and ``CodeSystem/$subsumes``
(https://hl7.org/fhir/R4/codesystem-operation-lookup.html,
https://hl7.org/fhir/R4/codesystem-operation-subsumes.html)."""

from __future__ import annotations

from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import TxContext
from .issues import tx_error
from .languages import parse_languages, pick_display
from .model import CodeSystemModel, Json
from .params import Params
from .resolve import supplements_for

PREFERRED = {"system": "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra",
             "code": "preferredForLanguage", "display": "Preferred For Language"}


def _system_code(p: Params, req: OpRequest, a: str = "code") -> tuple[str | None, str | None,
                                                                        str | None]:
    coding = p.value("coding") if a == "code" else p.value("coding" + a[-1].upper())
    if isinstance(coding, dict):
        return coding.get("system"), coding.get("version"), coding.get("code")
    return p.string("system"), p.string("version"), p.string(a)


def _code_system(p: Params, ctx: TxContext, req: OpRequest, system: str | None,
                 version: str | None) -> CodeSystemModel:
    if req.id:
        stored = req.repo.read("CodeSystem", req.id).resource or {}
        system = system or stored.get("url")
        version = version or stored.get("version")
    if not system:
        raise bad_request("Give system (or call the operation on a CodeSystem instance)",
                          "system")
    want = ctx.force_versions.get(system) or version or ctx.default_versions.get(system)
    cs = ctx.code_system(system, want)
    if cs is None:
        if want:
            text = (f"A definition for CodeSystem '{system}' version '{want}' could not be "
                    "found, so the code cannot be looked up")
        else:
            text = (f"A definition for CodeSystem '{system}' could not be found, so the code "
                    "cannot be looked up")
        raise tx_error(404, "not-found", "not-found", text, "UNKNOWN_CODESYSTEM")
    sups = supplements_for(None, p, ctx)
    return ctx.with_supplements(cs, sups) if sups else cs


def lookup(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        system, version, code = _system_code(p, req)
        if not code:
            raise bad_request("Give code (+ system) or coding", "code")
        cs = _code_system(p, ctx, req, system, version)
        c = cs.get(code)
        if c is None:
            v = f" version '{cs.version}'" if cs.version else ""
            raise tx_error(404, "not-found", "invalid-code",
                           f"Unknown code '{code}' in the CodeSystem '{cs.url}'{v}",
                           "Unknown_Code_in_Version")
        langs = parse_languages(p.display_language())
        wanted = {str(v) for v in p.values("property")}
        params: list[Json] = [{"name": "code", "valueCode": c.code},
                              {"name": "system", "valueUri": cs.url}]
        if cs.name:
            params.append({"name": "name", "valueString": cs.name})
        if cs.version:
            params.append({"name": "version", "valueString": cs.version})
        display = pick_display(cs, c, c.display, langs)
        if display:
            params.append({"name": "display", "valueString": display})
        if c.definition:
            params.append({"name": "definition", "valueString": c.definition})
        params.append({"name": "abstract", "valueBoolean": c.not_selectable})
        if c.display and cs.language:
            # the display is the preferred designation in the code system's language
            params.append({"name": "designation", "part": [
                {"name": "language", "valueCode": cs.language},
                {"name": "use", "valueCoding": dict(PREFERRED)},
                {"name": "value", "valueString": c.display}]})
        for d in c.designations:
            part: list[Json] = []
            if d.language:
                part.append({"name": "language", "valueCode": d.language})
            if d.use:
                part.append({"name": "use", "valueCoding": d.use})
            if d.source:
                part.append({"name": "source", "valueCanonical": d.source})
            part.append({"name": "value", "valueString": d.value})
            params.append({"name": "designation", "part": part})

        def want(name: str) -> bool:
            return not wanted or "*" in wanted or name in wanted

        for pcode, value in c.properties:
            if want(pcode) and pcode not in ("parent", "child"):
                params.append({"name": "property", "part": [
                    {"name": "code", "valueCode": pcode}, _prop_value(value)]})
        if want("inactive") and not any(pc == "inactive" for pc, _ in c.properties):
            params.append({"name": "property", "part": [
                {"name": "code", "valueCode": "inactive"},
                {"name": "value", "valueBoolean": c.inactive}]})
        for rel, codes in (("parent", c.parents), ("child", c.children)):
            if not want(rel):
                continue
            for other in codes:
                part = [{"name": "code", "valueCode": rel}, {"name": "value", "valueCode": other}]
                oc = cs.concepts.get(other)
                if oc is not None and oc.display:
                    part.append({"name": "description", "valueString": oc.display})
                params.append({"name": "property", "part": part})
        for sup in supplements_for(None, p, ctx):
            if str(sup.get("supplements") or "").split("|")[0] == cs.url:
                v = f"|{sup['version']}" if sup.get("version") else ""
                params.append({"name": "used-supplement",
                               "valueCanonical": f"{sup.get('url')}{v}"})
        return 200, {"resourceType": "Parameters", "parameter": params}, {}


def _prop_value(value: Json) -> Json:
    (key, val), = value.items() if len(value) == 1 else (("valueString", ""),)
    return {"name": "value", key: val}


def subsumes(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        sa, va, a = _system_code(p, req, "codeA")
        sb, vb, b = _system_code(p, req, "codeB")
        if not a or not b:
            raise bad_request("Give codeA and codeB (or codingA and codingB)", "codeA")
        if sa and sb and sa != sb:
            raise bad_request("codingA and codingB are from different code systems")
        cs = _code_system(p, ctx, req, sa or sb, va or vb)
        ca, cb = cs.get(a), cs.get(b)
        for code, c in ((a, ca), (b, cb)):
            if c is None:
                raise tx_error(404, "not-found", "invalid-code",
                               f"Unknown code '{code}' in the CodeSystem '{cs.url}'",
                               "Unknown_Code_in_Version")
        assert ca is not None and cb is not None
        if ca.code == cb.code:
            outcome = "equivalent"
        elif ca.code in cs.ancestors(cb.code):
            outcome = "subsumes"
        elif cb.code in cs.ancestors(ca.code):
            outcome = "subsumed-by"
        else:
            outcome = "not-subsumed"
        return 200, {"resourceType": "Parameters", "parameter": [
            {"name": "outcome", "valueCode": outcome}]}, {}
