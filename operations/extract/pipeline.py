"""The edsnlp pipelines (one per language) behind one interface: text -> qualified mentions.

French uses edsnlp's components as shipped (https://aphp.github.io/edsnlp/latest/pipes/):
sentences, normalizer, the drug matcher (Romedi -> ATC), negation, hypothesis, family and
history. English runs the same components with the English trigger lists of
:mod:`.rules_en`. Conditions are matched with the ICD-10 lexicon of :mod:`.lexicon`, allergens
and reactions with theirs; English also matches the English drug names (INNs and brands) of
:mod:`.drugs_en`. Form check boxes are read before the qualifiers run (:mod:`.forms`). The
CIM-10 matcher of edsnlp (42,886 terms) is not used: building
it takes minutes on two cores, and its labels rarely match clinical shorthand.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import forms, rules_en, rules_fr
from .lexicon import ALLERGENS, CONDITIONS, ENGLISH_DRUGS, REACTIONS

_LOCK = threading.Lock()
_DURATION = re.compile(r"\b(?:\d+|one|two|three|four|six|few|several)[- ]"
                       r"(?:day|week|month|year)s?[- ]$", re.IGNORECASE)


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


def _drug_terms(lang: str) -> dict[str, list[str]]:
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
    from .drugs_en import atc_terms, inn_terms

    for key, names in (atc_terms(terms) if lang == "en" else inn_terms(terms)).items():
        out.setdefault(key, []).extend(names)
    return {k: sorted(set(v)) for k, v in out.items()}


_FUNCTION_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "a", "au", "aux", "en", "sur",
                             "of", "the", "with", "and", "to", "in", "on", "type", "stade"})


def _plural(term: str, lang: str) -> str:
    """The plural of a term ("malaise" -> "malaises", "douleur abdominale" -> "douleurs
    abdominales", "kidney stone" -> "kidney stones"), or the term when none is made."""
    words = term.split(" ")

    def plural(w: str) -> str:
        ok = len(w) >= 4 and w.isalpha() and w[-1] not in "sxz" and w not in _FUNCTION_WORDS
        return w + "s" if ok else w

    if lang == "fr":
        return " ".join(plural(w) for w in words)
    return " ".join([*words[:-1], plural(words[-1])])


def _condition_terms(lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in CONDITIONS:  # several entries may share a code
        terms = c.fr if lang == "fr" else c.en
        out.setdefault(f"cond:{c.code}", []).extend(terms)
        out[f"cond:{c.code}"].extend(_plural(t, lang) for t in terms if len(t) > 4)
    return {k: sorted(set(v)) for k, v in out.items()}


def _other_terms(lang: str) -> dict[str, list[str]]:
    # A reaction that is also a condition term is matched as a condition (and read as the
    # reaction of an allergy in an allergy sentence, see facts.extract).
    conditions = {t for c in CONDITIONS for t in (*c.fr, *c.en)}
    return {"allergen": list(ALLERGENS[lang]),
            "reaction": [r for r in REACTIONS if r not in conditions]}


@lru_cache(maxsize=2)
def build(lang: str) -> Any:
    """The pipeline for ``lang`` (``fr`` or ``en``), built once per process."""
    import edsnlp
    import edsnlp.pipes as eds

    nlp = edsnlp.blank("eds")
    nlp.add_pipe(eds.sentences())
    nlp.add_pipe(eds.normalizer())
    nlp.add_pipe(eds.terminology(name="drugs", label="drug", terms=_drug_terms(lang),
                                 attr="NORM", ignore_space_tokens=True))
    nlp.add_pipe(eds.matcher(name="conditions", terms=_condition_terms(lang), attr="NORM",
                             ignore_space_tokens=True))
    nlp.add_pipe(eds.matcher(name="others", terms=_other_terms(lang), attr="NORM",
                             ignore_space_tokens=True))
    if lang == "fr":
        from edsnlp.pipes.qualifiers.negation import patterns as neg

        nlp.add_pipe(eds.negation(pseudo=[*neg.pseudo, *rules_fr.NEGATION_PSEUDO],
                                  explain=True))
        from edsnlp.pipes.qualifiers.hypothesis import patterns as hyp

        nlp.add_pipe(eds.hypothesis(
            explain=True,
            pseudo=[*hyp.pseudo, *rules_fr.HYPOTHESIS_PSEUDO],
            preceding=[*hyp.preceding, *rules_fr.HYPOTHESIS_PRECEDING],
            following=[*hyp.following, *rules_fr.HYPOTHESIS_FOLLOWING]))
        nlp.add_pipe(eds.family(use_sections=False, explain=True))
        nlp.add_pipe(eds.history(explain=True))
    else:
        nlp.add_pipe(eds.negation(explain=True, **rules_en.NEGATION))  # type: ignore[arg-type]
        nlp.add_pipe(eds.hypothesis(explain=True, **rules_en.HYPOTHESIS))  # type: ignore[arg-type]
        nlp.add_pipe(eds.family(use_sections=False, explain=True,
                                **rules_en.FAMILY))  # type: ignore[arg-type]
        nlp.add_pipe(eds.history(explain=True, **rules_en.HISTORY))  # type: ignore[arg-type]
    return nlp


#: Condition names of four letters or fewer that are words, not abbreviations.
SHORT_WORDS = frozenset({"gout", "toux", "zona", "acne", "coma", "sida", "itch"})


def _is_shorthand_ok(text: str) -> bool:
    """Condition abbreviations (4 letters or fewer) count only in capitals (HTA, MI, PE)."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) > 4 or " " in text.strip() or text.isupper()
            or strip_accents(text) in SHORT_WORDS
            or any(c.isdigit() or c in "&#" for c in text))  # t2dm, n&v, #nof


_ITEM_BREAK = re.compile(r"[,;\n]")


def _qualified(ent: Any, qualifier: str, text: str,
               spans: list[tuple[int, int]] | None = None) -> bool:
    """The qualifier's verdict, less the cues that follow the mention beyond a comma ("fièvre,
    pneumopathie suspectée": the fever is not a hypothesis) and the cues inside another
    mention's words ("syndrome des jambes sans repos" negates nothing)."""
    if not getattr(ent._, qualifier):
        return False
    raw = getattr(ent._, f"{qualifier}_cues", None) or []
    if not raw:
        return True
    cues = [c for c in raw  # not a stray match such as "1P" of "G1P0"
            if (c.text == "?" or sum(ch.isalpha() for ch in c.text) >= 2)
            and not any(s <= c.start_char and c.end_char <= e and (s, e) != (
                ent.start_char, ent.end_char) for s, e in spans or [])]
    return any(c.start_char < ent.start_char
               or (not _ITEM_BREAK.search(text[ent.end_char:c.start_char])
                   # "obstruction ?adhesional": the "?" queries the next word
                   and not (c.text == "?" and text[c.end_char:c.end_char + 1].isalnum()))
               for c in cues)


def mentions(text: str, lang: str) -> list[Mention]:
    """All mentions in ``text`` with their qualifiers, in document order."""
    with _LOCK:  # built once; spaCy pipelines are not documented as thread-safe
        doc = build(lang)(forms.mask(text))
    found: list[Mention] = []
    spans = [(e.start_char, e.end_char) for e in doc.ents]
    for ent in doc.ents:
        label = ent.label_
        if label == "drug":
            kind, code = "drug", ent.kb_id_ or ""
            if code.startswith("en:"):  # an English drug without an ATC code
                code = ""
        elif label.startswith("cond:"):
            kind, code = "condition", label[5:]
        elif label in ("allergen", "reaction"):
            kind, code = label, ""
        else:
            continue
        if kind == "condition" and not _is_shorthand_ok(ent.text):
            continue
        sent = ent.sent
        # A history cue after the mention ("chest pain. 30M, no PMH") does not date it, nor
        # does the duration of the present complaint ("a 2-month history of cough").
        cues = getattr(ent._, "history_cues", None) or []
        history = bool(ent._.history) and (not cues or any(
            c.start_char < ent.start_char and not _DURATION.search(text[:c.start_char])
            for c in cues))
        negated = _qualified(ent, "negation", text, spans)
        hypothesis = _qualified(ent, "hypothesis", text, spans)
        family = _qualified(ent, "family", text, spans)
        found.append(Mention(kind, code, ent.start_char, ent.end_char,
                             text[ent.start_char:ent.end_char],
                             sent.start_char, sent.end_char, negated, hypothesis,
                             family, history))
    return sorted(found, key=lambda m: m.start)
