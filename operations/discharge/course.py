"""The hospital-course paragraph (LOINC 8648-8) written from the record by the templates.

One sentence per topic, each traceable: the admission (Encounter period, reason, Patient age),
the diagnoses retained (Conditions), the procedures, the medication changes, the results that
moved (trends of :mod:`.results`), known allergies, the discharge (Encounter.hospitalization).
"""

from __future__ import annotations

from .gather import Stay, ref
from .meds import MedPlan
from .results import Series
from .sections import Section, _ranked_conditions, condition_line, series_values, stay_days
from .templates import say, word
from .text import age_at, concept_text, fmt_date, patient_name


def _reason(stay: Stay) -> tuple[str, list[str]]:
    enc = stay.encounter
    texts = [concept_text(c) for c in enc.get("reasonCode") or []]
    refs: list[str] = []
    by_ref = {ref(c): c for c in stay.conditions}
    for r in enc.get("reasonReference") or []:
        c = by_ref.get(str((r or {}).get("reference")))
        if c is not None:
            texts.append(concept_text(c.get("code")))
            refs.append(ref(c))
    text = ", ".join(t for t in texts if t)
    # mid-sentence: "for chest pain", but acronyms (NSTEMI) keep their capitals
    return (text[:1].lower() + text[1:] if text[1:2].islower() else text), refs


def hospital_course(stay: Stay, plan: MedPlan, trends: list[Series], lang: str,
                    allergy: Section) -> Section:
    s = Section("8648-8", paragraph=True)
    enc_ref, pat_ref = stay.encounter_ref, stay.patient_ref
    gender = str(stay.patient.get("gender") or "other")
    hosp = word(lang, f"hosp_{gender if gender in ('female', 'male') else 'other'}")
    reason, reason_refs = _reason(stay)
    s.add(say(lang, "admission", who=patient_name(stay.patient) or word(lang, "the_patient"),
              age=age_at(stay.patient, stay.start), hosp=hosp,
              start=fmt_date(stay.start, lang), end=fmt_date(stay.end, lang),
              days=stay_days(stay), reason=reason), enc_ref, pat_ref, *reason_refs)
    conds = _ranked_conditions(stay)
    if conds:
        lines = [condition_line(c, lang) for c in conds]
        s.add(say(lang, "diagnoses", main=lines[0], others=lines[1:]),
              *(ref(c) for c in conds))
    if stay.procedures:
        items = [concept_text(p.get("code")) for p in stay.procedures]
        s.add(say(lang, "procedures", items=items), *(ref(p) for p in stay.procedures))
    if plan.changes:
        items = [say(lang, f"t_{c.kind}", name=c.med.name,
                     prev=c.previous.name if c.previous else "") for c in plan.changes]
        refs = [r for c in plan.changes
                for r in ([c.previous.ref] if c.previous else []) + [c.med.ref]]
        s.add(say(lang, "treatment", items=items), *refs)
    moving = [t for t in trends if t.course not in ("", "stable")]
    if moving:
        items = [say(lang, "b_item", name=t.name, course=word(lang, "course", t.course),
                     values=series_values(t, lang)) for t in moving]
        s.add(say(lang, "biology", items=items), *(r for t in moving for r in t.refs))
    if allergy.entries:
        items = [concept_text(a.get("code")) for a in stay.allergies if ref(a) in allergy.entries]
        s.add(say(lang, "allergy_known", items=items), *allergy.entries)
    hosp_info = stay.encounter.get("hospitalization") or {}
    if stay.end is not None:
        s.add(say(lang, "discharge", end=fmt_date(stay.end, lang),
                  dest=concept_text(hosp_info.get("dischargeDisposition"))), enc_ref)
    if not (conds or stay.procedures or plan.has_data or stay.observations):
        s.add(word(lang, "nothing"), enc_ref)
    return s
