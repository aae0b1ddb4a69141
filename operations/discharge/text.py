"""How clinicians write dates, numbers, units and coded things, in French and English.

* dates: ``12/03/2025`` in French, ``12 Mar 2025`` in English (no ambiguous month/day order);
* numbers: decimal comma and a space between thousands in French (``12 500``, ``1250``,
  ``0,8``), point and comma in English (``1,250``, ``0.8``); trailing zeros are dropped;
* units: UCUM codes as written in letters (``mm[Hg]`` -> ``mmHg``, ``10*9/L`` -> ``G/L`` in
  French, ``×10⁹/L`` in English, ``Cel`` -> ``°C``); see https://hl7.org/fhir/R4/datatypes.html#Quantity.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

UNITS: dict[str, dict[str, str]] = {
    "mm[Hg]": {"fr": "mmHg", "en": "mmHg"},
    "Cel": {"fr": "°C", "en": "°C"},
    "10*9/L": {"fr": "G/L", "en": "×10⁹/L"},
    "10*12/L": {"fr": "T/L", "en": "×10¹²/L"},
    "/min": {"fr": "/min", "en": "/min"},
    "{beats}/min": {"fr": "/min", "en": "bpm"},
    "/[HPF]": {"fr": "/champ", "en": "/HPF"},
    "[IU]/L": {"fr": "UI/L", "en": "IU/L"},
    "U/L": {"fr": "UI/L", "en": "U/L"},
    "ug/L": {"fr": "µg/L", "en": "µg/L"},
    "umol/L": {"fr": "µmol/L", "en": "µmol/L"},
    "mL/min/{1.73_m2}": {"fr": "mL/min/1,73 m²", "en": "mL/min/1.73 m²"},
    "h": {"fr": "h", "en": "h"},
    "d": {"fr": "j", "en": "days"},
    "kg/m2": {"fr": "kg/m²", "en": "kg/m²"},
}


def parse_date(value: Any) -> date | None:
    """The calendar date of a FHIR date / dateTime / instant string (None when absent)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date() \
            if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        return None


def fmt_date(value: Any, lang: str) -> str:
    d = value if isinstance(value, date) else parse_date(value)
    if d is None:
        return ""
    if lang == "fr":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def fmt_number(value: Any, lang: str) -> str:
    """A decimal as written in a letter (``1 250``, ``0,8`` / ``1,250``, ``0.8``)."""
    try:
        num = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{num:.4f}".rstrip("0").rstrip(".") if num != int(num) else str(int(num))
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = (" ", ",") if lang == "fr" else (",", ".")
    digits = len("".join(groups))
    grouped = digits > 4 or (digits == 4 and lang == "en")  # 1,250 / 1250 but 12 500
    out = sign + (sep.join(groups) if grouped else "".join(groups))
    return out + (dec + frac if frac else "")


def fmt_unit(quantity: dict[str, Any], lang: str) -> str:
    code = str(quantity.get("code") or "")
    if code in UNITS:
        return UNITS[code][lang]
    unit = str(quantity.get("unit") or code)
    return unit.replace("umol", "µmol").replace("ug", "µg") if unit else ""


def fmt_quantity(quantity: dict[str, Any] | None, lang: str) -> str:
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        return ""
    comparator = str(quantity.get("comparator") or "")
    unit = fmt_unit(quantity, lang)
    value = fmt_number(quantity["value"], lang)
    return f"{comparator}{value} {unit}".strip() if unit not in ("%",) else f"{value} %"


def concept_text(concept: Any, lang: str = "en") -> str:
    """The words of a CodeableConcept: its text, else the first coding display, else code."""
    if not isinstance(concept, dict):
        return ""
    if concept.get("text"):
        return str(concept["text"])
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and coding.get("display"):
            return str(coding["display"])
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and coding.get("code"):
            return str(coding["code"])
    return ""


def codings(concept: Any) -> list[tuple[str, str]]:
    if not isinstance(concept, dict):
        return []
    return [(str(c.get("system") or ""), str(c.get("code") or ""))
            for c in concept.get("coding") or [] if isinstance(c, dict) and c.get("code")]


def code_in(concept: Any, system: str) -> str:
    for s, c in codings(concept):
        if s == system:
            return c
    return ""


def patient_name(patient: dict[str, Any]) -> str:
    for name in patient.get("name") or []:
        if not isinstance(name, dict):
            continue
        if name.get("text"):
            return str(name["text"])
        given = " ".join(str(g) for g in name.get("given") or [])
        family = str(name.get("family") or "")
        full = f"{given} {family.upper()}".strip()
        if full:
            return full
    return ""


def age_at(patient: dict[str, Any], when: date | None) -> int | None:
    born = parse_date(patient.get("birthDate"))
    if born is None or when is None:
        return None
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
