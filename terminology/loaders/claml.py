"""ClaML (ISO 13120) classifications such as WHO ICD-10, CIM-10 FR and ICD-10-GM, into a
CodeSystem. Modifiers are expanded into the full code list: a class ``ModifiedBy`` a
modifier gets, on each of its leaf classes, one child per ``ModifierClass`` of that
modifier, unless an ``ExcludeModifier`` on the way says otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..model import Json

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _label(el: ET.Element) -> tuple[str | None, dict[str, str]]:
    """(preferred label, {language: label}) of a Class or ModifierClass."""
    preferred: str | None = None
    by_lang: dict[str, str] = {}
    for rubric in el.findall("Rubric"):
        if rubric.get("kind") != "preferred":
            continue
        for label in rubric.findall("Label"):
            text = " ".join("".join(label.itertext()).split())
            lang = label.get(XML_LANG)
            if preferred is None:
                preferred = text
            if lang:
                by_lang.setdefault(lang, text)
    return preferred, by_lang


def read_claml(path: Path, url: str | None = None, version: str | None = None) -> Json:
    root = ET.parse(path).getroot()
    title = root.find("Title")
    name = title.get("name") if title is not None else path.stem
    version = version or (title.get("version") if title is not None else None) or "1"
    classes: dict[str, ET.Element] = {c.get("code", ""): c for c in root.findall("Class")}
    modifier_classes: dict[str, list[ET.Element]] = {}
    for mc in root.findall("ModifierClass"):
        modifier_classes.setdefault(mc.get("modifier", ""), []).append(mc)
    concepts: list[Json] = []
    codes: set[str] = set()

    def add(code: str, display: str | None, labels: dict[str, str], parent: str | None,
            kind: str | None) -> None:
        concept: Json = {"code": code}
        if display:
            concept["display"] = display
        designations = [{"language": lang, "value": v} for lang, v in labels.items()
                        if v != display]
        if designations:
            concept["designation"] = designations
        props: list[Json] = []
        if parent:
            props.append({"code": "parent", "valueCode": parent})
        if kind:
            props.append({"code": "kind", "valueCode": kind})
        if kind in ("chapter", "block"):
            props.append({"code": "notSelectable", "valueBoolean": True})
        if props:
            concept["property"] = props
        concepts.append(concept)
        codes.add(code)

    def modifiers(code: str) -> list[str]:
        """Modifiers applying to ``code``: its own and its ancestors', minus exclusions."""
        found: list[str] = []
        excluded: set[str] = set()
        current: str | None = code
        while current and current in classes:
            el = classes[current]
            excluded |= {e.get("code", "") for e in el.findall("ExcludeModifier")}
            found += [m.get("code", "") for m in el.findall("ModifiedBy")
                      if m.get("code") not in found]
            sup = el.find("SuperClass")
            current = sup.get("code") if sup is not None else None
        return [m for m in found if m not in excluded]

    for code, el in classes.items():
        sup = el.find("SuperClass")
        display, labels = _label(el)
        add(code, display, labels, sup.get("code") if sup is not None else None, el.get("kind"))
    for code, el in classes.items():
        if el.findall("SubClass"):
            continue
        display, _ = _label(el)
        for modifier in modifiers(code):
            for mc in modifier_classes.get(modifier, []):
                new = code + mc.get("code", "")
                if new in codes:
                    continue
                mdisplay, mlabels = _label(mc)
                text = f"{display}, {mdisplay}" if display and mdisplay else display or mdisplay
                add(new, text, {}, code, "modified")
    return {"resourceType": "CodeSystem", "url": url or f"urn:fhir-ai:claml:{name}",
            "version": version, "name": name, "status": "active", "content": "complete",
            "caseSensitive": True, "hierarchyMeaning": "is-a", "count": len(concepts),
            "property": [{"code": "parent", "type": "code"}, {"code": "kind", "type": "code"},
                         {"code": "notSelectable", "type": "boolean",
                          "uri": "http://hl7.org/fhir/concept-properties#notSelectable"}],
            "concept": concepts}
