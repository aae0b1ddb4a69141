"""The guard: every sentence a model writes is checked against the record before it is used.

A sentence is dropped (and reported) when it

* is not well-formed text (fewer than two words, stray symbols, replacement characters);
* names a drug (edsnlp's Romedi names keyed by ATC, plus English INNs) that no
  MedicationRequest / MedicationStatement / AllergyIntolerance of the stay names;
* names a diagnosis (the ICD-10 condition lexicon of ``$extract``) absent from the stay's
  Conditions, Procedures, reports and reasons;
* writes a number or a date that the sources do not hold (values, doses, reference ranges,
  dates, age, length of stay; decimal comma or point, rounding to the written precision);
* presents as continued (continue, discharged on, à la sortie...) a drug the record stopped,
  completed, suspended or replaced;
* calls normal / negative / sterile a result whose last value the record flags abnormal;
* mentions allergy against the record: denies an allergy when one is documented, or names
  an allergen the AllergyIntolerances do not name.

Sentences written by the templates pass by construction (tests check that they do).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .gather import Resource, Stay, is_absence
from .lexicon import condition_lexicon, drug_lexicon, mentions, norm, words
from .numbers import NUMBER, dates_in, decimals, number_values
from .text import parse_date

#: Laboratory analytes that the drug lexicon also knows as drugs (potassium, sodium...).
ANALYTES = {"potassium", "sodium", "calcium", "magnesium", "glucose", "phosphore", "phosphate",
            "fer", "iron", "albumine", "albumin", "chlore", "chloride", "bicarbonate",
            "bicarbonates", "lactate", "lactates", "oxygene", "oxygen", "uree", "urea"}
NORMAL_RX = re.compile(r"\b(normal|normale|normales|normaux|normalis\w*|negati\w*|steril\w*|"
                       r"unremarkable|sans anomalie|within (?:the )?normal)")
CONTINUE_RX = re.compile(r"\b(continu\w*|poursui\w*|maintenu\w*|discharged? (?:on|with)|"
                         r"sortie (?:avec|sous)|at discharge|a la sortie|take[sn]? at home|"
                         r"home medication|traitement de sortie|discharge medication)")
STOP_RX = re.compile(r"\b(stop\w*|arret\w*|discontinu\w*|switch\w*|relai\w*|relay\w*|"
                     r"replac\w*|remplac\w*|held|hold|suspen\w*|withheld|complet\w*|termin\w*)")
ALLERGY_RX = re.compile(r"allerg|\bnkda\b|\bnka\b|intoleran|hypersensibilit")
NEG_RX = re.compile(r"\b(no|not|none|denies|denied|without|nkda|nka|pas|aucun|aucune|sans|"
                    r"ni|negative)\b")
KEYS_SKIPPED = {"reference", "system", "url", "id", "fullUrl", "profile", "div"}


@dataclass
class Evidence:
    """What the sources hold, in the forms the guard compares."""

    numbers: set[float] = field(default_factory=set)
    dates: set[date] = field(default_factory=set)
    drug_codes: set[str] = field(default_factory=set)
    drug_text: str = ""
    condition_codes: set[str] = field(default_factory=set)
    condition_text: str = ""
    allergy_text: str = ""
    allergy_codes: set[str] = field(default_factory=set)
    has_allergy: bool = False
    analyte_text: str = ""
    #: ATC codes / first name words of drugs stopped, completed, suspended or replaced
    stopped: set[str] = field(default_factory=set)
    #: names of the results the record flags abnormal (normalised)
    abnormal_names: set[str] = field(default_factory=set)
    all_text: str = ""

    def add_text(self, text: str) -> None:
        dates, rest = dates_in(text)
        self.dates.update(dates)
        for token in NUMBER.findall(rest):
            self.numbers.update(number_values(token))

    def walk(self, node: Any, key: str = "") -> None:
        if key in KEYS_SKIPPED:
            return
        if isinstance(node, dict):
            for k, v in node.items():
                self.walk(v, k)
        elif isinstance(node, list):
            for v in node:
                self.walk(v, key)
        elif isinstance(node, bool):
            return
        elif isinstance(node, int | float):
            self.numbers.add(float(node))
        elif isinstance(node, str):
            d = parse_date(node)
            if d is not None:
                self.dates.add(d)
            else:
                self.add_text(node)
                self.all_text += " | " + norm(node)


def _texts(resources: list[Resource], *fields: str) -> str:
    return " | ".join(norm(json.dumps([r.get(f) for f in fields], ensure_ascii=False))
                      for r in resources)


def evidence(stay: Stay, letter_lines: list[str]) -> Evidence:
    ev = Evidence()
    resources = [stay.encounter, stay.patient, *stay.conditions, *stay.procedures,
                 *stay.med_requests, *stay.med_statements, *stay.allergies,
                 *stay.observations, *stay.reports, *stay.care_plans, *stay.service_requests]
    for r in resources:
        ev.walk({k: v for k, v in r.items() if k not in ("meta", "text")})
    for line in letter_lines:
        ev.add_text(line)
    ev.analyte_text = _texts(stay.observations, "code")
    from .meds import plan

    meds_plan = plan(stay, "en")
    going = {m.key for m in meds_plan.discharge}
    for change in meds_plan.changes:
        gone = change.previous if change.kind in ("switched", "dose") else change.med
        if gone is not None and change.kind != "new" and gone.key not in going:
            ev.stopped.add(gone.atc or gone.key)
    from .results import findings, series_of

    names = [sr.name for sr in series_of(stay.observations) if sr.abnormal and sr.points[-1].flag]
    names += [f.name for f in findings(stay.observations)]
    ev.abnormal_names = {" ".join(words(n)) for n in names if n}
    meds = [*stay.med_requests, *stay.med_statements]
    ev.drug_text = _texts(meds, "medicationCodeableConcept", "medicationReference")
    active = [a for a in stay.allergies if not is_absence(a)]
    ev.has_allergy = bool(active)
    ev.allergy_text = _texts(active, "code", "reaction")
    for text in (ev.drug_text, ev.allergy_text):
        ev.drug_codes.update(code for _, code in mentions(text, drug_lexicon()))
    ev.drug_codes.update(re.findall(r'"code": "([a-z]\d\d[a-z]{0,2}\d{0,2})"', ev.drug_text))
    ev.allergy_codes = {code for _, code in mentions(ev.allergy_text, drug_lexicon())}
    ev.condition_text = " | ".join([
        _texts(stay.conditions, "code"), _texts(stay.procedures, "code", "reasonCode"),
        _texts(stay.reports, "code", "conclusion", "conclusionCode"),
        _texts([stay.encounter], "reasonCode")])
    ev.condition_codes = set(re.findall(r'"code": "([a-z]\d\d(?:\.\d+)?)"', ev.condition_text))
    ev.condition_codes.update(code.lower() for _, code in mentions(
        ev.condition_text, condition_lexicon()))
    return ev


def _well_formed(sentence: str) -> bool:
    if "\ufffd" in sentence:
        return False
    words = re.findall(r"[^\W\d_]{2,}", sentence)
    plain = sum(ch.isalnum() or ch.isspace() or ch in ".,;:()'’-/%°µ<>=+→–" for ch in sentence)
    return len(words) >= 2 and plain >= 0.9 * len(sentence)


def _atc_match(code: str, known: set[str]) -> bool:
    return any(code == k or (len(k) >= 5 and code.startswith(k)) or
               (len(code) >= 5 and k.startswith(code)) for k in known)


def _icd_match(code: str, known: set[str]) -> bool:
    c = code.lower()
    return any(k.startswith(c) or c.startswith(k[:3]) for k in known)


def check_sentence(sentence: str, ev: Evidence) -> list[str]:
    """Why ``sentence`` is unsupported (empty when it may stay)."""
    reasons: list[str] = []
    if not _well_formed(sentence):
        return ["not well-formed text"]
    n = norm(sentence)
    for term, atc in mentions(sentence, drug_lexicon()):
        if term in ANALYTES or term in ev.analyte_text:
            continue  # a laboratory value of the stay, not a drug
        if not (_atc_match(atc, ev.drug_codes) or term in ev.drug_text or term in ev.allergy_text):
            reasons.append(f"drug not in the record: {term}")
    for term, icd in mentions(sentence, condition_lexicon()):
        if not (_icd_match(icd, ev.condition_codes) or term in ev.condition_text
                or re.search(rf"\b{re.escape(term)}\b", ev.all_text)):
            reasons.append(f"diagnosis not in the record: {term}")
    if CONTINUE_RX.search(n) and not STOP_RX.search(n):
        for term, atc in mentions(sentence, drug_lexicon()):
            if _atc_match(atc, ev.stopped) or (term.split()[0] in ev.stopped):
                reasons.append(f"presents a stopped drug as continued: {term}")
    if NORMAL_RX.search(n):
        spoken = f" {' '.join(words(sentence))} "
        for name in ev.abnormal_names:
            first = name.split()[0] if name else ""
            if f" {name} " in spoken or (len(first) >= 4 and f" {first}" in spoken):
                reasons.append(f"calls normal a result the record flags abnormal: {name}")
    dates, rest = dates_in(sentence)
    reasons += [f"date not in the record: {d.isoformat()}" for d in dates if d not in ev.dates]
    for token in NUMBER.findall(rest):
        values, places = number_values(token), decimals(token)
        if not any(abs(v - x) < 1e-9 or round(x, places) == v
                   for v in values for x in ev.numbers):
            reasons.append(f"number not in the record: {token}")
    if ALLERGY_RX.search(n):
        if NEG_RX.search(n):
            if ev.has_allergy:
                reasons.append("denies an allergy the record documents")
        elif not ev.has_allergy:
            reasons.append("allergy not in the record")
        else:
            for term, atc in mentions(sentence, drug_lexicon()):
                if term not in ev.allergy_text and not _atc_match(atc, ev.allergy_codes):
                    reasons.append(f"allergen not in the record: {term}")
    return reasons


def split_sentences(text: str) -> list[str]:
    """Sentences: lines, split after . ! ? only before a capital ("(ref. 60" stays whole)."""
    parts = [p for line in text.strip().splitlines()
             for p in re.split(r"(?<=[.!?])\s+(?=[^\W\d_])(?![a-z])", line.strip())]
    return [s.strip() for s in parts if s.strip()]


def check(text: str, ev: Evidence) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(sentences kept, (sentence, reasons) dropped)."""
    kept: list[str] = []
    dropped: list[tuple[str, list[str]]] = []
    for s in split_sentences(text):
        why = check_sentence(s, ev)
        if why:
            dropped.append((s, why))
        else:
            kept.append(s)
    return kept, dropped
