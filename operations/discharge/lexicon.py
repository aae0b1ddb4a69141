"""Drug and condition lexicons for the guard, and the word normalisation they share.

Drugs: the Romedi names shipped with edsnlp (keyed by ATC) plus the English INNs of
``$extract``; conditions: the ICD-10 lexicon of ``$extract`` (French and English). Terms are
matched on accent-free lower-case words, longest first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

AMBIGUOUS = {"ait", "ira", "ic", "fa", "ep", "pe", "mi", "af", "cad", "ras", "sca", "irc",
             "dnid", "obese", "diabetique", "hypertendu", "hypertendue", "asthmatique",
             "diabetic", "asthmatic"}


def norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9\-']*", norm(text))


@lru_cache(maxsize=1)
def drug_lexicon() -> dict[str, str]:
    """Normalised drug name -> ATC code."""
    from edsnlp import BASE_DIR

    from ..extract.lexicon import DRUG_STOPWORDS, ENGLISH_DRUGS

    with open(BASE_DIR / "resources" / "drugs.json", encoding="utf-8") as f:
        terms: dict[str, list[str]] = json.load(f)
    out: dict[str, str] = {}
    for atc, names in [*terms.items(), *ENGLISH_DRUGS.items()]:
        for name in names:
            n = " ".join(words(name))
            variants = {n, n[:-1]} if n.endswith("e") and len(n) >= 7 and " " not in n else {n}
            for v in variants:
                if len(v) >= 4 and v not in DRUG_STOPWORDS:
                    out.setdefault(v, atc)
    return out


@lru_cache(maxsize=1)
def condition_lexicon() -> dict[str, str]:
    """Normalised condition term -> ICD-10 code."""
    from ..extract.lexicon import CONDITIONS

    out: dict[str, str] = {}
    for c in CONDITIONS:
        for term in (*c.fr, *c.en):
            t = " ".join(words(term))
            if len(t) >= 3 and t not in AMBIGUOUS:
                out.setdefault(t, c.code)
    return out


def mentions(text: str, lexicon: dict[str, str]) -> list[tuple[str, str]]:
    """(term, code) of every lexicon term in ``text`` (longest first, no overlaps)."""
    tokens = words(text)
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        for n in (4, 3, 2, 1):
            term = " ".join(tokens[i:i + n])
            if len(tokens[i:i + n]) == n and term in lexicon:
                found.append((term, lexicon[term]))
                i += n
                break
        else:
            i += 1
    return found
