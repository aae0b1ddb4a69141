"""``ValueSet/$validate-code`` and ``CodeSystem/$validate-code``
(https://hl7.org/fhir/R4/valueset-operation-validate-code.html,
https://hl7.org/fhir/R4/codesystem-operation-validate-code.html)."""

from __future__ import annotations

import dataclasses
from typing import Any

from fhir_server.errors import bad_request
from fhir_server.ops import OpRequest

from .context import TxContext
from .expand import Expander, ExpandOptions
from .issues import TxError, tx_issue
from .languages import parse_languages
from .model import Json
from .op_expand import compose_parameter
from .params import Params
from .resolve import supplements_for, target_value_set
from .validate import Item, Options, Outcome, check_item, vurl


def _items(p: Params, system_param: str) -> tuple[list[Item], str]:
    """The codings to validate and the kind of input (code, Coding, CodeableConcept)."""
    cc = p.value("codeableConcept")
    if isinstance(cc, dict):
        items = [Item(c.get("system"), c.get("version"), c.get("code"), c.get("display"),
                      f"CodeableConcept.coding[{i}]") for i, c in enumerate(cc.get("coding") or [])]
        return items, "cc"
    coding = p.value("coding")
    if isinstance(coding, dict):
        return [Item(coding.get("system"), coding.get("version"), coding.get("code"),
                     coding.get("display"), "Coding")], "coding"
    code = p.string("code")
    if code is None:
        raise bad_request("Give code (+ system), coding or codeableConcept", "code")
    return [Item(p.string(system_param), p.string("systemVersion") or p.string("version"),
                 code, p.string("display"), "")], "code"


def _options(p: Params, kind: str) -> Options:
    return Options(languages=parse_languages(p.display_language()),
                   active_only=p.boolean("activeOnly"),
                   lenient_display=p.boolean("lenient-display-validation"),
                   abstract_ok=p.boolean("abstract", True),
                   infer_system=p.boolean("inferSystem"), cc=kind == "cc")


