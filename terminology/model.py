"""In-memory model of a code system, built from a CodeSystem resource or the concept tables.

See https://hl7.org/fhir/R4/codesystem.html: concepts form a hierarchy either by nesting
(``concept.concept``) or by ``parent`` / ``child`` properties; concept properties
``status``, ``inactive``, ``notSelectable`` and ``deprecated`` follow
https://hl7.org/fhir/R4/codesystem-concept-properties.html.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]
PROP_BASE = "http://hl7.org/fhir/concept-properties#"
INACTIVE_STATUSES = ("retired", "inactive")
HL7_SD = "http://hl7.org/fhir/StructureDefinition/"


@dataclass
class Designation:
    """A designation (https://hl7.org/fhir/R4/codesystem-definitions.html#CodeSystem.concept.designation)."""

    value: str
    language: str | None = None
    use: Json | None = None
    #: the supplement (canonical|version) it comes from
    source: str | None = None
    extensions: list[Json] = field(default_factory=list)

    def to_json(self) -> Json:
        out: Json = {}
        known = [x for x in self.extensions if str(x.get("url", "")).startswith(HL7_SD)]
        if known:  # extensions unknown to the server are not echoed
            out["extension"] = known
        if self.language:
            out["language"] = self.language
        if self.use:
            out["use"] = self.use
        out["value"] = self.value
        return out


@dataclass
class Concept:
    """One concept with its properties, designations and hierarchy links."""

    code: str
    display: str | None = None
    definition: str | None = None
    designations: list[Designation] = field(default_factory=list)
    #: (property code, value element such as {"valueCode": "retired"})
    properties: list[tuple[str, Json]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    extensions: list[Json] = field(default_factory=list)

    def prop_values(self, code: str) -> list[Any]:
        return [_value(v) for c, v in self.properties if c == code]

    @property
    def status(self) -> str | None:
        """The ``status`` property, else the standards-status extension of the concept."""
        vals = self.prop_values("status")
        if vals:
            return str(vals[0])
        for ext in self.extensions:
            if isinstance(ext, dict) and str(ext.get("url", "")).endswith(
                    "/structuredefinition-standards-status") and ext.get("valueCode"):
                return str(ext["valueCode"])
        return None

    @property
    def inactive(self) -> bool:
        if any(v is True for v in self.prop_values("inactive")):
            return True
        return self.status in INACTIVE_STATUSES

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated" or bool(self.prop_values("deprecationDate"))

    @property
    def not_selectable(self) -> bool:
        return any(v is True or v == "true" for v in self.prop_values("notSelectable"))


def _value(v: Json) -> Any:
    for key, val in v.items():
        if key.startswith("value"):
            return val
    return None


class _WordIndex:
    """The words of a list of texts, with the texts holding each: the words, joined after a
    NUL each, are scanned at C speed for a substring."""

    def __init__(self, texts: Iterable[str]) -> None:
        postings: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            for word in set(text.split()):
                postings.setdefault(word, []).append(i)
        self.words = list(postings)
        self.postings = [postings[w] for w in self.words]
        self.starts: list[int] = []
        pos = 0
        for w in self.words:
            self.starts.append(pos)
            pos += len(w) + 1
        self.blob = "".join(f"\0{w}" for w in self.words)

    def rows_with(self, part: str) -> list[int]:
        """Positions (sorted) of the texts with a word containing ``part``."""
        rows: set[int] = set()
        blob, starts = self.blob, self.starts
        pos = blob.find(part)
        while pos >= 0:
            j = bisect_right(starts, pos) - 1
            rows.update(self.postings[j])
            pos = blob.find(part, starts[j + 1]) if j + 1 < len(starts) else -1
        return sorted(rows)


@dataclass
class CodeSystemModel:
    """A code system version ready for lookups (concepts by code, hierarchy, properties)."""

    url: str
    version: str | None
    resource: Json
    concepts: dict[str, Concept] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    #: property code -> definition (code, uri, type, description)
    property_defs: dict[str, Json] = field(default_factory=dict)
    _lower: dict[str, str] | None = None
    #: (code, lower-cased code + display + designations) in ``all()`` order, built once
    _search: list[tuple[str, str]] | None = None
    _index: _WordIndex | None = None

    @property
    def case_sensitive(self) -> bool:
        return bool(self.resource.get("caseSensitive", False))

    @property
    def content(self) -> str:
        return str(self.resource.get("content") or "complete")

    @property
    def language(self) -> str | None:
        lang = self.resource.get("language")
        return str(lang) if lang else None

    @property
    def name(self) -> str | None:
        return self.resource.get("name") or self.resource.get("title")

    def vurl(self) -> str:
        return f"{self.url}|{self.version}" if self.version else self.url

    def get(self, code: str) -> Concept | None:
        found = self.concepts.get(code)
        if found is not None or self.case_sensitive:
            return found
        if self._lower is None:
            self._lower = {c.lower(): c for c in self.concepts}
        real = self._lower.get(code.lower())
        return self.concepts.get(real) if real else None

    def not_selectable(self, c: Concept) -> bool:
        """notSelectable, whatever code the code system gives the property
        (https://hl7.org/fhir/R4/codesystem-concept-properties.html)."""
        if c.not_selectable:
            return True
        codes = [k for k, d in self.property_defs.items()
                 if str(d.get("uri", "")).endswith("concept-properties#notSelectable")]
        return any(v is True or v == "true" for k in codes for v in c.prop_values(k))

    def search(self, text: str) -> list[Concept]:
        """Concepts whose code, display or a designation contains ``text`` (any case), in
        ``all()`` order; the $expand ``filter``."""
        if self._search is None or self._index is None:
            self._search = [(c.code, "\n".join([c.code, c.display or "",
                                                 *(d.value for d in c.designations)]).lower())
                            for c in self.all()]
            self._index = _WordIndex(hay for _, hay in self._search)
        t = text.lower()
        search = self._search
        parts = t.split()
        if not parts or "\0" in t:
            return [self.concepts[code] for code, hay in search if t in hay]
        # a match holds its longest whitespace-free part inside one of its words: only the
        # concepts with such a word are read (the vocabulary is far smaller than the texts)
        rows = self._index.rows_with(max(parts, key=len))
        return [self.concepts[search[i][0]] for i in rows if t in search[i][1]]

    def all(self) -> Iterator[Concept]:
        """Every concept, depth first in definition order."""
        seen: set[str] = set()
        stack = list(reversed(self.roots))
        while stack:
            code = stack.pop()
            if code in seen:
                continue
            seen.add(code)
            c = self.concepts[code]
            yield c
            stack.extend(reversed([k for k in c.children if k in self.concepts]))
        for code, c in self.concepts.items():
            if code not in seen:
                yield c

    def descendants(self, code: str) -> list[str]:
        out: list[str] = []
        seen = {code}
        stack = list(reversed(self.concepts[code].children)) if code in self.concepts else []
        while stack:
            k = stack.pop()
            if k in seen or k not in self.concepts:
                continue
            seen.add(k)
            out.append(k)
            stack.extend(reversed(self.concepts[k].children))
        return out

    def ancestors(self, code: str) -> set[str]:
        out: set[str] = set()
        stack = list(self.concepts[code].parents) if code in self.concepts else []
        while stack:
            k = stack.pop()
            if k in out:
                continue
            out.add(k)
            if k in self.concepts:
                stack.extend(self.concepts[k].parents)
        return out

    def prop_type(self, code: str) -> str | None:
        d = self.property_defs.get(code)
        return str(d.get("type")) if d and d.get("type") else None


def _concept(raw: Json) -> Concept:
    designations = [
        Designation(str(d.get("value", "")), d.get("language"), d.get("use"),
                    extensions=list(d.get("extension") or []))
        for d in raw.get("designation") or [] if isinstance(d, dict)
    ]
    props: list[tuple[str, Json]] = []
    for p in raw.get("property") or []:
        if isinstance(p, dict) and p.get("code"):
            props.append((p["code"], {k: v for k, v in p.items() if k.startswith("value")}))
    return Concept(str(raw.get("code")), raw.get("display"), raw.get("definition"),
                   designations, props, extensions=list(raw.get("extension") or []))


def from_resource(res: Json) -> CodeSystemModel:
    """Build the model of a CodeSystem resource (nested concepts and parent/child properties)."""
    model = CodeSystemModel(str(res.get("url") or ""), res.get("version"), res)
    for p in res.get("property") or []:
        if isinstance(p, dict) and p.get("code"):
            model.property_defs[p["code"]] = p

    def walk(items: list[Any], parent: str | None) -> None:
        for raw in items:
            if not isinstance(raw, dict) or "code" not in raw:
                continue
            c = model.concepts.get(raw["code"])
            if c is None:
                c = _concept(raw)
                model.concepts[c.code] = c
            if parent is None:
                model.roots.append(c.code)
            else:
                link(parent, c.code)
            walk(raw.get("concept") or [], c.code)

    def link(parent: str, child: str) -> None:
        p, c = model.concepts.get(parent), model.concepts.get(child)
        if p is not None and child not in p.children:
            p.children.append(child)
        if c is not None and parent not in c.parents:
            c.parents.append(parent)

    walk(res.get("concept") or [], None)
    for c in list(model.concepts.values()):
        for code, v in c.properties:
            target = _value(v)
            if code == "parent" and isinstance(target, str) and target in model.concepts:
                link(target, c.code)
            elif code == "child" and isinstance(target, str) and target in model.concepts:
                link(c.code, target)
    model.roots = [r for r in model.roots if not model.concepts[r].parents]
    return model


def apply_supplement(base: CodeSystemModel, supplement: Json) -> CodeSystemModel:
    """A copy of ``base`` with the designations and properties a supplement adds
    (https://hl7.org/fhir/R4/codesystem.html#supplements)."""
    import copy

    out = copy.deepcopy(base)
    out._search = None
    out._index = None
    sup = from_resource(supplement)
    lang = supplement.get("language")
    out.property_defs.update({k: v for k, v in sup.property_defs.items()
                              if k not in out.property_defs})
    source = sup.vurl()
    for code, sc in sup.concepts.items():
        target = out.get(code)
        if target is None:
            continue
        if sc.display and lang:
            target.designations.append(Designation(sc.display, lang, source=source))
        target.designations.extend(Designation(d.value, d.language, d.use, source,
                                               d.extensions) for d in sc.designations)
        target.properties.extend(sc.properties)
        target.extensions.extend(sc.extensions)
    return out
