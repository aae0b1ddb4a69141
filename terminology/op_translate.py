"""``ConceptMap/$translate`` (https://hl7.org/fhir/R4/conceptmap-operation-translate.html).

Maps written with R5 ``relationship`` codes are answered with the R4 ``equivalence``
(https://hl7.org/fhir/R4/valueset-concept-map-equivalence.html).
"""

from __future__ import annotations

from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import split_canonical
from .model import Json
from .params import Params

R5_TO_R4 = {"equivalent": "equivalent", "related-to": "relatedto",
            "source-is-narrower-than-target": "wider",
            "source-is-broader-than-target": "narrower", "not-related-to": "disjoint"}


def _equivalence(target: Json) -> str:
    if target.get("equivalence"):
        return str(target["equivalence"])
    return R5_TO_R4.get(str(target.get("relationship") or ""), "equivalent")


def _vurl(cm: Json) -> str:
    return f"{cm.get('url')}|{cm['version']}" if cm.get("version") else str(cm.get("url"))


def translate(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    coding = p.value("coding") or p.value("sourceCoding")
    if isinstance(coding, dict):
        system, code = coding.get("system"), coding.get("code")
    else:
        system = p.string("system") or p.string("sourceSystem")
        code = p.string("code") or p.string("sourceCode")
    target_code = p.string("targetCode")
    target_system = p.string("targetSystem") or p.string("target")
    reverse = p.boolean("reverse") or (target_code is not None and code is None)
    if reverse and target_code is None:
        target_code = code
    if (code if not reverse else target_code) is None:
        raise bad_request("Give code + system, coding, or targetCode", "code")
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        cm_res = p.resource("conceptMap")
        if cm_res is not None:
            maps = [cm_res]
        elif req.id:
            maps = [req.repo.read("ConceptMap", req.id).resource or {}]
        elif p.string("url"):
            url, version = split_canonical(str(p.string("url")))
            found = ctx.concept_map(url, p.string("conceptMapVersion") or version)
            maps = [found] if found else []
        else:
            maps = ctx.concept_maps()
    matches: list[Json] = []
    for cm in maps:
        for group in cm.get("group") or []:
            src, tgt = group.get("source"), group.get("target")
            if reverse:
                if (target_system and tgt != target_system) or (system and src != system):
                    continue
            elif (system and src != system) or (target_system and tgt != target_system):
                continue
            for el in group.get("element") or []:
                for t in el.get("target") or []:
                    if reverse and t.get("code") == target_code:
                        matches.append(_match(tgt, t, cm, {"system": src, "code": el["code"]}))
                    elif not reverse and el.get("code") == code:
                        matches.append(_match(tgt, t, cm, None))
    params: list[Json] = [{"name": "result", "valueBoolean": bool(matches)}]
    if not matches:
        params.append({"name": "message", "valueString": "No mappings found"})
    params += matches
    return 200, {"resourceType": "Parameters", "parameter": params}, {}


def _match(system: str | None, target: Json, cm: Json, source: Json | None) -> Json:
    concept: Json = {"system": system, "code": target.get("code")}
    if target.get("display"):
        concept["display"] = target["display"]
    part: list[Json] = [{"name": "equivalence", "valueCode": _equivalence(target)},
                        {"name": "concept", "valueCoding": concept},
                        {"name": "originMap", "valueCanonical": _vurl(cm)}]
    if source is not None:
        part.append({"name": "source", "valueCoding": source})
    return {"name": "match", "part": part}
