"""Numbers and dates as letters write them (``1,250`` / ``1 250`` / ``0,8``; ``12/03/2025``,
``2025-03-12``, ``12 Mar 2025``, ``12 mars 2025``), for the guard's comparisons."""

from __future__ import annotations

import re
from datetime import date

from .lexicon import norm
from .text import MONTHS_EN

MONTHS_FR = ("janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct",
             "nov", "dec")
MONTH_WORDS = {m.lower(): i + 1 for i, m in enumerate(MONTHS_EN)}
MONTH_WORDS.update({m: i + 1 for i, m in enumerate(MONTHS_FR)})
MONTH_WORDS.update({"janvier": 1, "fevrier": 2, "avril": 4, "juillet": 7, "septembre": 9,
                    "octobre": 10, "novembre": 11, "decembre": 12, "january": 1,
                    "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
                    "august": 8, "september": 9, "october": 10, "november": 11,
                    "december": 12})
DATE_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_WORD = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})\b")
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")


def number_values(token: str) -> set[float]:
    compact = re.sub(r"[ \u00a0\u202f]", "", token)
    out = set()
    for candidate in (compact.replace(",", "."), compact.replace(",", "")):
        try:
            out.add(float(candidate))
        except ValueError:
            pass
    return out


def decimals(token: str) -> int:
    m = re.search(r"[.,](\d+)$", token)
    return len(m.group(1)) if m else 0


def dates_in(text: str) -> tuple[list[date], str]:
    """Dates written in ``text`` and the text without them."""
    found: list[date] = []

    def numeric(m: re.Match[str]) -> str:
        try:
            d = (date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m.group(1)
                 else date(int(m.group(4)), int(m.group(5)), int(m.group(6))))
        except ValueError:
            return m.group(0)
        found.append(d)
        return " "

    def worded(m: re.Match[str]) -> str:
        month = MONTH_WORDS.get(m.group(2)[:4]) or MONTH_WORDS.get(m.group(2)[:3]) \
            or MONTH_WORDS.get(m.group(2))
        if month is None:
            return m.group(0)
        try:
            found.append(date(int(m.group(3)), month, int(m.group(1))))
        except ValueError:
            return m.group(0)
        return " "

    rest = DATE_NUM.sub(numeric, text)
    rest = DATE_WORD.sub(worded, norm(rest))
    return found, rest
