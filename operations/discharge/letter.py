"""The discharge letter as a FHIR Composition (https://hl7.org/fhir/R4/composition.html).

Type LOINC 34105-7 (Hospital discharge summary), status ``preliminary``, author the AI
Device, ``event.period`` the stay, one section per LOINC code with its narrative in
``section.text`` (XHTML, https://hl7.org/fhir/R4/narrative.html) and ``entry`` references to
the resources each line comes from; an empty section carries ``emptyReason``
(https://hl7.org/fhir/R4/valueset-list-empty-reason.html).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from .course import hospital_course
from .gather import Stay
from .meds import plan as med_plan
from .sections import (
    ORDER,
    TITLES,
    Section,
    allergies,
    changes,
    diagnoses,
    medications,
    plan_sections,
    procedures,
    results,
)
from .templates import word

LOINC = "http://loinc.org"
EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
EMPTY_DISPLAY = {"nilknown": "Nil Known", "unavailable": "Unavailable"}
ALWAYS = {"8648-8", "11535-2", "75311-1", "48765-2"}
XHTML = Environment(autoescape=True).from_string(
    '<div xmlns="http://www.w3.org/1999/xhtml">'
    "{% if paragraph %}<p>{{ lines | join(' ') }}</p>"
    "{% elif empty %}<p>{{ lines[0] }}</p>"
    "{% else %}<ul>{% for line in lines %}<li>{{ line }}</li>{% endfor %}</ul>{% endif %}</div>")


@dataclass
class Letter:
    stay: Stay
    lang: str
    sections: list[Section] = field(default_factory=list)

    def section(self, code: str) -> Section | None:
        return next((s for s in self.sections if s.code == code), None)

    @property
    def sources(self) -> list[str]:
        """Every resource the letter uses: the stay, then each section's entries."""
        out = [self.stay.encounter_ref, self.stay.patient_ref]
        for s in self.sections:
            for r in [*s.entries, *s.sources]:
                if r not in out:
                    out.append(r)
        return out

    @property
    def title(self) -> str:
        return word(self.lang, "title")


def compose(stay: Stay, lang: str) -> Letter:
    """All sections from the record, by the deterministic templates."""
    plan = med_plan(stay, lang)
    allergy = allergies(stay, lang)
    found_results, series = results(stay, lang)
    care, instructions = plan_sections(stay, plan, lang)
    built = {s.code: s for s in (
        hospital_course(stay, plan, series, lang, allergy), diagnoses(stay, lang),
        procedures(stay, lang), found_results, changes(plan, lang), medications(plan, lang),
        allergy, care, instructions)}
    return Letter(stay, lang, [built[c] for c in ORDER if c in ALWAYS or built[c].lines])


def narrative(section: Section) -> str:
    return XHTML.render(lines=section.lines, paragraph=section.paragraph,
                        empty=bool(section.empty_reason))


def section_resource(section: Section, lang: str) -> dict[str, Any]:
    display, fr, en = TITLES[section.code]
    out: dict[str, Any] = {
        "title": fr if lang == "fr" else en,
        "code": {"coding": [{"system": LOINC, "code": section.code, "display": display}]},
        "text": {"status": "generated", "div": narrative(section)},
    }
    if section.empty_reason:
        out["emptyReason"] = {"coding": [{"system": EMPTY_REASON, "code": section.empty_reason,
                                          "display": EMPTY_DISPLAY[section.empty_reason]}]}
    else:
        out["entry"] = [{"reference": r} for r in section.entries]
    return out


def composition(letter: Letter, author: str, date: str) -> dict[str, Any]:
    stay = letter.stay
    period = {k: v for k, v in (stay.encounter.get("period") or {}).items()
              if k in ("start", "end")}
    comp: dict[str, Any] = {
        "resourceType": "Composition",
        "language": letter.lang,
        "status": "preliminary",
        "type": {"coding": [{"system": LOINC, "code": "34105-7",
                             "display": "Hospital discharge summary"}],
                 "text": word(letter.lang, "type")},
        "subject": {"reference": stay.patient_ref},
        "encounter": {"reference": stay.encounter_ref},
        "date": date,
        "author": [{"reference": author}],
        "title": letter.title,
        "section": [section_resource(s, letter.lang) for s in letter.sections],
    }
    if period:
        comp["event"] = [{"period": period}]
    return comp
