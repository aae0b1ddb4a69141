"""Validating one coding against a code system and, optionally, a value set
(https://hl7.org/fhir/R4/valueset-operation-validate-code.html,
https://hl7.org/fhir/R4/codesystem-operation-validate-code.html)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .expand import STANDARDS_STATUS, Entry, Expander, Key
from .issues import tx_issue
from .languages import lang_matches, pick_display
from .model import CodeSystemModel, Concept, Designation, Json
from .versions import is_wildcard, matches


@dataclass
class Item:
    """One coding to validate and where it sits in the request."""

    system: str | None
    version: str | None
    code: str | None
    display: str | None
    path: str

    def at(self, element: str) -> str:
        return f"{self.path}.{element}" if self.path else element

    def label(self) -> str:
        base = self.system or ""
        if self.version:
            base += f"|{self.version}"
        shown = f" ('{self.display}')" if self.display else ""
        return f"{base}#{self.code}{shown}"


@dataclass
class Options:
    languages: list[str] = field(default_factory=list)
    active_only: bool = False
    lenient_display: bool = False
    abstract_ok: bool = True
    infer_system: bool = False
    cc: bool = False


@dataclass
class Outcome:
    issues: list[Json] = field(default_factory=list)
    valid: bool = True
    member: bool = True
    system: str | None = None
    version: str | None = None
    code: str | None = None
    display: str | None = None
    concept: Concept | None = None
    unknown_systems: list[str] = field(default_factory=list)
    #: the unknown system is not one the value set includes (reported as x-unknown-system)
    outside_vs: bool = False
    #: False when membership could not be decided (the value set cannot be expanded)
    judged: bool = True

    def error(self, *args: str | None, **kw: str | None) -> None:
        self.issues.append(tx_issue("error", *args, **kw))  # type: ignore[arg-type]
        self.valid = False


def _unknown_system(out: Outcome, item: Item, exp: Expander, system: str,
                    version: str | None) -> None:
    sup = exp.ctx.supplement(f"{system}|{version}" if version else system)
    if sup is not None:  # a supplement names no concepts of its own
        v = f"|{sup['version']}" if sup.get("version") else ""
        out.error("invalid", "invalid-data",
                  f"CodeSystem {system}{v} is a supplement, so can't be used as a value in "
                  f"{item.path or 'Coding'}.system", message_id="CODESYSTEM_CS_NO_SUPPLEMENT",
                  path=item.at("system"))
        out.unknown_systems.append(f"{system}|{version}" if version else system)
        return
    known = [v for v in exp.ctx.code_system_versions(system) if v]
    if version and known:
        text = (f"A definition for CodeSystem '{system}' version '{version}' could not be found, "
                "so the code cannot be validated. Valid versions: " + " or ".join(sorted(known)))
        mid = "UNKNOWN_CODESYSTEM_VERSION"
    elif version:
        text = (f"A definition for CodeSystem '{system}' version '{version}' could not be found, "
                "so the code cannot be validated. No versions of this code system are known")
        mid = "UNKNOWN_CODESYSTEM_VERSION_NONE"
    else:
        text = (f"A definition for CodeSystem '{system}' could not be found, so the code cannot "
                "be validated")
        mid = "UNKNOWN_CODESYSTEM"
    out.error("not-found", "not-found", text, message_id=mid, path=item.at("system"))
    out.unknown_systems.append(f"{system}|{version}" if version else system)


def _include_version(vs: Json | None, system: str, code: str | None) -> tuple[bool, str | None]:
    """(whether the value set includes ``system``, the include's version)."""
    if vs is None:
        return False, None
    incs = [i for i in (vs.get("compose") or {}).get("include") or [] if i.get("system") == system]
    if not incs:
        return False, None
    for inc in incs:
        if any(c.get("code") == code for c in inc.get("concept") or []):
            return True, inc.get("version")
    return True, incs[0].get("version")


def check_item(item: Item, vs: Json | None, members: dict[Key, Entry] | None, exp: Expander,
               opts: Options) -> Outcome:
    out = Outcome(system=item.system, code=item.code)
    system = item.system
    assert system is not None
    ctx = exp.ctx
    included, iv = _include_version(vs, system, item.code)
    forced, default, check = (ctx.force_versions.get(system), ctx.default_versions.get(system),
                              ctx.check_versions.get(system))
    changed = False
    ev = iv
    if forced is not None:
        ev, changed = forced, forced != iv
    elif not iv and (default or check):
        ev, changed = default or check, True
    vs_cs = ctx.code_system(system, ev) if (included or ev) else None
    cs: CodeSystemModel | None
    if item.version and forced is None:
        cs = ctx.code_system(system, item.version)
        if cs is None:
            _unknown_system(out, item, exp, system, item.version)
        if included:
            shown = vs_cs.version if vs_cs is not None else ev
            if ev and not matches(ev, item.version):
                if changed:
                    out.error("invalid", "vs-invalid",
                              f"The code system '{system}' version '{ev}' resulting from the "
                              f"version '{iv or ''}' in the ValueSet include is different to the "
                              f"one in the value ('{item.version}')",
                              message_id="VALUESET_VALUE_MISMATCH_CHANGED",
                              path=item.at("version"))
                else:
                    out.error("invalid", "vs-invalid",
                              f"The code system '{system}' version '{ev}' in the ValueSet include "
                              f"is different to the one in the value ('{item.version}')",
                              message_id="VALUESET_VALUE_MISMATCH", path=item.at("version"))
            elif not ev and shown and shown != item.version:
                if cs is None:
                    out.issues.append(tx_issue(
                        "warning", "invalid", "vs-invalid",
                        f"The code system '{system}' version '{shown}' for the versionless "
                        f"include in the ValueSet include is different to the one in the value "
                        f"('{item.version}')", "VALUESET_VALUE_MISMATCH_DEFAULT",
                        item.at("version")))
                else:
                    out.error("invalid", "vs-invalid",
                              f"The code system '{system}' version '{shown}' in the ValueSet "
                              f"include is different to the one in the value ('{item.version}')",
                              message_id="VALUESET_VALUE_MISMATCH", path=item.at("version"))
            if vs_cs is not None and not (cs is not None and ev and is_wildcard(ev)
                                          and matches(ev, item.version)):
                cs = vs_cs
            elif vs_cs is not None:
                pass  # the value's own version is one the include's wildcard allows
            elif ev and not is_wildcard(ev):
                _unknown_system(out, item, exp, system, ev)
    else:
        cs = vs_cs if (included or ev) else ctx.code_system(system, ev)
        if cs is None:
            _unknown_system(out, item, exp, system, ev)
        elif forced is not None and item.version and not matches(forced, item.version):
            # the forced version wins, but the value asked for another one
            if ctx.code_system(system, item.version) is None:
                _unknown_system(out, item, exp, system, item.version)
            out.error("invalid", "vs-invalid",
                      f"The code system '{system}' version '{forced}' resulting from the "
                      f"version '{iv or ''}' in the ValueSet include is different to the one "
                      f"in the value ('{item.version}')",
                      message_id="VALUESET_VALUE_MISMATCH_CHANGED", path=item.at("version"))
    if check is not None and cs is not None and not matches(check, cs.version):
        out.error("exception", "version-error",
                  f"The version '{cs.version}' is not allowed for system '{system}': required to "
                  f"be '{check}' by a version-check parameter",
                  message_id="VALUESET_VERSION_CHECK", path=item.at("version"))
    if cs is None:
        out.member = False
        if vs is not None and not included and out.unknown_systems:
            _outside_value_set(item, vs, exp, opts, out)
        return out
    if exp.supplements:
        cs = ctx.with_supplements(cs, exp.supplements)
    out.version = cs.version
    _check_concept(item, cs, vs, members, opts, out)
    return out


def _check_concept(item: Item, cs: CodeSystemModel, vs: Json | None,
                   members: dict[Key, Entry] | None, opts: Options, out: Outcome) -> None:
    code = item.code or ""
    c = cs.get(code)
    if c is None:
        out.member = False
        if cs.content == "fragment":
            out.issues.append(tx_issue(
                "warning", "code-invalid", "invalid-code",
                f"Unknown Code '{code}' in the CodeSystem '{cs.url}' version '{cs.version}' - "
                "note that the code system is labeled as a fragment, so the code may be valid "
                "in some other fragment", "UNKNOWN_CODE_IN_FRAGMENT", item.at("code")))
            out.member = True  # it may be in the value set: nothing says it is not
            return
        else:
            version = f" version '{cs.version}'" if cs.version else ""
            out.error("code-invalid", "invalid-code",
                      f"Unknown code '{code}' in the CodeSystem '{cs.url}'{version}",
                      message_id="Unknown_Code_in_Version", path=item.at("code"))
        if vs is not None:
            _not_in_vs(item, vs, opts, out)
        return
    out.concept = c
    out.code = c.code
    out.display = pick_display(cs, c, c.display, opts.languages)
    if c.code != code:
        out.issues.append(tx_issue(
            "information", "business-rule", "code-rule",
            f"The code '{code}' differs from the correct code '{c.code}' by case. Although the "
            f"code system '{cs.vurl()}' is case insensitive, implementers are strongly "
            "encouraged to use the correct case anyway", "CODE_CASE_DIFFERENCE",
            item.at("code")))
    if vs is not None and members is not None:
        entry = next((e for k, e in members.items() if k[0] == cs.url and k[2] == c.code),
                     None)
        if entry is None:
            _not_in_vs(item, vs, opts, out)
        elif deprecated_in_value_set(entry):
            out.issues.append(tx_issue(
                "warning", "business-rule", "code-comment",
                f"The presence of the concept '{c.code}' in the system '{cs.url}' in the value "
                f"set {vurl(vs)} is marked with a status of deprecated and its use should be "
                "reviewed", "CONCEPT_DEPRECATED_IN_VALUESET", item.at("code")))
    if c.inactive:
        vs_active_only = vs is not None and (vs.get("compose") or {}).get("inactive") is False
        if opts.active_only or vs_active_only:
            out.error("business-rule", "code-rule",
                      f"The concept '{c.code}' is valid but is not active",
                      message_id="STATUS_CODE_WARNING_CODE", path=item.at("code"))
            if vs is not None and out.member:
                _not_in_vs(item, vs, opts, out)  # activeOnly: inactive codes are not in it
        status = c.status
        what = f"{status} and inactive" if status and status != "inactive" else "inactive"
        out.issues.append(tx_issue(
            "warning", "business-rule", "code-comment",
            f"The concept '{c.code}' has a status of {what} and its use should be reviewed",
            "INACTIVE_CONCEPT_FOUND", item.path or "code"))
    elif c.deprecated:
        out.issues.append(tx_issue(
            "warning", "business-rule", "code-comment",
            f"The concept '{c.code}' is deprecated and its use should be reviewed",
            "DEPRECATED_CONCEPT_FOUND", item.path or "code"))
    if cs.not_selectable(c) and not opts.abstract_ok:
        out.error("business-rule", "code-rule",
                  f"Code '{cs.url}#{c.code}' is abstract, and not allowed in this context",
                  message_id="ABSTRACT_CODE_NOT_ALLOWED", path=item.at("code"))
    if item.display is not None:
        _check_display(item, cs, c, opts, out)


VS_DEPRECATED = "http://hl7.org/fhir/StructureDefinition/valueset-deprecated"


def deprecated_in_value_set(entry: Entry) -> bool:
    """Whether the value set marks its member as deprecated (its compose concept carries
    https://hl7.org/fhir/extensions/StructureDefinition-valueset-deprecated.html or a
    deprecated standards status)."""
    for ext in entry.extensions:
        url, value = ext.get("url"), ext.get("valueBoolean", ext.get("valueCode"))
        if url == VS_DEPRECATED and value in (True, "true"):
            return True
        if url == STANDARDS_STATUS and value in ("deprecated", "withdrawn"):
            return True
    return False


def _not_in_vs(item: Item, vs: Json, opts: Options, out: Outcome) -> None:
    out.member = False
    text = (f"The provided code '{item.label()}' was not found in the value set "
            f"'{vurl(vs)}'")
    if opts.cc:
        out.issues.append(tx_issue("information", "code-invalid", "this-code-not-in-vs", text,
                                   "None_of_the_provided_codes_are_in_the_value_set_one",
                                   item.at("code")))
        out.valid = False
    else:
        out.error("code-invalid", "not-in-vs", text,
                  message_id="None_of_the_provided_codes_are_in_the_value_set_one",
                  path=item.at("code"))


def vurl(res: Json) -> str:
    """The versioned canonical of a value set, as messages name it."""
    if not res.get("url"):
        return "(unidentified)"  # a value set given inline, without url
    return f"{res.get('url')}|{res['version']}" if res.get("version") else str(res.get("url"))


def _check_display(item: Item, cs: CodeSystemModel, c: Concept, opts: Options,
                   out: Outcome) -> None:
    given = item.display or ""
    choices: list[tuple[str, str | None]] = []
    if c.display:
        choices.append((c.display, cs.language or "en" if not cs.language else cs.language))
    retired = [d for d in c.designations if _designation_status(d)]
    for d in c.designations:
        if d in retired:
            continue
        if not opts.languages or any(lang_matches(x, d.language) for x in opts.languages
                                     if x != "*"):
            choices.append((d.value, d.language))
    if not any(v == given for v, _ in choices) and any(d.value == given for d in retired):
        valid = ", ".join(f'"{v}"' for v, _ in choices)
        out.issues.append(tx_issue(
            "warning", "invalid", "display-comment",
            f"'{given}' is no longer considered a correct display for code '{c.code}' "
            f"(status = deprecated). The correct display is one of {valid}.",
            "INACTIVE_DISPLAY_FOUND", item.at("display")))
        return
    wanted = [x for x in opts.languages if x != "*"]
    if wanted and not any(lang_matches(x, lang) for x in wanted for _, lang in choices):
        _no_display_for_language(item, cs, c, wanted, out)
        return
    if any(v == given for v, _ in choices):
        return
    langs = ",".join(opts.languages) if opts.languages else "--"
    spaced = " ".join(given.split())
    same_words = [(v, lang) for v, lang in choices if " ".join(v.split()) == spaced]
    if same_words:
        v, lang = same_words[0]
        severity = "warning" if opts.lenient_display else "error"
        out.issues.append(tx_issue(
            severity, "invalid", "invalid-display",
            f"Wrong whitespace in Display Name '{given}' for {cs.url}#{c.code}. Valid display "
            f"is '{v}' ({lang}) (for the language(s) '{langs}')",
            "Display_Name_WS_for__should_be_one_of__instead_of", item.at("display")))
        out.valid = out.valid and severity != "error"
        return
    norm = spaced.lower()
    if any(" ".join(v.split()).lower() == norm for v, _ in choices):
        return
    shown = [(v, lang) for v, lang in choices if lang]
    if len(shown) == 1:
        valid = f"Valid display is '{shown[0][0]}' ({shown[0][1]})"
    else:
        valid = f"Valid display is one of {len(shown)} choices: " + " or ".join(
            f"'{v}' ({lang})" for v, lang in shown)
    text = (f"Wrong Display Name '{given}' for {cs.url}#{c.code}. {valid} (for the language(s) "
            f"'{langs}')")
    severity = "warning" if opts.lenient_display else "error"
    out.issues.append(tx_issue(severity, "invalid", "invalid-display", text,
                               "Display_Name_for__should_be_one_of__instead_of",
                               item.at("display")))
    if severity == "error":
        out.valid = False


def _designation_status(d: Designation) -> str | None:
    """deprecated / withdrawn when the designation's standards status says so
    (https://hl7.org/fhir/R4/extension-structuredefinition-standards-status.html)."""
    for ext in d.extensions:
        if ext.get("url") == STANDARDS_STATUS and ext.get("valueCode") in ("deprecated",
                                                                           "withdrawn"):
            return str(ext["valueCode"])
    return None


def _no_display_for_language(item: Item, cs: CodeSystemModel, c: Concept, wanted: list[str],
                             out: Outcome) -> None:
    """No display in the requested language(s): the display is judged against all of them
    (https://hl7.org/fhir/R4/valueset-operation-validate-code.html, ``displayLanguage``)."""
    given = item.display or ""
    langs = ",".join(wanted)
    known = [v for v in [c.display, *(d.value for d in c.designations)] if v]
    norm = " ".join(given.split()).lower()
    if any(v == given or " ".join(v.split()).lower() == norm for v in known):
        out.issues.append(tx_issue(
            "information", "invalid", "invalid-display",
            f"There are no valid display names found for the code {cs.url}#{c.code} for "
            f"language(s) '{langs}'. The display is '{given}' which is a valid display for the "
            "default language", "NO_VALID_DISPLAY_FOUND_NONE_FOR_LANG_OK", item.at("display")))
        return
    out.error("invalid", "invalid-display",
              f"Wrong Display Name '{given}' for {cs.url}#{c.code}. There are no valid display "
              f"names found for language(s) '{langs}'. Default display is '{c.display}'",
              message_id="NO_VALID_DISPLAY_FOUND_NONE_FOR_LANG_ERR", path=item.at("display"))


def _outside_value_set(item: Item, vs: Json, exp: Expander, opts: Options, out: Outcome
                       ) -> None:
    """An unknown system the value set does not include: the code is not in the value set
    (and a value set given as system says so)."""
    out.outside_vs = True
    system = item.system or ""
    for issue in out.issues:  # worded as the reference server words it here
        issue["details"]["text"] = issue["details"]["text"].replace(
            f"CodeSystem '{system}' could", f"CodeSystem {system} could")
    # reported as x-unknown-system: the system, whatever version the coding asked for
    out.unknown_systems = [u.split("|")[0] for u in out.unknown_systems]
    if exp.ctx.value_set(system) is not None:
        out.issues = [i for i in out.issues if i["severity"] != "error"]
        out.unknown_systems = []
        out.error("invalid", "invalid-data",
                  f"The Coding references a value set, not a code system ('{system}')",
                  message_id="Terminology_TX_System_ValueSet2", path=item.at("system"))
    _not_in_vs(item, vs, opts, out)
