"""Words, dates, numbers and units as clinicians write them, in French and English.

Dates: ``12/03/2024`` (fr), ``12 Mar 2024`` (en); numbers keep the digits of the source
(decimal comma in French); units: the source's ``unit`` text, or a readable form of its UCUM
code (``umol/L`` -> ``µmol/L``, ``10*9/L`` -> ``G/L`` / ``×10⁹/L``).
"""

from __future__ import annotations

import re

from .noise import analyte
from .values import Measurement

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Synthèse des résultats (générée par IA, à valider)",
        "key-findings": "Points clés", "abnormal-results": "Résultats anormaux",
        "trends": "Évolutions", "report-summaries": "Comptes rendus",
        "high": "élevé ↑", "low": "bas ↓", "abnormal": "anormal", "critical": "critique",
        "up": "en hausse ↑", "down": "en baisse ↓", "stable": "stable",
        "fluctuating": "variable, sans tendance nette",
        "date": "Date", "test": "Examen", "value": "Valeur",
        "range": "Valeurs de référence", "flag": "Interprétation",
        "none-abnormal": "Aucun résultat anormal.", "no-data": "Aucune donnée disponible.",
        "none-trend": "Aucune série d'au moins deux valeurs comparables.",
        "none-report": "Aucun compte rendu.", "none-key": "Aucun point saillant.",
        "conclusion": "Conclusion", "salient": "Éléments saillants",
        "normal": "Dans les valeurs de référence",
        "not-flagged": "Autres résultats, sans interprétation anormale",
        "previous": "valeur précédente",
        "chart": "Évolution", "no-text": "Pas de texte.",
        "upper": "limite haute", "lower": "limite basse", "target": "cible thérapeutique",
    },
    "en": {
        "title": "Results summary (AI-generated, to be reviewed)",
        "key-findings": "Key findings", "abnormal-results": "Abnormal results",
        "trends": "Trends", "report-summaries": "Report summaries",
        "high": "high ↑", "low": "low ↓", "abnormal": "abnormal", "critical": "critical",
        "up": "rising ↑", "down": "falling ↓", "stable": "stable",
        "fluctuating": "variable, no net trend",
        "date": "Date", "test": "Test", "value": "Value",
        "range": "Reference range", "flag": "Flag",
        "none-abnormal": "No abnormal result.", "no-data": "No data available.",
        "none-trend": "No series of two or more comparable values.",
        "none-report": "No report.", "none-key": "No salient finding.",
        "conclusion": "Conclusion", "salient": "Salient findings",
        "normal": "Within reference range",
        "not-flagged": "Other results, not flagged abnormal", "previous": "previous value",
        "chart": "Trend", "no-text": "No text.",
        "upper": "upper limit", "lower": "lower limit", "target": "therapeutic target",
    },
}

_UCUM_DISPLAY: dict[str, dict[str, str]] = {
    "fr": {"10*9/L": "G/L", "10*12/L": "T/L", "10*3/uL": "G/L"},
    "en": {"10*9/L": "×10⁹/L", "10*12/L": "×10¹²/L", "10*3/uL": "×10³/µL"},
}
_UCUM_COMMON = {"umol/L": "µmol/L", "ug/L": "µg/L", "uL": "µL", "mm[Hg]": "mmHg",
                "Cel": "°C", "mL/min/{1.73_m2}": "mL/min/1.73 m²", "[IU]/L": "UI/L",
                "m[IU]/L": "mUI/L", "u[IU]/mL": "µUI/mL", "%": "%"}


def t(lang: str, key: str) -> str:
    return LABELS[lang][key]


def date(text: str, lang: str) -> str:
    """A FHIR date/dateTime as a clinician writes the day (time dropped)."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    if not m:
        return text
    y, mo, d = m.groups()
    if lang == "fr":
        return "/".join(p for p in (d, mo, y) if p)
    if mo is None:
        return y
    month = MONTHS_EN[int(mo) - 1]
    return f"{int(d)} {month} {y}" if d else f"{month} {y}"


def number(text: str, lang: str) -> str:
    """A number as written in the source, with a decimal comma in French."""
    return text.replace(".", ",") if lang == "fr" and re.fullmatch(r"-?\d+\.\d+", text) else text


def unit(m: Measurement, lang: str) -> str:
    code = m.unit_code or ""
    if m.unit and m.unit != code:
        return m.unit
    if code in _UCUM_DISPLAY[lang]:
        return _UCUM_DISPLAY[lang][code]
    if code in _UCUM_COMMON:
        shown = _UCUM_COMMON[code]
        return shown.replace("UI", "IU") if lang == "en" else shown
    return re.sub(r"\{[^}]*\}", "", m.unit or code).strip()


def name(m: Measurement, lang: str) -> str:
    """The analyte's name as the laboratory wrote it (``code.text``); without one, the
    project's French / English name of its LOINC code, else the coding's display."""
    if m.has_text:
        return m.name
    a = analyte(m.loinc)
    return (a.fr if lang == "fr" else a.en) or m.name


def value_with_unit(m: Measurement, lang: str) -> str:
    v = (m.comparator + number(m.value_text, lang)) if m.value is not None else m.value_text
    u = unit(m, lang) if m.value is not None else ""
    return f"{v} {u}".strip()


def reference_range(m: Measurement, lang: str) -> str:
    shown = _range_text(m, lang)
    return f"{shown} ({t(lang, 'target')})" if m.range_kind == "treatment" else shown


def _range_text(m: Measurement, lang: str) -> str:
    if m.range_text and not (m.low or m.high):
        return m.range_text
    if m.low and m.high:
        return f"{number(m.low.text, lang)}–{number(m.high.text, lang)}"
    if m.high:
        return f"≤ {number(m.high.text, lang)}"
    if m.low:
        return f"≥ {number(m.low.text, lang)}"
    return "—"
