"""The edsnlp pipelines (one per language) behind one interface: text -> qualified mentions.

French uses edsnlp's components as shipped (https://aphp.github.io/edsnlp/latest/pipes/):
sentences, normalizer, the drug matcher (Romedi -> ATC), negation, hypothesis, family and
history. English runs the same components with the English trigger lists of
:mod:`.rules_en`. Conditions are matched with the ICD-10 lexicon of :mod:`.lexicon`, allergens
and reactions with theirs. The CIM-10 matcher of edsnlp (42,886 terms) is not used: building
it takes minutes on two cores, and its labels rarely match clinical shorthand.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import rules_en, rules_fr
from .lexicon import ALLERGENS, CONDITIONS, ENGLISH_DRUGS, REACTIONS

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Mention:
    """One matched span and its context, offsets in code points into the analysed text."""

    kind: str  # condition | drug | allergen | reaction
    code: str  # ICD-10 / ATC code, "" when none
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    negated: bool
    hypothesis: bool
    family: bool
    history: bool


def strip_accents(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def _drug_terms() -> dict[str, list[str]]:
    from edsnlp import BASE_DIR  # the Romedi drug names shipped with edsnlp, keyed by ATC

    with open(BASE_DIR / "resources" / "drugs.json", encoding="utf-8") as f:
        terms: dict[str, list[str]] = json.load(f)
    out: dict[str, list[str]] = {}
    for atc, names in terms.items():
        variants = set(names)
        # English INNs mostly drop the French final "e" (metformine -> metformin).
        variants.update(n[:-1] for n in names if n.endswith("e") and len(n) >= 7 and " " not in n)
        out[atc] = sorted(variants)
    for atc, names in ENGLISH_DRUGS.items():
        out.setdefault(atc, []).extend(names)
    return out


def _condition_terms(lang: str) -> dict[str, list[str]]:
    return {f"cond:{c.code}": list(c.fr if lang == "fr" else c.en) for c in CONDITIONS}


def _other_terms(lang: str) -> dict[str, list[str]]:
    return {"allergen": list(ALLERGENS[lang]), "reaction": list(REACTIONS)}


@lru_cache(maxsize=2)
def build(lang: str) -> Any:
    """The pipeline for ``lang`` (``fr`` or ``en``), built once per process."""
    import edsnlp
    import edsnlp.pipes as eds

    nlp = edsnlp.blank("eds")
    nlp.add_pipe(eds.sentences())
    nlp.add_pipe(eds.normalizer())
    nlp.add_pipe(eds.terminology(name="drugs", label="drug", terms=_drug_terms(), attr="NORM"))
    nlp.add_pipe(eds.matcher(name="conditions", terms=_condition_terms(lang), attr="NORM"))
    nlp.add_pipe(eds.matcher(name="others", terms=_other_terms(lang), attr="NORM"))
    if lang == "fr":
        nlp.add_pipe(eds.negation())
        from edsnlp.pipes.qualifiers.hypothesis import patterns as hyp

        nlp.add_pipe(eds.hypothesis(
            preceding=[*hyp.preceding, *rules_fr.HYPOTHESIS_PRECEDING],
            following=[*hyp.following, *rules_fr.HYPOTHESIS_FOLLOWING]))
        nlp.add_pipe(eds.family(use_sections=False))
        nlp.add_pipe(eds.history())
    else:
        nlp.add_pipe(eds.negation(**rules_en.NEGATION))  # type: ignore[arg-type]
        nlp.add_pipe(eds.hypothesis(**rules_en.HYPOTHESIS))  # type: ignore[arg-type]
        nlp.add_pipe(eds.family(use_sections=False, **rules_en.FAMILY))  # type: ignore[arg-type]
        nlp.add_pipe(eds.history(**rules_en.HISTORY))  # type: ignore[arg-type]
    return nlp


#: Condition names of four letters or fewer that are words, not abbreviations.
SHORT_WORDS = frozenset({"gout"})


def _is_shorthand_ok(text: str) -> bool:
    """Condition abbreviations (4 letters or fewer) count only in capitals (HTA, MI, PE)."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) > 4 or " " in text.strip() or text.isupper()
            or strip_accents(text) in SHORT_WORDS)


def mentions(text: str, lang: str) -> list[Mention]:
    """All mentions in ``text`` with their qualifiers, in document order."""
    with _LOCK:  # built once; spaCy pipelines are not documented as thread-safe
        doc = build(lang)(text)
    found: list[Mention] = []
    for ent in doc.ents:
        label = ent.label_
        if label == "drug":
            kind, code = "drug", ent.kb_id_ or ""
        elif label.startswith("cond:"):
            kind, code = "condition", label[5:]
        elif label in ("allergen", "reaction"):
            kind, code = label, ""
        else:
            continue
        if kind == "condition" and not _is_shorthand_ok(ent.text):
            continue
        sent = ent.sent
        found.append(Mention(kind, code, ent.start_char, ent.end_char, ent.text,
                             sent.start_char, sent.end_char, bool(ent._.negation),
                             bool(ent._.hypothesis), bool(ent._.family), bool(ent._.history)))
    return sorted(found, key=lambda m: m.start)
