"""ValueSet expansion (https://hl7.org/fhir/R4/valueset-operation-expand.html).

A compose is evaluated as the union of its includes minus the union of its excludes; an
include is the intersection of its system part (all concepts, enumerated concepts or
filters, https://hl7.org/fhir/R4/valueset.html#compose) and the value sets it imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .context import TxContext, split_canonical
from .filters import apply_filter
from .issues import TxError, tx_error, tx_issue
from .model import CodeSystemModel, Concept, Designation, Json
from .versions import is_wildcard, matches

TOO_COSTLY = 10000
Key = tuple[str, str | None, str]


@dataclass
class Entry:
    """One concept of an expansion."""

    system: str
    version: str | None
    code: str
    display: str | None = None
    concept: Concept | None = None
    cs: CodeSystemModel | None = None
    designations: list[Designation] = field(default_factory=list)
    extensions: list[Json] = field(default_factory=list)
    version_explicit: bool = False
    #: the $expand text filter was already applied to it
    text_matched: bool = False

    @property
    def inactive(self) -> bool:
        return bool(self.concept and self.concept.inactive)

    @property
    def abstract(self) -> bool:
        if self.concept is None:
            return False
        return self.cs.not_selectable(self.concept) if self.cs is not None \
            else self.concept.not_selectable


@dataclass
class ExpandOptions:
    active_only: bool = False
    filter: str | None = None
    limit: int = TOO_COSTLY
    exclude_inactive: bool = False


class Expander:
    """Evaluates value set composes against a :class:`TxContext`."""

    def __init__(self, ctx: TxContext, opts: ExpandOptions | None = None,
                 supplements: list[Json] | None = None) -> None:
        self.ctx = ctx
        self.opts = opts or ExpandOptions()
        self.used_cs: list[str] = []
        self.used_vs: list[str] = []
        #: code systems used that are fragments (content = fragment): an expansion that
        #: may be incomplete
        self.used_fragments: list[str] = []
        self.supplements = supplements or []
        self.warnings: list[Json] = []
        self._stack: list[str] = []
        self._resources: list[Json] = []
        self.for_validation = False
        #: the include being expanded, for the location of a broken filter
        self._where = "ValueSet.compose.include[0]"
        #: system-version / check-system-version parameters that decided a version
        self.applied: list[tuple[str, str]] = []
        #: (draft | experimental | deprecated | withdrawn, resource type, versioned url) of
        #: the resources used, reported as warnings / information
        self.statuses: list[tuple[str, str, str]] = []

    # -- code system resolution ---------------------------------------------------------
    def resolve_version(self, system: str, version: str | None) -> str | None:
        forced = self.ctx.force_versions.get(system)
        if forced is not None:
            return forced
        if version:
            return version
        default = self.ctx.default_versions.get(system)
        if default is not None:
            self._applied("system-version", f"{system}|{default}")
        return default

    def _note_status(self, rtype: str, res: Json, vurl: str) -> None:
        status = resource_status(res)
        if rtype == "ValueSet" and status in ("draft", "experimental"):
            return  # only a deprecated or withdrawn value set is worth a warning
        if status and (status, rtype, vurl) not in self.statuses:
            self.statuses.append((status, rtype, vurl))

    def _applied(self, name: str, canonical: str) -> None:
        if (name, canonical) not in self.applied:
            self.applied.append((name, canonical))

    def code_system(self, system: str, version: str | None, action: str = "expanded"
                    ) -> CodeSystemModel:
        want = self.resolve_version(system, version)
        check = self.ctx.check_versions.get(system)
        if want is None and check is not None:
            want = check  # nothing pins a version: the one checked for is the one used
            self._applied("check-system-version", f"{system}|{check}")
        cs = self.ctx.code_system(system, want)
        if cs is None:
            raise self.unknown_system(system, want, action)
        # when validating, the check of each coding reports a version refused by the check
        if check is not None and not matches(check, cs.version) and not self.for_validation:
            raise tx_error(400, "exception", "version-error",
                           f"The version '{cs.version}' is not allowed for system '{system}': "
                           f"required to be '{check}' by a version-check parameter",
                           "VALUESET_VERSION_CHECK")
        if self.supplements:
            cs = self.ctx.with_supplements(cs, self.supplements)
        if cs.vurl() not in self.used_cs:
            self.used_cs.append(cs.vurl())
            if cs.content == "fragment":
                self.used_fragments.append(cs.vurl())
            self._note_status("CodeSystem", cs.resource, cs.vurl())
        return cs

    def unknown_system(self, system: str, version: str | None, action: str) -> Exception:
        known = [v for v in self.ctx.code_system_versions(system) if v]
        if version and known:
            text = (f"A definition for CodeSystem '{system}' version '{version}' could not be "
                    f"found, so the value set cannot be {action}. Valid versions: "
                    + " or ".join(sorted(known)))
            return tx_error(404, "not-found", "not-found", text, "UNKNOWN_CODESYSTEM_VERSION_EXP")
        if version:
            text = (f"A definition for CodeSystem '{system}' version '{version}' could not be "
                    f"found, so the value set cannot be {action}. No versions of this code "
                    "system are known")
            return tx_error(404, "not-found", "not-found", text,
                            "UNKNOWN_CODESYSTEM_VERSION_EXP_NONE")
        text = (f"A definition for CodeSystem '{system}' could not be found, so the value set "
                f"cannot be {action}")
        return tx_error(404, "not-found", "not-found", text, "UNKNOWN_CODESYSTEM_EXP")

    # -- value sets -----------------------------------------------------------------------
    def value_set(self, canonical: str) -> Json:
        if canonical.startswith("#"):
            for vs in reversed(self._resources):
                for res in vs.get("contained") or []:
                    if isinstance(res, dict) and res.get("id") == canonical[1:]:
                        return dict(res)
        url, version = split_canonical(canonical)
        found = self.ctx.value_set(url, version)
        if found is None:
            raise tx_error(404, "not-found", "not-found",
                           f"A definition for the value Set '{canonical}' could not be found",
                           "Unable_to_resolve_value_Set_")
        return found

    def expand(self, vs: Json) -> dict[Key, Entry]:
        """Every concept of ``vs``, keyed by (system, version, code), in order."""
        url = str(vs.get("url") or "")
        if url and url in self._stack:
            raise tx_error(400, "processing", "vs-invalid",
                           f"There is a circular reference in the value set '{url}': "
                           + " -> ".join([*self._stack, url]), "VALUESET_CIRCULAR_REFERENCE")
        self._stack.append(url)
        self._resources.append(vs)
        if url:
            self._note_status("ValueSet", vs, f"{url}|{vs['version']}" if vs.get("version")
                              else url)
        try:
            return self._expand(vs)
        finally:
            self._stack.pop()
            self._resources.pop()

    def _expand(self, vs: Json) -> dict[Key, Entry]:
        compose = vs.get("compose")
        if not isinstance(compose, dict):
            exp = vs.get("expansion") or {}
            return {(e.system, e.version, e.code): e for e in _from_expansion(exp)}
        exclude_inactive = compose.get("inactive") is False
        out: dict[Key, Entry] = {}
        for i, inc in enumerate(compose.get("include") or []):
            self._where = f"ValueSet.compose.include[{i}]"
            for key, e in self.include(inc).items():
                out.setdefault(key, e)
                if len(out) > self.opts.limit:
                    raise too_costly(vs, self.opts.limit)
        for exc in compose.get("exclude") or []:
            for key in self.include(exc):
                out.pop(key, None)
                for k in [k for k in out if k[0] == key[0] and k[2] == key[2]]:
                    out.pop(k, None)
        if exclude_inactive:
            out = {k: e for k, e in out.items() if not e.inactive}
        return out

    def include(self, inc: Json) -> dict[Key, Entry]:
        system = inc.get("system")
        result: dict[Key, Entry] | None = None
        if system:
            result = self._system_part(inc, str(system))
        for canonical in inc.get("valueSet") or []:
            found = self.value_set(canonical)
            imported = self.expand(found)
            used = canonical
            if "|" not in canonical and found.get("version"):
                used = f"{canonical}|{found['version']}"  # the version actually used
            if used not in self.used_vs and not canonical.startswith("#"):
                self.used_vs.append(used)  # a contained value set is part of this one
            if result is None:
                result = dict(imported)
            else:
                keys = {(k[0], k[2]) for k in imported}
                result = {k: e for k, e in result.items() if (k[0], k[2]) in keys}
        return result or {}

    def _system_part(self, inc: Json, system: str) -> dict[Key, Entry]:
        version = inc.get("version")
        cs = self.code_system(system, version)
        explicit = bool(version) and not is_wildcard(version)
        out: dict[Key, Entry] = {}
        if inc.get("concept"):
            for item in inc["concept"]:
                c = cs.get(str(item.get("code")))
                if c is None:
                    continue
                e = self._entry(cs, c, explicit)
                if item.get("display"):
                    e.display = item["display"]
                for d in item.get("designation") or []:
                    e.designations.append(Designation(
                        str(d.get("value", "")), d.get("language"), d.get("use"),
                        extensions=list(d.get("extension") or [])))
                e.extensions.extend(item.get("extension") or [])
                out[(system, cs.version, c.code)] = e
            return out
        codes: list[str] | None = None
        where = self._where
        for j, flt in enumerate(inc.get("filter") or []):
            try:
                found = apply_filter(cs, flt)
            except TxError as err:  # say which filter of the compose is broken
                for issue in err.issues:
                    issue.setdefault("location", [f"{where}.filter[{j}]"])
                    issue.setdefault("expression", [f"{where}.filter[{j}]"])
                raise
            codes = found if codes is None else [c for c in codes if c in set(found)]
        text = self.opts.filter if not self.for_validation else None
        # the text filter of $expand, applied before the size check: a filtered expansion
        # of a large code system stays cheap
        if codes is None:
            concepts = cs.search(text) if text else list(cs.all())
        else:
            concepts = [cs.concepts[c] for c in codes]
            if text:
                concepts = [c for c in concepts if _text_match(c, text)]
        if len(concepts) > self.opts.limit and not self.for_validation:
            raise too_costly({"url": system}, self.opts.limit)
        for c in concepts:
            e = out[(system, cs.version, c.code)] = self._entry(cs, c, explicit)
            e.text_matched = bool(text)
        return out

    def _entry(self, cs: CodeSystemModel, c: Concept, explicit: bool) -> Entry:
        return Entry(cs.url, cs.version, c.code, c.display, c, cs, list(c.designations),
                     version_explicit=explicit)


STANDARDS_STATUS = "http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status"


def resource_status(res: Json) -> str | None:
    """What a terminology server warns about a resource it uses: its standards status
    (deprecated, withdrawn), else draft, else experimental
    (https://hl7.org/fhir/R4/extension-structuredefinition-standards-status.html)."""
    for ext in res.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == STANDARDS_STATUS \
                and ext.get("valueCode") in ("deprecated", "withdrawn"):
            return str(ext["valueCode"])
    if res.get("status") == "draft":
        return "draft"
    if res.get("experimental") is True:
        return "experimental"
    return None


def _text_match(c: Concept, text: str) -> bool:
    t = text.lower()
    return any(t in h.lower() for h in (c.code, c.display or "",
                                        *(d.value for d in c.designations)))


def _from_expansion(exp: Json) -> list[Entry]:
    out: list[Entry] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if item.get("code"):
                out.append(Entry(str(item.get("system")), item.get("version"), item["code"],
                                 item.get("display")))
            walk(item.get("contains") or [])
    walk(exp.get("contains") or [])
    return out


def too_costly(vs: Json, limit: int) -> Exception:
    text = (f"The value set '{vs.get('url')}' expansion has too many codes to display "
            f"(>{limit})")
    return tx_error(422, "too-costly", None, text, "VALUESET_TOO_COSTLY")


__all__ = ["Entry", "ExpandOptions", "Expander", "tx_issue"]
