"""Display language selection (https://hl7.org/fhir/R4/languages.html, the
``displayLanguage`` parameter and the HTTP Accept-Language header)."""

from __future__ import annotations

from .model import CodeSystemModel, Concept, Designation


def parse_languages(value: str | None) -> list[str]:
    """``"de-CH, fr;q=0.8, *"`` -> ``["de-CH", "fr", "*"]`` (by decreasing quality)."""
    if not value:
        return []
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(value.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, bits[0]))
    return [lang for _, _, lang in sorted(ranked)]


def lang_matches(wanted: str, have: str | None) -> bool:
    if not have:
        return False
    w, h = wanted.lower(), have.lower()
    return h == w or h.startswith(w + "-") or w.startswith(h + "-")


def designation_for(concept: Concept, lang: str) -> Designation | None:
    for d in concept.designations:
        if d.language and lang_matches(lang, d.language):
            return d
    return None


def pick_display(cs: CodeSystemModel | None, concept: Concept | None, default: str | None,
                 languages: list[str]) -> str | None:
    """The display in the first requested language that has one, else ``default``."""
    if concept is None or not languages:
        return default
    for lang in languages:
        if lang == "*":
            return default
        if cs is not None and lang_matches(lang, cs.language) and default:
            return default
        d = designation_for(concept, lang)
        if d is not None:
            return d.value
        if cs is not None and not cs.language and lang_matches(lang, "en") and default:
            return default
    return default
