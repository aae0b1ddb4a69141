"""``ValueSet/$expand`` (https://hl7.org/fhir/R4/valueset-operation-expand.html)."""

from __future__ import annotations

import uuid
from typing import Any

from fhir_server.errors import bad_request
from fhir_server.fhirtime import instant, now
from fhir_server.ops import OpRequest

from .expand import STANDARDS_STATUS, Entry, Expander, ExpandOptions
from .issues import tx_error
from .languages import parse_languages, pick_display
from .model import Json
from .params import Params
from .resolve import supplements_for, target_value_set

#: parameters echoed in expansion.parameter (not includeDefinition nor property, whose
#: effect shows in the concepts themselves)
ECHO = ("activeOnly", "includeDesignations", "excludeNested", "excludeNotForUI",
        "excludePostCoordinated", "displayLanguage", "count", "offset", "filter", "designation")
VS_HEADER_SKIP = ("text", "description", "compose", "expansion", "meta")


def expand(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        vs = target_value_set(p, ctx, req)
        assert vs is not None
        supplements = supplements_for(vs, p, ctx)
        opts = ExpandOptions(active_only=p.boolean("activeOnly"), filter=p.string("filter"))
        exp = Expander(ctx, opts, supplements)
        entries = list(exp.expand(vs).values())
        return 200, build(vs, entries, exp, p), {}


def _text_match(e: Entry, text: str) -> bool:
    t = text.lower()
    hay = [e.code.lower(), (e.display or "").lower(), *[d.value.lower() for d in e.designations]]
    return any(t in h for h in hay)


def build(vs: Json, entries: list[Entry], exp: Expander, p: Params) -> Json:
    asked = p.string("displayLanguage")
    language = asked or compose_parameter(vs, "displayLanguage") or p.display_language()
    langs = parse_languages(language)
    active_only = p.boolean("activeOnly")
    if active_only:
        entries = [e for e in entries if not e.inactive]
    text = p.string("filter")
    if text:
        entries = [e for e in entries if e.text_matched or _text_match(e, text)]
    total = len(entries)
    offset = p.integer("offset") or 0
    count = p.integer("count")
    if offset < 0 or (count is not None and count < 0):
        raise bad_request("count and offset must not be negative")
    page = entries[offset:offset + count] if count is not None else entries[offset:]
    props = [str(v) for v in p.values("property")]
    with_designations = p.boolean("includeDesignations")
    out = {k: v for k, v in vs.items() if k not in VS_HEADER_SKIP}
    # the value set's standards status is reported as a warning-* parameter instead
    kept = [x for x in out.pop("extension", None) or []
            if not (isinstance(x, dict) and x.get("url") == STANDARDS_STATUS)]
    if kept:
        out["extension"] = kept
    out.setdefault("resourceType", "ValueSet")
    if "id" not in out:
        out["id"] = str(uuid.uuid4())
    params: list[Json] = []
    for name in ECHO:
        for item in p.all(name):
            params.append({k: v for k, v in item.items() if k != "id"})
    if language and not asked:
        params.append({"name": "displayLanguage", "valueCode": language})
    for item in p.all("force-system-version"):
        value = next((v for k, v in item.items() if k.startswith("value")), None)
        if value is not None:
            params.append({"name": "force-system-version", "valueUri": str(value)})
    params.extend({"name": name, "valueUri": value} for name, value in exp.applied)
    for url in exp.used_cs:
        params.append({"name": "used-codesystem", "valueUri": url})
    for url in exp.used_fragments:
        params.append({"name": "used-fragment", "valueUri": url})
    for url in exp.used_vs:
        params.append({"name": "used-valueset", "valueUri": url})
    for sup in exp.supplements:
        params.append({"name": "used-supplement",
                       "valueUri": _vurl(sup)})
    params.extend(exp.warnings)
    params.extend({"name": f"warning-{status}", "valueUri": vurl}
                  for status, _, vurl in exp.statuses)
    expansion: Json = {"identifier": f"urn:uuid:{uuid.uuid4()}", "timestamp": instant(now()),
                       "total": total}
    if p.has("offset"):
        expansion["offset"] = offset
    if params:
        expansion["parameter"] = params
    declared: dict[str, Json] = {}
    versions: dict[str, set[str | None]] = {}
    for e in entries:
        versions.setdefault(e.system, set()).add(e.version)
    # contains.version only tells versions apart: where one expansion mixes several
    multi = {system for system, vs_ in versions.items() if len(vs_) > 1}
    wanted = [str(v) for v in p.values("designation")]
    # includeDefinition (R5) adds nothing of its own: as the reference servers do, a concept's
    # definition is given when asked for as property=definition
    contains = [_contains(e, langs, props, with_designations, declared,
                          e.system in multi, wanted) for e in page]
    if declared:
        expansion["property"] = list(declared.values())
    if contains:
        expansion["contains"] = contains
    out["expansion"] = expansion
    return out


def _vurl(res: Json) -> str:
    return f"{res.get('url')}|{res['version']}" if res.get("version") else str(res.get("url"))


PREFERRED = {"system": "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra",
             "code": "preferredForLanguage", "display": "Preferred For Language"}


def _designations(e: Entry, display: str | None, wanted: list[str]) -> list[Json]:
    """The designations of an entry, less the one shown as display; the code system's own
    display joins them when another language's display is shown. ``wanted`` (the
    ``designation`` parameter: ``urn:ietf:bcp:47|lang`` or ``system|code`` of a use)
    restricts them."""
    out: list[Json] = []
    own = e.concept.display if e.concept is not None else None
    cs_lang = e.cs.language if e.cs is not None else None
    rest = list(e.designations)
    if own and display and own != display:
        out.append({"language": cs_lang or "en", "use": PREFERRED, "value": own})
        shown = next((d for d in rest if d.value == display), None)
        rest = [d for d in rest if d is not shown]  # the one shown as display
    else:
        rest = [d for d in rest if d.value != display or (d.language or cs_lang) != cs_lang]
    out += [d.to_json() for d in rest]
    if not wanted:
        return out

    def keep(d: Json) -> bool:
        use = d.get("use") or {}
        return any(w == f"urn:ietf:bcp:47|{d.get('language')}"
                   or w == f"{use.get('system')}|{use.get('code')}" for w in wanted)
    return [d for d in out if keep(d)]


def compose_parameter(vs: Json, name: str) -> str | None:
    """A value of the ``valueset-expansion-parameter`` extension on the compose
    (https://build.fhir.org/ig/HL7/fhir-extensions/StructureDefinition-valueset-expansion-parameter.html)."""
    for ext in (vs.get("compose") or {}).get("extension") or []:
        if not str(ext.get("url", "")).endswith("/valueset-expansion-parameter"):
            continue
        parts = {e.get("url"): next((v for k, v in e.items() if k.startswith("value")), None)
                 for e in ext.get("extension") or []}
        if parts.get("name") == name and parts.get("value") is not None:
            return str(parts["value"])
    return None


def _contains(e: Entry, langs: list[str], props: list[str], with_designations: bool,
              declared: dict[str, Json], with_version: bool,
              wanted: list[str]) -> Json:
    item: Json = {}
    echoed = [x for x in e.extensions if x.get("url") in ECHOED_CONCEPT_EXTENSIONS]
    rendering: dict[str, Json] = {}
    for x in [*(e.concept.extensions if e.concept is not None else []), *e.extensions]:
        if x.get("url") in RENDERING_EXTENSIONS:
            rendering[x["url"]] = x  # the value set's own rendering wins
    echoed += rendering.values()
    if echoed:
        item["extension"] = echoed
    item["system"] = e.system
    if e.version and with_version:
        item["version"] = e.version
    if e.abstract:
        item["abstract"] = True
    if e.inactive:
        item["inactive"] = True
    item["code"] = e.code
    display = pick_display(e.cs, e.concept, e.display, langs)
    if display:
        item["display"] = display
    if with_designations:
        ds = _designations(e, display, wanted)
        if ds:
            item["designation"] = ds
    out_props: list[Json] = []
    if e.concept is not None and e.cs is not None:
        for code in props:
            if code == "definition" and e.concept.definition:
                out_props.append({"code": code, "valueString": e.concept.definition})
                declared.setdefault(code, {
                    "code": code, "uri": "http://hl7.org/fhir/concept-properties#definition"})
                continue
            for pcode, value in e.concept.properties:
                if pcode == code or code == "*":
                    out_props.append({"code": pcode, **value})
                    d = e.cs.property_defs.get(pcode, {})
                    declared.setdefault(pcode, {"code": pcode, **(
                        {"uri": d["uri"]} if d.get("uri") else {})})
    shown = {p["code"] for p in out_props}
    for code, uri, value in _extension_properties(e):
        if code not in shown:
            out_props.append({"code": code, **value})
            declared.setdefault(code, {"code": code, "uri": uri})
    if out_props:
        item["property"] = out_props
    return item


SD = "http://hl7.org/fhir/StructureDefinition/"
CP = "http://hl7.org/fhir/concept-properties#"
#: concept extensions (of the code system, its supplements or the value set's compose) that
#: an expansion gives as concept properties (http://hl7.org/fhir/concept-properties)
EXTENSION_PROPERTIES = {
    SD + "codesystem-conceptOrder": ("order", CP + "order", "valueDecimal"),
    SD + "valueset-conceptOrder": ("order", CP + "order", "valueDecimal"),
    SD + "codesystem-label": ("label", CP + "label", "valueString"),
    SD + "valueset-label": ("label", CP + "label", "valueString"),
    SD + "itemWeight": ("weight", CP + "itemWeight", "valueDecimal"),
    SD + "structuredefinition-standards-status": ("status", CP + "status", "valueCode"),
}
#: concept extensions on how to show a concept, echoed on its expansion entry
RENDERING_EXTENSIONS = frozenset({SD + "rendering-style", SD + "rendering-xhtml"})


def _extension_properties(e: Entry) -> list[tuple[str, str, Json]]:
    """(property code, uri, value) from the concept's extensions; the value set's compose
    concept overrides the code system's. A status the value set gives is echoed as such."""
    found: dict[str, tuple[str, str, Json]] = {}
    concept_ext = e.concept.extensions if e.concept is not None else []
    for source, ext in [*(("cs", x) for x in concept_ext), *(("vs", x) for x in e.extensions)]:
        spec = EXTENSION_PROPERTIES.get(str(ext.get("url")))
        if spec is None or (source == "vs" and spec[0] == "status"):
            continue
        value = next((v for k, v in ext.items() if k.startswith("value")), None)
        if value is None:
            continue
        found[spec[0]] = (spec[0], spec[1], {spec[2]: value})
    return list(found.values())


#: extensions of a compose concept that say something of the concept in this value set,
#: echoed on its expansion entry (https://hl7.org/fhir/R4/valueset.html#expansion)
ECHOED_CONCEPT_EXTENSIONS = frozenset({
    "http://hl7.org/fhir/StructureDefinition/valueset-deprecated",
    "http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status",
    "http://hl7.org/fhir/StructureDefinition/valueset-concept-definition",
})


def too_big(total: int) -> Exception:
    return tx_error(422, "too-costly", None, f"The expansion has too many codes ({total})",
                    "VALUESET_TOO_COSTLY")
