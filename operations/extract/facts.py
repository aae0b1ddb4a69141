"""From qualified mentions to facts: allergies, medications, conditions, family history.

A drug or allergen in a sentence about allergy is an allergy; elsewhere a drug is a
medication whose dosage is the text written after it. Conditions take their status from the
qualifiers (negated -> refuted, hypothetical -> provisional, history -> resolved unless the
condition is chronic, family -> family history).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules_en, rules_fr
from .lexicon import CONDITIONS, DRUG_STOPWORDS
from .pipeline import Mention, mentions, strip_accents

_CHRONIC = {c.code for c in CONDITIONS if c.chronic}
DISPLAY = {c.code: c.display for c in CONDITIONS}
_ALLERGY = re.compile(r"allerg|intol[ée]ran|anaphyla|hypersensitiv|hypersensibilit",
                      re.IGNORECASE)
_NO_ALLERGY = re.compile(
    r"\b(?:pas d['’ ]\s*allergies?(?: m[ée]dicamenteuses?)?(?: connues?)?"
    r"|aucune allergie(?: m[ée]dicamenteuse)?(?: connue)?"
    r"|allergies?(?: m[ée]dicamenteuses?)?\s*:\s*(?:aucune|n[ée]ant|0|pas d['’]allergie)"
    r"|absence d['’]allergie(?: m[ée]dicamenteuse)?(?: connue)?"
    r"|nkda|nka|no known (?:drug )?allerg(?:y|ies)|no (?:drug )?allergies"
    r"|allergies?\s*:\s*(?:none|nil|nkda|nka|no known))", re.IGNORECASE)
_DRUG_WORDS = re.compile(r"m[ée]dicament|drug|medication", re.IGNORECASE)
_STOPPED = re.compile(r"\b(?:arr[eê]t[ée]?e?s?|stopp[ée]e?s?|suspendue?s?|interrompue?s?|"
                      r"stopped|discontinued|ceased|withdrawn|held|switched|previously on|"
                      r"formerly on|ancien(?:ne)? traitement)\b|\barr[eê]t\b",
                      re.IGNORECASE)
_INTENDED = re.compile(r"\b(?:[àa] d[ée]buter|[àa] introduire|[àa] pr[ée]voir|pr[ée]vue?|"
                       r"sera (?:introduit|d[ée]but[ée])|to start|will start|to be started|"
                       r"plan(?:ned)? to start|consider starting)\b", re.IGNORECASE)
_OVER = re.compile(r"\b(?:dans l['’]enfance|enfance|childhood|as a child|sevr[ée]e?s?|"
                   r"sevrage|ancien(?:ne)?|ex-?fumeu(?:r|se)|former|ex-smoker|quit|gu[ée]ri"
                   r"|cured|r[ée]mission|years ago|il y a \d+ ans)\b", re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:en|in|since|depuis|\()?\s*(?:19[5-9]\d|20[01]\d|202[0-4])\b")
_SEGMENT_END = re.compile(r"[\n;]|(?<=[a-z)])\.\s|,\s*(?=[A-Za-zÀ-ÿ]{4,}\s)")


@dataclass
class Fact:
    """One extracted fact with its evidence span (code points into the analysed text)."""

    kind: str  # allergy | medication | condition | family
    text: str
    start: int
    end: int
    code: str = ""
    status: str = ""  # see scoring.STATUSES
    dosage_text: str = ""
    reactions: list[str] = field(default_factory=list)
    relation: str = ""
    allergy_type: str = "allergy"
    what: str = ""  # "no known allergy": what is excluded (medication | allergy)


def _sentence(text: str, m: Mention) -> str:
    return text[m.sentence_start:m.sentence_end]


def _line_prefix(text: str, m: Mention) -> str:
    """The words before a drug, back to the previous punctuation, line or sentence start."""
    start = max(max(text.rfind(c, 0, m.start) for c in ",;.\n") + 1, m.sentence_start)
    return text[start:m.start]


def _clause(text: str, m: Mention) -> tuple[int, int]:
    """The mention's sentence, cut at line breaks (lists and forms put one item per line)."""
    start = max(text.rfind("\n", 0, m.start) + 1, m.sentence_start)
    end = text.find("\n", m.end)
    return start, min(end if end >= 0 else len(text), m.sentence_end)


def _in_allergy_context(text: str, m: Mention) -> bool:
    start, end = _clause(text, m)
    return bool(_ALLERGY.search(text[start:m.start] + " " + text[m.end:end]))


