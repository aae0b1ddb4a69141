"""``POST [base]/$code`` and ``POST [base]/Condition|Procedure|Claim|ChargeItem/[id]/$code``.

Suggests codes of loaded code systems for clinical texts (contract: DESIGN.md, "$code";
operation framework: https://hl7.org/fhir/R4/operations.html). In: ``text`` 1..* (or, at
instance level, the resource's own text), ``system`` 0..* (default: the loaded WHO ICD-10,
CIM-10 FR and ICD-10-GM), ``count`` (default 5), ``language``, ``apply`` (instance level),
``inactive`` (default false: inactive concepts are suggested only when true). Out:
Parameters with one ``match`` per suggestion — parts ``text``, ``concept`` (Coding),
``score`` (calibrated probability 0..1), ``rank`` (1 = best, per text and system) — and the
``provenance`` of the call. With ``apply=true`` the top suggestion of the first text is added
to the resource as a coding with an inline AIAST security label, stored with its Provenance.
"""

from __future__ import annotations

from typing import Any

from fhir_server import bundles
from fhir_server.errors import bad_request, too_large
from fhir_server.ops import OperationSpec, OpRequest, register
from terminology.store import find_code_system_row

from ..devices import AiModel, ModelDescription
from ..provenance import AiCall
from ..transparency import AIAST, CODE_SYSTEM_TAG, INLINE_LABEL
from .index import CACHE, EMBEDDER, ICD10_FAMILY, CodeIndex, embedder_version
from .rank import Suggestion, suggest

DEFINITION = "http://fhir-ai.example.org/OperationDefinition/code"
#: texts in one call; more is refused with 413 (split the batch or use several calls)
MAX_TEXTS = 1000
MAX_TEXT_LENGTH = 5000
MAX_COUNT = 50
LANGUAGES = ("fr", "en", "de", "it")
ENGINE_VERSION = "1"
#: the diagnosis classifications used when no ``system`` is given: WHO ICD-10 and the
#: national modifications of the countries served (ICD-10-CM only when asked for: indexing its
#: 98,000 codes takes minutes)
DEFAULT_SYSTEMS = tuple(u for u in ICD10_FAMILY if not u.endswith("/icd-10-cm"))


def model() -> ModelDescription:
    """The Device description of the ``$code`` engine (lexicon + fusion + e5 embedder). No
    "+" in the version: it goes unencoded into a conditional-update URL."""
    embedder = (embedder_version() or "none").replace("|", "-")
    card = (f"# code-engine {ENGINE_VERSION}\n\nHybrid retrieval over the loaded code systems: "
            "TF-IDF on folded words and on character n-grams, a French/English clinical "
            f"abbreviation and synonym lexicon, {EMBEDDER} embeddings, hierarchy-aware "
            "reranking and a logistic score calibration. Suggests codes for review by a "
            "coder; not a final coding.\n")
    return AiModel("code-engine", f"{ENGINE_VERSION}-{embedder}", card)


def _values(req: OpRequest, name: str, kind: str) -> list[Any]:
    out = []
    for p in req.parameters():
        if p.get("name") == name:
            value = p.get(kind, p.get("valueString"))
            if not isinstance(value, str) and kind != "valueInteger":
                raise bad_request(f"Parameter {name!r} must be a {kind[5:].lower()}", name)
            out.append(value)
    return out


def _count(req: OpRequest) -> int:
    p = req.param("count")
    if p is None:
        return 5
    value = p.get("valueInteger", p.get("valueString"))
    try:
        count = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise bad_request("Parameter 'count' must be an integer", "count") from None
    if not 1 <= count <= MAX_COUNT:
        raise bad_request(f"Parameter 'count' must be between 1 and {MAX_COUNT}", "count")
    return count




def _resource_text(resource: dict[str, Any]) -> list[str]:
    """The text a resource carries about what is to be coded."""
    rtype = resource.get("resourceType")
    concepts: list[Any] = []
    if rtype in ("Condition", "Procedure", "ChargeItem"):
        concepts = [resource.get("code")]
    elif rtype == "Claim":
        concepts = [d.get("diagnosisCodeableConcept") for d in resource.get("diagnosis") or []]
        concepts += [i.get("productOrService") for i in resource.get("item") or []]
    out = []
    for cc in concepts:
        if not isinstance(cc, dict):
            continue
        text = cc.get("text") or next((c.get("display") for c in cc.get("coding") or []
                                       if isinstance(c, dict) and c.get("display")), None)
        if text:
            out.append(str(text))
    for note in resource.get("note") or []:
        if isinstance(note, dict) and note.get("text"):
            out.append(str(note["text"]))
    return out[:1] if out else []


def _systems(req: OpRequest) -> list[str]:
    asked = _values(req, "system", "valueUri")
    with req.repo.reading() as conn:
        if not asked:
            found = [u for u in DEFAULT_SYSTEMS if find_code_system_row(conn, u, None)]
            if not found:
                raise bad_request("No ICD-10 classification is loaded: load one or name a "
                                  "'system'", "system")
            return found
        for url in asked:
            system, _, version = url.partition("|")
            if find_code_system_row(conn, system, version or None) is None:
                raise bad_request(f"Code system {url!r} is not loaded on this server", "system")
    return list(dict.fromkeys(asked))


def _coding(index: CodeIndex, s: Suggestion) -> dict[str, Any]:
    coding: dict[str, Any] = {"system": index.url, "code": s.code}
    if index.version:
        coding["version"] = index.version
    if s.display:
        coding["display"] = s.display
    return coding


