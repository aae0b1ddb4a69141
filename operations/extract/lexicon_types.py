"""The shape of a condition lexicon entry: ICD-10 code, display, French and English terms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConditionTerm:
    """One ICD-10 / CIM-10 code with its French and English terms (normalized: lower case, no
    accents). ``chronic`` marks conditions that stay active when listed among antecedents."""

    code: str
    display: str
    fr: tuple[str, ...]
    en: tuple[str, ...]
    chronic: bool = False


def c(code: str, display: str, fr: str, en: str, chronic: bool = False) -> ConditionTerm:
    """An entry from ``|``-separated term lists."""
    return ConditionTerm(code, display, tuple(fr.split("|")), tuple(en.split("|")), chronic)
