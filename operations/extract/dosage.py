"""Dose, frequency and route read from the words written after a drug name.

Maps to FHIR R4 Dosage (https://hl7.org/fhir/R4/dosage.html): ``doseAndRate.doseQuantity``
(strength per intake, UCUM units), ``timing.repeat`` (frequency / period / periodUnit),
``asNeededBoolean`` and ``route`` (SNOMED CT route codes).
"""

from __future__ import annotations

import re
from typing import Any

UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"

_UNITS = {"mg": "mg", "g": "g", "µg": "ug", "ug": "ug", "mcg": "ug", "ml": "mL", "ui": "[iU]",
          "iu": "[iU]", "u": "[iU]", "meq": "meq", "mmol": "mmol", "gouttes": "{drop}",
          "drops": "{drop}", "puffs": "{puff}", "bouffees": "{puff}"}
_DOSE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(mg|µg|ug|mcg|g|ml|ui|iu|meq|mmol|u)\b",
                   re.IGNORECASE)
_SCHEME = re.compile(r"(?<!\d)([0-9½]+(?:[.,]5)?)\s*-\s*([0-9½]+)\s*-\s*([0-9½]+)"
                     r"(?:\s*-\s*([0-9½]+))?(?!\d)")
_PER_DAY = re.compile(r"(?:x\s*(\d)|(\d)\s*(?:x|fois)|(\d)\s*(?:cp|gel|sachets?)?)\s*"
                      r"(?:/|par)\s*(?:j\b|jour|day|d\b|24\s*h)", re.IGNORECASE)
_EVERY_H = re.compile(r"\b(?:q|toutes les|every)\s*(\d+)\s*(?:h\b|hours?|heures?)",
                      re.IGNORECASE)
_WORDS: tuple[tuple[str, int, int, str], ...] = (
    # pattern, frequency, period, periodUnit
    (r"\b(?:qid|4 times (?:a|per) day|four times daily)\b", 4, 1, "d"),
    (r"\b(?:tid|tds|three times (?:a|per) day|three times daily|matin,? midi et soir)\b",
     3, 1, "d"),
    (r"\b(?:bid|bd|twice (?:a|per) day|twice daily|matin et soir)\b", 2, 1, "d"),
    (r"\b(?:once (?:a|per) day|once daily|daily|od|qd|every (?:morning|evening|night)|"
     r"le (?:matin|soir)|au coucher|at night|nocte|chaque jour|tous les jours)\b", 1, 1, "d"),
    (r"\b(?:once (?:a|per) week|weekly|par semaine|/\s*semaine|hebdomadaire)\b", 1, 1, "wk"),
)
_PRN = re.compile(r"\b(?:prn|si besoin|as needed|if needed|en cas de douleur|si douleur)\b",
                  re.IGNORECASE)
_ROUTES: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:per os|po|oral|orally|by mouth|voie orale|cp|comprim[ée]s?|tablets?|g[ée]lules?)\b",
     "26643006", "Oral route"),
    (r"\b(?:iv|ivd|intraveineu(?:x|se)|intravenous(?:ly)?)\b", "47625008", "Intravenous route"),
    (r"\b(?:sc|s/c|sous-cutan[ée]e?|subcutaneous(?:ly)?)\b", "34206005", "Subcutaneous route"),
    (r"\b(?:im|intramusculaire|intramuscular(?:ly)?)\b", "78421000", "Intramuscular route"),
    (r"\b(?:inhal[ée]e?s?|inhaled|inhalation|inhaler|bouff[ée]es?|puffs?)\b", "18679011000001101",
     "Inhalation"),
    (r"\b(?:patch|transdermal|transdermique)\b", "45890007", "Transdermal route"),
)


def _num(text: str) -> float:
    return 0.5 if text == "½" else float(text.replace(",", "."))


def dose_quantity(text: str) -> dict[str, Any] | None:
    m = _DOSE.search(text)
    if not m:
        return None
    value = _num(m.group(1))
    unit = m.group(2).lower()
    code = _UNITS.get(unit, unit)
    return {"value": int(value) if value.is_integer() else value, "unit": m.group(2),
            "system": UCUM, "code": code}


def timing(text: str) -> dict[str, Any] | None:
    """``Timing.repeat`` from 1-0-1 schemes, x2/j, q6h, bid, matin et soir..."""
    m = _SCHEME.search(text)
    if m:
        total = sum(_num(g) for g in m.groups() if g)
        if total and float(total).is_integer():
            return {"repeat": {"frequency": int(total), "period": 1, "periodUnit": "d"}}
    m = _PER_DAY.search(text)
    if m:
        n = next(g for g in m.groups() if g)
        return {"repeat": {"frequency": int(n), "period": 1, "periodUnit": "d"}}
    m = _EVERY_H.search(text)
    if m:
        return {"repeat": {"frequency": 1, "period": int(m.group(1)), "periodUnit": "h"}}
    for pattern, freq, period, unit in _WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return {"repeat": {"frequency": freq, "period": period, "periodUnit": unit}}
    return None


def dosage(text: str) -> dict[str, Any] | None:
    """A Dosage for the words after a drug name, or None when they say nothing."""
    text = text.strip(" ,;:.-\n\t")
    if not text:
        return None
    out: dict[str, Any] = {"text": text}
    dose = dose_quantity(text)
    if dose:
        out["doseAndRate"] = [{"doseQuantity": dose}]
    tim = timing(text)
    if tim:
        out["timing"] = tim
    if _PRN.search(text):
        out["asNeededBoolean"] = True
    for pattern, code, display in _ROUTES:
        if re.search(pattern, text, re.IGNORECASE):
            out["route"] = {"coding": [{"system": SNOMED, "code": code, "display": display}]}
            break
    return out if len(out) > 1 else None