def validate_vs(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        vs = target_value_set(p, ctx, req)
        assert vs is not None
        return 200, run_validation(p, ctx, vs, "system"), {}


def validate_cs(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    p = Params(req)
    with req.repo.reading() as conn:
        ctx = p.context(conn)
        cs_res = p.resource("codeSystem")
        if cs_res is not None:
            ctx.resources.append(cs_res)
            if not p.has("url"):
                p.items.append({"name": "url", "valueUri": cs_res.get("url")})
        if req.id:
            stored = req.repo.read("CodeSystem", req.id).resource or {}
            p.items.append({"name": "url", "valueUri": stored.get("url")})
        return 200, run_validation(p, ctx, None, "url"), {}


def run_validation(p: Params, ctx: TxContext, vs: Json | None, system_param: str) -> Json:
    items, kind = _items(p, system_param)
    opts = _options(p, kind)
    vs_language = compose_parameter(vs, "displayLanguage") if vs is not None else None
    if vs_language and not p.string("displayLanguage"):
        opts.languages = parse_languages(vs_language)  # the value set's own display language
    supplements = supplements_for(vs, p, ctx)
    exp = Expander(ctx, ExpandOptions(), supplements)
    exp.for_validation = True
    members = None
    failed: list[Json] = []
    outcomes: list[Outcome] = []
    pre: list[Json] = []
    for item in items:
        if vs is not None and not item.system and kind != "coding":
            pre += _infer_system(item, vs, exp, kind)  # a Coding says its system itself
        if not item.system:
            o = Outcome(valid=False, member=False, code=item.code)
            if pre and kind == "code":
                outcomes.append(o)  # a bare code whose system could not be inferred
                continue
            o.issues.append(tx_issue(
                "warning", "invalid", "invalid-data",
                "Coding has no system. A code with no system has no defined meaning, and it "
                "cannot be validated. A system should be provided",
                "Coding_has_no_system__cannot_validate", item.path or None))
            if vs is not None and kind == "coding":
                o.issues.append(tx_issue(
                    "error", "code-invalid", "not-in-vs",
                    f"The provided code '#{item.code}' was not found in the value set "
                    f"'{vurl(vs)}'", "None_of_the_provided_codes_are_in_the_value_set_one",
                    item.at("code")))
            outcomes.append(o)
            continue
        if vs is not None and members is None:
            members, failed = _members(vs, exp)
        outcome = check_item(item, vs, members, exp, opts)
        if failed and not outcome.unknown_systems:
            # the value set cannot be expanded (e.g. an import that cannot be resolved)
            outcome.issues = [i for i in outcome.issues if i["severity"] != "error"
                              and _tx_type(i) != "this-code-not-in-vs"] + failed
            outcome.valid = outcome.member = outcome.judged = False
        outcomes.append(outcome)
    pre += [tx_issue("information", "business-rule", "status-check",
                     f"Reference to {status} {rtype} {vurl_}", f"MSG_{status.upper()}")
            for status, rtype, vurl_ in exp.statuses]
    return _output(p, items, kind, vs, outcomes, pre)


def _members(vs: Json, exp: Expander) -> tuple[dict[Any, Any] | None, list[Json]]:
    """The value set's members, or none and the issues of an expansion that failed on an
    import that cannot be resolved. A code system the value set names but that is not known
    is reported by the check of the item itself; other errors (a broken filter) stay errors."""
    try:
        return dict(exp.expand(vs)), []
    except TxError as err:
        ids = [_message_id(i) for i in err.issues]
        if any(m.startswith("UNKNOWN_CODESYSTEM") for m in ids):
            return None, []  # membership unknown: the check of the item says why
        if ids and all(m == "Unable_to_resolve_value_Set_" for m in ids):
            return {}, list(err.issues)
        raise


#: reasons a coding gives itself; the general "no valid coding" message is for codes not in
#: the value set
VERSION_OR_SYSTEM = ("vs-invalid", "not-found", "version-error", "invalid-display")


def _tx_type(issue: Json) -> str:
    return next((str(c.get("code")) for c in (issue.get("details") or {}).get("coding") or []),
                "")


#: warnings reported among the issues only, not in the message: remarks that do not make the
#: code doubtful (the value set's own choices, a fragment that may lack the code, an inactive
#: display of a valid concept, a versionless include whose default version differs)
ISSUE_ONLY = frozenset({"CONCEPT_DEPRECATED_IN_VALUESET", "UNKNOWN_CODE_IN_FRAGMENT",
                        "INACTIVE_DISPLAY_FOUND", "VALUESET_VALUE_MISMATCH_DEFAULT"})


def _message_id(issue: Json) -> str:
    return next((str(e.get("valueString")) for e in issue.get("extension") or []
                 if str(e.get("url", "")).endswith("operationoutcome-message-id")), "")


def _infer_system(item: Item, vs: Json, exp: Expander, kind: str) -> list[Json]:
    entries = exp.expand(vs)
    systems = sorted({k[0] for k in entries if k[2] == item.code})
    if len(systems) == 1:
        item.system = systems[0]
        return []
    if len(systems) > 1:
        text = (f"The System URI could not be determined for the code '{item.code}' in the "
                f"ValueSet '{vurl(vs)}': value set expansion has multiple matches: "
                f"[{', '.join(systems)}]")
        mid = "Unable_to_resolve_system__value_set_has_multiple_matches"
    else:
        searched = sorted({k[0] for k in entries})
        where = f": not found in {', '.join(searched)}" if searched else ""
        text = (f"The System URI could not be determined for the code '{item.code}' in the "
                f"ValueSet '{vurl(vs)}'{where}")
        mid = "UNABLE_TO_INFER_CODESYSTEM"
    return [tx_issue("error", "not-found", "cannot-infer", text, mid, item.at("code")),
            tx_issue("error", "code-invalid", "not-in-vs",
                     f"The provided code '#{item.code}' was not found in the value set "
                     f"'{vurl(vs)}'", "None_of_the_provided_codes_are_in_the_value_set_one",
                     item.at("code"))]


def _output(p: Params, items: list[Item], kind: str, vs: Json | None,
            outcomes: list[Outcome], pre: list[Json]) -> Json:
    issues = list(pre)
    pre_errors = [i for i in pre if i["severity"] == "error"]
    for o in outcomes:
        issues.extend(o.issues)
    if kind == "cc":
        good = [o for o in outcomes if o.valid and o.member]
        result = bool(good) and not pre_errors
        best = good[0] if good else next((o for o in outcomes if o.concept is not None), None)
        # a coding refused for its version or system says why itself; a code not in the
        # value set (or not in its code system) gets the general message as well
        own_errors = any(i["severity"] == "error" and _tx_type(i) in VERSION_OR_SYSTEM
                         for o in outcomes if not o.outside_vs for i in o.issues)
        if not good and vs is not None and not own_errors:
            issues.insert(0, tx_issue("error", "code-invalid", "not-in-vs",
                                      f"No valid coding was found for the value set "
                                      f"'{vurl(vs)}'", "TX_GENERAL_CC_ERROR_MESSAGE"))
        elif good:
            issues = [i for i in issues if i["severity"] != "error"]
    else:
        best = outcomes[0] if outcomes else None
        result = bool(best and best.valid and best.member) and not pre_errors
    params: list[Json] = []
    if kind == "cc":
        params.append({"name": "codeableConcept", "valueCodeableConcept": p.value(
            "codeableConcept")})
    if best is not None and kind == "cc" and not result and len(items) == len(outcomes):
        own = items[outcomes.index(best)]
        mine = f"{own.system}|{own.version}" if own.version else own.system
        outside = not best.member and all(
            i["severity"] != "error" for i in best.issues)  # only: not in the value set
        if outside or not best.judged or any(u != mine for u in best.unknown_systems):
            # not in the value set, or the version the value set asks for is unknown: no
            # code of the concept is given
            best = dataclasses.replace(best, code=None, system=None)
            if not best.judged:  # nothing of the concept is shown
                best.version = best.display = None
    if best is not None:
        given = items[0].code if kind != "cc" and items else None
        if best.code and best.concept is not None and given and given != best.code:
            # found in a case-insensitive code system: the code as given, and as defined
            params.append({"name": "code", "valueCode": given})
            params.append({"name": "normalized-code", "valueCode": best.code})
        elif best.code and best.concept is not None:
            params.append({"name": "code", "valueCode": best.code})
        elif kind != "cc" and items[0].code:
            params.append({"name": "code", "valueCode": items[0].code})
        if best.system and (best.concept is not None or kind != "cc"):
            params.append({"name": "system", "valueUri": best.system})
        if best.version and (best.concept is not None or kind != "cc"):
            params.append({"name": "version", "valueString": best.version})
        if best.display:
            params.append({"name": "display", "valueString": best.display})
        if best.concept is not None and best.concept.inactive:
            params.append({"name": "inactive", "valueBoolean": True})
        if best.concept is not None and best.concept.status in ("deprecated", "retired"):
            params.append({"name": "status", "valueCode": best.concept.status})
    for o in outcomes:
        name = "x-unknown-system" if o.outside_vs else "x-caused-by-unknown-system"
        for s in o.unknown_systems:
            params.append({"name": name, "valueCanonical": s})
    params.append({"name": "result", "valueBoolean": result})
    errors = sorted(i["details"]["text"] for i in issues if i["severity"] == "error")
    warnings = sorted(i["details"]["text"] for i in issues if i["severity"] == "warning"
                      and _message_id(i) not in ISSUE_ONLY)
    infos = sorted(i["details"]["text"] for i in issues if i["severity"] == "information"
                   and _message_id(i).startswith("NO_VALID_DISPLAY_FOUND"))
    # the message: every error and warning about the code, else the information
    message = sorted(errors + warnings) if errors else (warnings or infos)
    if message:
        params.append({"name": "message", "valueString": "; ".join(message)})
    if issues:
        params.append({"name": "issues", "resource": {"resourceType": "OperationOutcome",
                                                       "issue": issues}})
    return {"resourceType": "Parameters", "parameter": params}


def batch_validate(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    """``ValueSet/$batch-validate-code``: several validations sharing the outer parameters."""
    p = Params(req)
    shared = [i for i in p.items if i.get("name") != "validation"]
    out: list[Json] = []
    with req.repo.reading() as conn:
        for v in p.all("validation"):
            inner = (v.get("resource") or {}).get("parameter") or []
            sub = Params(req)
            sub.items = [*shared, *inner]
            ctx = sub.context(conn)
            try:
                vs = target_value_set(sub, ctx, req)
                assert vs is not None
                res: Json = run_validation(sub, ctx, vs, "system")
            except Exception as exc:  # one failed validation does not fail the batch
                outcome = getattr(exc, "outcome", None)
                if outcome is None:
                    raise
                res = outcome
            out.append({"name": "validation", "resource": res})
    return 200, {"resourceType": "Parameters", "parameter": out}, {}