def _past_cue(text: str, m: Mention) -> tuple[bool, bool]:
    """(explicitly over: childhood, quit, cured...; dated in a past year)."""
    start, end = _clause(text, m)
    clause = text[start:end]
    return bool(_OVER.search(clause)), bool(_PAST_YEAR.search(clause))


def _relation(text: str, m: Mention, lang: str) -> str:
    table = rules_fr.RELATIONS if lang == "fr" else rules_en.RELATIONS
    before = re.findall(r"[\w-]+", strip_accents(text[m.sentence_start:m.start]))
    after = re.findall(r"[\w-]+", strip_accents(text[m.end:m.sentence_end]))
    for w in [*reversed(before), *after]:  # the nearest relation word before, else after
        if w in table:
            return table[w]
    return "FAMMEMB"


def _after(text: str, m: Mention, following: list[Mention]) -> str:
    """The words after a drug: up to the next drug, line, semicolon or sentence end."""
    limit = min([n.start for n in following if n.start >= m.end] + [m.sentence_end])
    rest = text[m.end:limit]
    cut = _SEGMENT_END.search(rest)
    return rest[:cut.start()] if cut else rest


def _medication(text: str, m: Mention, drugs: list[Mention]) -> Fact:
    after = _after(text, m, drugs)
    context = _line_prefix(text, m) + text[m.start:m.end] + after
    status = "active"
    if _STOPPED.search(context):
        status = "stopped"
    elif m.hypothesis or _INTENDED.search(context):
        status = "intended"
    return Fact("medication", m.text, m.start, m.end, m.code, status, after.strip(" ,:;.-"))


def _condition(m: Mention, text: str, lang: str) -> Fact | None:
    if m.family:
        if m.negated:
            return None
        return Fact("family", m.text, m.start, m.end, m.code, "", relation=_relation(text, m, lang))
    over, dated = _past_cue(text, m)
    if m.negated:
        status = "refuted"
    elif m.hypothesis:
        status = "provisional"
    elif over or ((m.history or dated) and m.code not in _CHRONIC):
        status = "resolved"
    else:
        status = "active"
    return Fact("condition", m.text, m.start, m.end, m.code, status)


def _no_allergy(text: str) -> list[Fact]:
    out = []
    for hit in _NO_ALLERGY.finditer(text):
        what = "medication" if _DRUG_WORDS.search(hit.group(0)) or "nkda" in hit.group(0).lower() \
            else "allergy"
        out.append(Fact("allergy", hit.group(0), hit.start(), hit.end(), "", "refuted",
                        what=what))
    return out


def extract(text: str, lang: str) -> list[Fact]:
    """Every fact in ``text`` (``lang`` is ``fr`` or ``en``), in document order."""
    found = mentions(text, lang)
    found = [m for m in found if not (m.kind == "drug" and
                                      strip_accents(m.text) in DRUG_STOPWORDS)]
    drugs = [m for m in found if m.kind in ("drug", "allergen")]
    reactions = [m for m in found if m.kind == "reaction"]
    facts = _no_allergy(text)
    covered = [(f.start, f.end) for f in facts]
    for m in found:
        if any(s <= m.start < e for s, e in covered):
            continue
        if m.kind in ("drug", "allergen") and _in_allergy_context(text, m):
            fact = Fact("allergy", m.text, m.start, m.end, m.code,
                        "refuted" if m.negated else "confirmed")
            fact.reactions = [r.text for r in reactions if r.sentence_start == m.sentence_start]
            if re.search(r"intol[ée]ran", _sentence(text, m), re.IGNORECASE):
                fact.allergy_type = "intolerance"
            facts.append(fact)
        elif m.kind == "drug" and not m.negated and not m.family:
            facts.append(_medication(text, m, drugs))
        elif m.kind == "condition" and not _in_allergy_context(text, m):
            cond = _condition(m, text, lang)
            if cond:
                facts.append(cond)
    return _dedupe(sorted(facts, key=lambda f: f.start))


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One medication per drug: a drug named twice keeps the mention with most dosage text."""
    best: dict[str, Fact] = {}
    for f in facts:
        if f.kind == "medication":
            key = f.code or strip_accents(f.text)
            if key not in best or len(f.dosage_text) > len(best[key].dosage_text):
                best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in facts if f.kind != "medication" or id(f) in keep]
