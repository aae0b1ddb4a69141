"""The summary Composition (https://hl7.org/fhir/R4/composition.html, document type LOINC
60591-5) and its four sections coded in ``http://fhir-ai.example.org/CodeSystem/summary-section``.

Every section has an XHTML narrative in the requested language; every number and date in it
is copied from a source resource (values, units, reference limits, effective dates: nothing
computed is written). An empty section has ``emptyReason`` ``nilknown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from .analysis import Flag, Trend
from .reports import ReportSummary
from .values import LOINC, Measurement
from .wording import date, name, reference_range, t, value_with_unit

SECTION_SYSTEM = "http://fhir-ai.example.org/CodeSystem/summary-section"
EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_LISTED = 6


@dataclass
class Findings:
    lang: str
    measurements: list[Measurement]
    abnormal: list[tuple[Measurement, Flag]]
    trends: list[Trend]
    reports: list[ReportSummary]
    #: the chart (Media reference) of each trend, by its index in ``trends``
    charts: dict[int, str] = field(default_factory=dict)


def _div(body: str) -> dict[str, str]:
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _flag_text(f: Flag, lang: str) -> str:
    text = t(lang, f.kind)
    return f"{text}, {t(lang, 'critical')}" if f.critical else text


def _section(code: str, lang: str, body: str, refs: list[str]) -> dict[str, Any]:
    sec: dict[str, Any] = {
        "title": t(lang, code),
        "code": {"coding": [{"system": SECTION_SYSTEM, "code": code, "display": t("en", code)}]},
        "text": _div(body),
    }
    uniq = list(dict.fromkeys(refs))
    if uniq:
        sec["entry"] = [{"reference": r} for r in uniq]
    else:
        sec["emptyReason"] = {"coding": [{"system": EMPTY_REASON, "code": "nilknown",
                                          "display": "Nil Known"}]}
    return sec


def _sep(lang: str) -> str:
    """The colon as typeset in the language (French: a space before it)."""
    return " : " if lang == "fr" else ": "


def _at(m: Measurement, lang: str) -> str:
    return f"{value_with_unit(m, lang)} ({date(m.when_text, lang)})"


def _newest(f: Findings) -> dict[str, Measurement]:
    """Per analyte (series key), its newest measurement."""
    newest: dict[str, Measurement] = {}
    for m in f.measurements:
        if m.key not in newest or m.sort_key > newest[m.key].sort_key:
            newest[m.key] = m
    return newest


def _latest_abnormal(f: Findings) -> list[tuple[Measurement, Flag]]:
    """Per analyte, its newest value when that value is abnormal."""
    latest = {id(m) for m in _newest(f).values()}
    return [(m, fl) for m, fl in f.abnormal if id(m) in latest]


def key_findings(f: Findings) -> dict[str, Any]:
    lang = f.lang
    items: list[str] = []
    refs: list[str] = []
    for m, fl in sorted(_latest_abnormal(f), key=lambda x: (not x[1].critical, x[0].name)):
        items.append(escape(f"{name(m, lang)}{_sep(lang)}{_at(m, lang)} — "
                            f"{_flag_text(fl, lang)}"))
        refs.append(m.ref)
    for tr in f.trends:
        if tr.is_trend:
            items.append(escape(_trend_line(tr, lang, brief=True)))
            refs += [m.ref for m in tr.series]
    for r in f.reports:
        if r.conclusion:
            items.append(escape(f"{r.title} ({date(r.when_text, lang)}){_sep(lang)}"
                                f"{r.conclusion[0]}"))
            refs.append(r.ref)
    newest = _newest(f)
    latest_flagged = {m.key for m, _ in _latest_abnormal(f)}
    trending = {tr.last.key for tr in f.trends if tr.is_trend}
    quiet = {k: m for k, m in newest.items() if k not in latest_flagged | trending}
    in_range = [m for m in quiet.values() if m.value is not None and (m.low or m.high)]
    others = [m for m in quiet.values() if m not in in_range]
    for label, group in (("normal", in_range), ("not-flagged", others)):
        if group:
            names = sorted({name(m, lang) for m in group}, key=str.lower)
            items.append(escape(t(lang, label) + _sep(lang) + ", ".join(names) + "."))
    refs += [m.ref for m in f.measurements if m.key in quiet]
    if not items:
        empty = t(lang, "no-data") if not f.measurements and not f.reports else t(lang, "none-key")
        return _section("key-findings", lang, f"<p>{escape(empty)}</p>", [])
    body = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    return _section("key-findings", lang, body, refs)


def abnormal_results(f: Findings) -> dict[str, Any]:
    lang = f.lang
    if not f.abnormal:
        return _section("abnormal-results", lang, f"<p>{escape(t(lang, 'none-abnormal'))}</p>", [])
    head = "".join(f"<th>{escape(t(lang, k))}</th>"
                   for k in ("date", "test", "value", "range", "flag"))
    rows = []
    ordered = sorted(f.abnormal, key=lambda x: (name(x[0], lang).lower(), x[0].sort_key))
    for m, fl in ordered:
        cells = [date(m.when_text, lang), name(m, lang), value_with_unit(m, lang),
                 reference_range(m, lang), _flag_text(fl, lang)]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    body = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return _section("abnormal-results", lang, body, [m.ref for m, _ in ordered])


def _trend_line(tr: Trend, lang: str, brief: bool = False) -> str:
    head = f"{name(tr.last, lang)} — {t(lang, tr.direction)}{_sep(lang)}"
    if brief or len(tr.series) > MAX_LISTED:
        return head + f"{_at(tr.first, lang)} → {_at(tr.last, lang)}"
    return head + " → ".join(_at(m, lang) for m in tr.series)


def trends(f: Findings) -> dict[str, Any]:
    lang = f.lang
    if not f.trends:
        return _section("trends", lang, f"<p>{escape(t(lang, 'none-trend'))}</p>", [])
    items, refs, parts = [], [], []
    for i, tr in enumerate(f.trends):
        line = escape(_trend_line(tr, lang))
        if len(tr.series) > MAX_LISTED:
            prev = tr.series[-2]
            line += escape(f" ({t(lang, 'previous')} {_at(prev, lang)})")
        items.append(f"<li>{line}</li>")
        mine = [m.ref for m in tr.series] + ([f.charts[i]] if i in f.charts else [])
        refs += mine
        # one sub-section per series, coded with the analyte's code as the source gives it
        parts.append({"title": f"{name(tr.last, lang)} — {t(lang, tr.direction)}",
                      "code": dict(tr.last.concept), "text": _div(f"<p>{line}</p>"),
                      "entry": [{"reference": r} for r in dict.fromkeys(mine)]})
    sec = _section("trends", lang, "<ul>" + "".join(items) + "</ul>", refs)
    sec["section"] = parts
    return sec


def report_summaries(f: Findings) -> dict[str, Any]:
    lang = f.lang
    if not f.reports:
        return _section("report-summaries", lang, f"<p>{escape(t(lang, 'none-report'))}</p>", [])
    parts = []
    for r in f.reports:
        block = f"<p><b>{escape(r.title)}</b> ({escape(date(r.when_text, lang))})</p>"
        if r.conclusion:
            block += (f"<p><b>{escape(t(lang, 'conclusion'))}</b>{_sep(lang)}"
                      f"{escape(' '.join(r.conclusion))}</p>")
        if r.salient:
            block += (f"<p>{escape(t(lang, 'salient') + _sep(lang).rstrip())}</p><ul>"
                      + "".join(f"<li>{escape(s)}</li>" for s in r.salient) + "</ul>")
        if not r.conclusion and not r.salient and not r.has_text:
            block += f"<p>{escape(t(lang, 'no-text'))}</p>"
        parts.append(block)
    return _section("report-summaries", lang, "".join(parts), [r.ref for r in f.reports])


def composition(f: Findings, subject: dict[str, Any], authors: list[str],
                when: str) -> dict[str, Any]:
    return {
        "resourceType": "Composition",
        "language": f.lang,
        "status": "preliminary",
        "type": {"coding": [{"system": LOINC, "code": "60591-5",
                             "display": "Patient summary Document"}]},
        "subject": dict(subject),
        "date": when,
        "author": [{"reference": a} for a in authors],
        "title": t(f.lang, "title"),
        "section": _complete([key_findings(f), abnormal_results(f), trends(f),
                              report_summaries(f)], f),
    }


def _complete(sections: list[dict[str, Any]], f: Findings) -> list[dict[str, Any]]:
    """Every source used is an entry of some section (the rest go to key findings)."""
    named = {e["reference"] for s in sections for e in s.get("entry", [])}
    rest = list(dict.fromkeys(m.ref for m in f.measurements if m.ref not in named))
    if rest:
        key = sections[0]
        key["entry"] = [*key.get("entry", []), *({"reference": r} for r in rest)]
        key.pop("emptyReason", None)
    return sections