def _match(text: str, coding: dict[str, Any], s: Suggestion, rank: int) -> dict[str, Any]:
    return {"name": "match", "part": [
        {"name": "text", "valueString": text},
        {"name": "concept", "valueCoding": coding},
        {"name": "score", "valueDecimal": round(s.score, 4)},
        {"name": "rank", "valueInteger": rank}]}


def _apply(resource: dict[str, Any], coding: dict[str, Any]) -> dict[str, Any]:
    """``resource`` with ``coding`` added (AI-labelled inline) where it codes its subject."""
    labelled = {**coding, "extension": [{"url": INLINE_LABEL, "valueCoding": dict(AIAST)}]}
    rtype = resource["resourceType"]
    out = dict(resource)
    meta = dict(out.get("meta") or {})
    tag = {"system": CODE_SYSTEM_TAG, "code": coding["system"]}
    meta["tag"] = [*[t for t in meta.get("tag") or [] if t != tag], tag]
    out["meta"] = meta
    if rtype == "Claim":
        diagnoses = list(out.get("diagnosis") or [])
        diagnoses.append({"sequence": len(diagnoses) + 1,
                          "diagnosisCodeableConcept": {"coding": [labelled]}})
        out["diagnosis"] = diagnoses
        return out
    concept = dict(out.get("code") or {})
    codings = [c for c in concept.get("coding") or []
               if (c.get("system"), c.get("code")) != (coding["system"], coding["code"])]
    concept["coding"] = [*codings, labelled]
    out["code"] = concept
    return out


def handle(req: OpRequest) -> tuple[int, Any, dict[str, str]]:
    texts = _values(req, "text", "valueString")
    apply = req.flag("apply")
    inactive = req.flag("inactive")
    if apply and req.id is None:
        raise bad_request("'apply' is only allowed on an instance ($code on a resource)",
                          "apply")
    resource = req.repo.read(req.resource_type or "", req.id).resource if req.id else None
    if not texts and resource is not None:
        texts = _resource_text(resource)
    if not texts:
        raise bad_request("Parameter 'text' is required (1..*)", "text")
    if len(texts) > MAX_TEXTS:
        raise too_large(f"{len(texts)} texts in one call; at most {MAX_TEXTS}")
    for t in texts:
        if not t.strip():
            raise bad_request("Parameter 'text' must not be empty", "text")
        if len(t) > MAX_TEXT_LENGTH:
            raise bad_request(f"A 'text' is longer than {MAX_TEXT_LENGTH} characters", "text")
    language = (req.param("language") or {}).get("valueCode") or \
        (req.param("language") or {}).get("valueString")
    if language is not None and language not in LANGUAGES:
        raise bad_request(f"Parameter 'language' must be one of {', '.join(LANGUAGES)}",
                          "language")
    count = _count(req)
    systems = _systems(req)
    matches: list[dict[str, Any]] = []
    top: dict[str, Any] | None = None
    for url in systems:
        system, _, version = url.partition("|")
        with req.repo.reading() as conn:
            index = CACHE.get(conn, system, version or None)
        if index is None:
            continue
        for text, found in zip(texts, suggest(index, texts, count, language,
                                                   inactive=inactive), strict=True):
            for rank, s in enumerate(found, start=1):
                coding = _coding(index, s)
                matches.append(_match(text, coding, s, rank))
                if top is None and rank == 1:
                    top = coding
    call = AiCall(req, "code", [model()])
    if resource is not None:
        call.add_input({"reference": f"{req.resource_type}/{req.id}"})
    if apply and resource is not None and top is not None:
        call.add_output(_apply(resource, top), confidence=_score_of(matches, top))
        provenance = _persist(call)
    else:
        refs = call.record_call()
        provenance = call.provenance(refs)
        if resource is None:
            provenance["target"] = [{"display": "$code suggestions (not stored)"}]
        else:
            provenance["target"] = [{"reference": f"{req.resource_type}/{req.id}"}]
    params = [*matches, {"name": "provenance", "resource": provenance}]
    return 200, {"resourceType": "Parameters", "parameter": params}, {}


def _score_of(matches: list[dict[str, Any]], coding: dict[str, Any]) -> float:
    for m in matches:
        parts = {p["name"]: p for p in m["part"]}
        if parts["concept"]["valueCoding"] is coding:
            return float(parts["score"]["valueDecimal"])
    return 0.0


def _persist(call: AiCall) -> dict[str, Any]:
    """Store the changed resource, its Provenance, the AuditEvent and the Device (one
    transaction); the stored Provenance."""
    bundle = call.transaction_bundle(with_audit=True)
    systems = [t for o in call.outputs for t in (o.resource.get("meta") or {}).get("tag", [])
               if t.get("system") == CODE_SYSTEM_TAG]
    for entry in bundle["entry"]:
        if entry["resource"].get("resourceType") == "Provenance":
            entry["resource"]["meta"]["tag"] += systems
    result = bundles.process(call.req.repo, bundle, call.req.base)
    for entry, sent in zip(result.get("entry") or [], bundle["entry"], strict=False):
        if sent["resource"].get("resourceType") == "Provenance":
            location = str((entry.get("response") or {}).get("location", ""))
            rtype, rid = location.split("/")[-4:-2] if "/_history/" in location \
                else location.split("/")[-2:]
            return dict(call.req.repo.read(rtype, rid).resource or {})
    raise RuntimeError("the Provenance was not stored")


register(OperationSpec(
    "code", handle, DEFINITION, system=True, instance=True,
    resource_types=("Condition", "Procedure", "Claim", "ChargeItem"),
    documentation="Ranked code suggestions (ICD-10, CIM-10, tariff catalogues) for clinical "
                  "texts, with calibrated scores and AI provenance"))
