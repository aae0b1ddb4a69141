"""The letter's sections (LOINC-coded, https://hl7.org/fhir/R4/composition.html#section).

Always present: hospital course 8648-8, discharge diagnoses 11535-2, discharge medications
75311-1, allergies 48765-2 (an empty one carries ``emptyReason``). Present when the record has
data: procedures 10185-7, significant results 30954-2, medication changes 87232-5, plan of care
18776-5, instructions 8653-8. Each holds its lines (sentences or list items, rendered by
:mod:`.templates`) and the references of the resources they come from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gather import Resource, Stay, is_absence, ref
from .meds import Med, MedPlan
from .results import Series, findings, significant
from .templates import say, word
from .text import concept_text, fmt_date, fmt_number, fmt_unit, parse_date

ICD = ("http://hl7.org/fhir/sid/icd-10", "https://smt.esante.gouv.fr/terminologie-cim-10",
       "http://hl7.org/fhir/sid/icd-10-cm", "http://fhir.de/CodeSystem/bfarm/icd-10-gm")
TITLES = {
    "8648-8": ("Hospital course Narrative", "Évolution pendant le séjour", "Hospital course"),
    "11535-2": ("Hospital discharge Dx Narrative", "Diagnostics de sortie", "Discharge diagnoses"),
    "10185-7": ("Hospital discharge procedures Narrative", "Actes réalisés", "Procedures"),
    "75311-1": ("Discharge medications Narrative", "Traitement de sortie",
                "Discharge medications"),
    "48765-2": ("Allergies and adverse reactions Document", "Allergies et intolérances",
                "Allergies and intolerances"),
    "30954-2": ("Relevant diagnostic tests/laboratory data Narrative", "Résultats significatifs",
                "Significant results"),
    "87232-5": ("Medication management note", "Modifications thérapeutiques",
                "Medication changes"),
    "18776-5": ("Plan of care note", "Projet de soins", "Plan of care"),
    "8653-8": ("Hospital Discharge instructions", "Consignes de sortie", "Discharge instructions"),
}
ORDER = ("8648-8", "11535-2", "10185-7", "30954-2", "87232-5", "75311-1", "48765-2",
         "18776-5", "8653-8")
INSTRUCTION_CODES = {"8653-8", "69730-0"}


@dataclass
class Section:
    code: str
    lines: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    empty_reason: str = ""  # list-empty-reason code when there is nothing to say
    paragraph: bool = False  # prose (hospital course) rather than a list
    #: resources used but not listed as entries (e.g. a refuted "no known allergy")
    sources: list[str] = field(default_factory=list)

    def add(self, line: str, *refs: str) -> None:
        self.lines.append(line)
        for r in refs:
            if r not in self.entries:
                self.entries.append(r)


def _ranked_conditions(stay: Stay) -> list[Resource]:
    rank: dict[str, int] = {}
    for d in stay.encounter.get("diagnosis") or []:
        r = (d.get("condition") or {}).get("reference") if isinstance(d, dict) else None
        if isinstance(r, str):
            rank[r] = int(d.get("rank") or 50)
    conds = [c for c in stay.conditions
             if _ver(c) not in ("refuted", "entered-in-error")]
    return sorted(conds, key=lambda c: rank.get(ref(c), 100))


def _ver(resource: Resource) -> str:
    for c in (resource.get("verificationStatus") or {}).get("coding") or []:
        if isinstance(c, dict) and c.get("code"):
            return str(c["code"])
    return ""


def condition_line(c: Resource, lang: str) -> str:
    code = next((str(x.get("code")) for x in (c.get("code") or {}).get("coding") or []
                 if isinstance(x, dict) and x.get("system") in ICD and x.get("code")), "")
    status = _ver_clinical(c)
    words = [word(lang, "resolved")] if status in ("resolved", "remission", "inactive") else []
    if _ver(c) in ("provisional", "differential", "unconfirmed"):
        words.append(word(lang, "unconfirmed"))
    return say(lang, "diag", text=concept_text(c.get("code")), code=code,
               status=", ".join(words))


def _ver_clinical(c: Resource) -> str:
    for x in (c.get("clinicalStatus") or {}).get("coding") or []:
        if isinstance(x, dict) and x.get("code"):
            return str(x["code"])
    return ""


def diagnoses(stay: Stay, lang: str) -> Section:
    s = Section("11535-2")
    for c in _ranked_conditions(stay):
        s.add(condition_line(c, lang), ref(c))
    if not s.lines:
        s.empty_reason = "unavailable"
        s.lines.append(word(lang, "empty", "11535-2"))
    return s


def procedure_text(p: Resource, lang: str) -> str:
    when = p.get("performedDateTime") or (p.get("performedPeriod") or {}).get("start")
    return say(lang, "proc", text=concept_text(p.get("code")), date=fmt_date(when, lang))


def procedures(stay: Stay, lang: str) -> Section:
    s = Section("10185-7")
    for p in stay.procedures:
        s.add(procedure_text(p, lang), ref(p))
    return s


def med_line(m: Med, lang: str, new: bool = False) -> str:
    return say(lang, "med", name=m.name, dose=m.dose, new=new)


def medications(plan: MedPlan, lang: str) -> Section:
    s = Section("75311-1")
    for m in plan.discharge:
        s.add(med_line(m, lang, m.ref in plan.new), m.ref)
    if not s.lines:
        s.empty_reason = "nilknown" if plan.has_data else "unavailable"
        s.lines.append(word(lang, "empty", "75311-1"))
    return s


def changes(plan: MedPlan, lang: str) -> Section:
    s = Section("87232-5")
    for c in plan.changes:
        prev = c.previous
        line = say(lang, f"c_{c.kind}", name=c.med.name, dose=c.med.dose, reason=c.med.reason,
                   prev=prev.name if prev else "", prev_dose=prev.dose if prev else "")
        s.add(line, *([prev.ref] if prev else []), c.med.ref)
    return s


def allergies(stay: Stay, lang: str) -> Section:
    s = Section("48765-2")
    refuted: list[Resource] = []
    for a in stay.allergies:
        if is_absence(a):
            refuted.append(a)
            continue
        reactions = [concept_text(m) for r in a.get("reaction") or [] if isinstance(r, dict)
                     for m in r.get("manifestation") or []]
        s.add(say(lang, "allergy", substance=concept_text(a.get("code")),
                  kind=word(lang, "allergy_kind") if a.get("type") == "intolerance" else "",
                  reaction=", ".join(x for x in reactions if x),
                  crit=word(lang, "crit", str(a.get("criticality") or "")) or ""), ref(a))
    if not s.lines:
        if refuted:
            a = refuted[0]
            s.empty_reason = "nilknown"
            s.lines.append(say(lang, "no_allergy", what=concept_text(a.get("code")),
                               date=fmt_date(a.get("recordedDate"), lang)))
            # cmp-2: a section with an emptyReason has no entry; the source is in Provenance
            s.sources = [ref(x) for x in refuted]
        else:
            s.empty_reason = "unavailable"
            s.lines.append(word(lang, "empty", "48765-2"))
    return s


def _value(point_value: float, series: Series, lang: str) -> str:
    unit = fmt_unit(series.quantity, lang)
    return f"{fmt_number(point_value, lang)} {unit}".strip()


def _range(series: Series, lang: str) -> str:
    unit = fmt_unit(series.quantity, lang)
    low = (series.range_low or {}).get("value")
    high = (series.range_high or {}).get("value")
    if low is not None and high is not None:
        return f"{fmt_number(low, lang)}–{fmt_number(high, lang)} {unit}".strip()
    if high is not None:
        return f"< {fmt_number(high, lang)} {unit}".strip()
    if low is not None:
        return f"> {fmt_number(low, lang)} {unit}".strip()
    return series.range_text


def series_values(series: Series, lang: str) -> str:
    pts = series.points
    first, last = pts[0], pts[-1]
    v = lambda p: say(lang, "value", value=_value(p.value, series, lang),  # noqa: E731
                      date=fmt_date(p.when, lang))
    if len(pts) == 1:
        return v(first)
    middle = ""
    if series.extreme is not None:
        middle = say(lang, series.course, value=_value(series.extreme.value, series, lang),
                     date=fmt_date(series.extreme.when, lang)) + " → "
    return f"{v(first)} → {middle}{v(last)}"


def series_flag(series: Series, lang: str) -> str:
    flags = [p.flag for p in series.points]
    if len(flags) == 1:
        return word(lang, "flag_single", flags[0]) if flags[0] else ""
    if all(flags) and len(set(flags)) == 1:
        return word(lang, "flag_all", flags[0])
    if flags[-1]:
        return word(lang, "flag_last", flags[-1])
    if any(flags):
        return word(lang, "normalised")
    return ""


def result_line(series: Series, lang: str) -> str:
    return say(lang, "result", name=series.name, values=series_values(series, lang),
               course=word(lang, "course", series.course) if series.course else "",
               flag=series_flag(series, lang), range=_range(series, lang))


def results(stay: Stay, lang: str) -> tuple[Section, list[Series]]:
    s = Section("30954-2")
    found = significant(stay.observations)
    for series in found:
        s.add(result_line(series, lang), *series.refs)
    for f in findings(stay.observations):
        s.add(say(lang, "finding", name=f.name, date=fmt_date(f.when, lang), value=f.value,
                  flag=word(lang, "flags", f.flag)), ref(f.obs))
    for r in stay.reports:
        if r.get("conclusion"):
            when = r.get("effectiveDateTime") or r.get("issued")
            s.add(say(lang, "report", name=concept_text(r.get("code")),
                      date=fmt_date(when, lang), conclusion=str(r["conclusion"]).strip()),
                  ref(r))
    return s, found


def _instruction(cp: Resource) -> bool:
    return any(x.get("code") in INSTRUCTION_CODES or "instruction" in str(
        x.get("display", "")).lower() for cat in cp.get("category") or []
        for x in (cat.get("coding") or []) if isinstance(x, dict)) or any(
        "instruction" in concept_text(cat).lower() or "consigne" in concept_text(cat).lower()
        for cat in cp.get("category") or [])


def _plan_lines(cp: Resource) -> list[str]:
    texts = [str(cp[k]) for k in ("title", "description") if cp.get(k)]
    for act in cp.get("activity") or []:
        detail = act.get("detail") or {} if isinstance(act, dict) else {}
        t = str(detail.get("description") or concept_text(detail.get("code")))
        if t:
            texts.append(t)
    return texts


def plan_sections(stay: Stay, plan: MedPlan, lang: str) -> tuple[Section, Section]:
    care, instr = Section("18776-5"), Section("8653-8")
    for cp in stay.care_plans:
        target = instr if _instruction(cp) else care
        for t in _plan_lines(cp):
            target.add(say(lang, "plan_item", text=t.rstrip("."), date=""), ref(cp))
    for sr in stay.service_requests:
        when = sr.get("occurrenceDateTime") or (sr.get("occurrencePeriod") or {}).get("start")
        text = concept_text(sr.get("code"))
        notes = [str(n.get("text")) for n in sr.get("note") or [] if isinstance(n, dict)
                 and n.get("text")]
        if notes:
            text = f"{text} ({'; '.join(notes)})"
        care.add(say(lang, "plan_item", text=text, date=fmt_date(when, lang)), ref(sr))
    for m in plan.discharge:
        for d in m.resource.get("dosageInstruction") or m.resource.get("dosage") or []:
            if isinstance(d, dict) and d.get("patientInstruction"):
                instr.add(say(lang, "instruction_med", name=m.name,
                              text=str(d["patientInstruction"])), m.ref)
    return care, instr


def stay_days(stay: Stay) -> int | None:
    if stay.start is None or stay.end is None:
        return None
    return (stay.end - stay.start).days


def discharge_date(stay: Stay) -> str:
    return str((stay.encounter.get("period") or {}).get("end") or "")


__all__ = ["ORDER", "TITLES", "Section", "parse_date"]
