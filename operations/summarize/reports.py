"""Narrative reports: the conclusion first, then the salient sentences.

The text of a DiagnosticReport (https://hl7.org/fhir/R4/diagnosticreport.html) is its
``presentedForm`` (text/plain, text/html, text/markdown or PDF with a text layer, inline
data), else its narrative ``text.div``. The conclusion is ``DiagnosticReport.conclusion``,
else the paragraph under a "Conclusion" / "Impression" heading of the text (or the sentences
from an inline "En conclusion,"), else the texts of ``conclusionCode``. The salient
sentences are chosen with the multilingual e5 embedder: each remaining sentence is scored by
its cosine similarity to the conclusion (or, without one, to the centroid of the report),
less 0.05 for a normal statement ("normal", "unremarkable") or a pertinent negative (a
sentence opening with "No", "Pas de", "Absence", "Sans"...),
and up to three are kept by maximal marginal relevance (lambda 0.7), in the order of the
report. Indication, technique and history paragraphs are not candidates.
Sentences are quoted verbatim: nothing is rewritten.
"""

from __future__ import annotations

import base64
import binascii
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .values import concept_name

Embed = Callable[[list[str]], np.ndarray]

HEADING = re.compile(
    r"^\s*(?:en\s+)?(conclusions?|impressions?|interpr[ée]tation|synth[èe]se|summary|"
    r"assessment|avis)\s*(?::|-|,|\n|$)", re.IGNORECASE | re.MULTILINE)
ANY_HEADING = re.compile(r"^\s*[A-ZÀ-Ýa-zà-ÿ' ]{3,40}\s*:\s*$|^\s*[A-ZÀ-Ý' ]{3,40}\s*:",
                         re.MULTILINE)
#: paragraphs that say why and how the examination was done, not what it found
CONTEXT = re.compile(
    r"^\s*(indications?|technique|protocole|protocol|clinical (?:history|information)|"
    r"history|renseignements cliniques|motif|comparison|comparaison|examen)\b[^\n]*"
    r"(?:\n(?!\s*\n)(?![^\n:]{1,40}:)[^\n]*)*", re.IGNORECASE | re.MULTILINE)
#: a section label at the start of a sentence ("Findings: The liver...")
LABEL = re.compile(r"^(?:findings|results?|description|r[ée]sultats?|constatations|"
                   r"observations?|compte[- ]rendu|report)\s*:\s*", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý0-9«\"(])|\n+")
#: normal statements and pertinent negatives rank after positive findings
NORMAL = re.compile(r"^(?:no|not|without|negative|pas d[e']|absence|aucune?|sans)\b|"
                    r"\b(?:normale?s?|unremarkable|n'y a pas|ne (?:sont|est) pas|"
                    r"there (?:is|are) no)\b", re.IGNORECASE)
#: a conclusion opening a sentence inside a paragraph ("... En conclusion, aspect de ...")
INLINE_CONCLUSION = re.compile(r"(?:(?<=[.!?])\s+|^)((?:en|in) conclusion\s*[,:]|"
                               r"conclusions?\s*:)", re.IGNORECASE)
NORMAL_PENALTY = 0.05
TEXT_TYPES = ("text/plain", "text/html", "text/markdown")
MAX_PAGES = 50
MAX_SALIENT = 3
MMR_LAMBDA = 0.7


@dataclass
class ReportSummary:
    ref: str
    title: str
    when_text: str
    conclusion: list[str] = field(default_factory=list)
    salient: list[str] = field(default_factory=list)
    has_text: bool = False


def _pdf_text(data: bytes) -> str | None:
    """The text layer of a PDF (no OCR here: a scanned report has no sentences to quote)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((p.extract_text() or "").strip() for p in reader.pages[:MAX_PAGES])
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return None


def _attachment_text(att: dict[str, Any]) -> str | None:
    """Inline text/plain, text/html, text/markdown or PDF (text layer); None otherwise or when
    unreadable (a stored report that cannot be read is summarized without its text)."""
    ctype = str(att.get("contentType") or "").lower()
    base = ctype.split(";")[0].strip()
    if base not in (*TEXT_TYPES, "application/pdf") or not att.get("data"):
        return None
    try:
        data = base64.b64decode(str(att["data"]))
    except (binascii.Error, ValueError):
        return None
    if base == "application/pdf":
        return _pdf_text(data)
    charset = ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype \
        else "utf-8"
    try:
        text = data.decode(charset, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return strip_html(text) if base == "text/html" else text


def strip_html(text: str) -> str:
    text = re.sub(r"<\s*(/p|/div|/h\d)\s*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<\s*(br|/li|/tr)\s*/?>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def report_text(report: dict[str, Any]) -> str:
    parts = [_attachment_text(a) for a in report.get("presentedForm") or []
             if isinstance(a, dict)]
    found = [p for p in parts if p and p.strip()]
    if found:
        return "\n\n".join(found)
    div = (report.get("text") or {}).get("div")
    return strip_html(str(div)) if div else ""


def _split_conclusion(text: str) -> tuple[str, str]:
    """(text without the conclusion paragraph, the conclusion paragraph)."""
    found = list(HEADING.finditer(text))
    if not found:
        inline = list(INLINE_CONCLUSION.finditer(text))
        if not inline:
            return text, ""
        start = inline[-1].start(1)
        return text[:start], text[start:].strip()
    m = found[-1]  # the last conclusion heading of the report
    rest = text[m.end():]
    nxt = ANY_HEADING.search(rest.lstrip("\n"))
    body = rest.lstrip("\n")
    concl = body[:nxt.start()] if nxt and nxt.start() > 0 else body
    return text[:m.start()], concl.strip()


def sentences(text: str) -> list[str]:
    out = []
    for s in SENTENCE_END.split(text):
        s = re.sub(r"\s+", " ", s).strip(" -•*\t")
        if not s or s.endswith(":") or len(s.split()) < 3 or s.isupper():
            continue
        s = LABEL.sub("", s) if LABEL.match(s) else s
        if len(s.split()) >= 3:
            out.append(s)
    return out


def _mmr(vectors: np.ndarray, anchor: np.ndarray, k: int, penalty: np.ndarray) -> list[int]:
    relevance = vectors @ anchor - penalty
    chosen: list[int] = []
    while len(chosen) < min(k, len(vectors)):
        best, best_score = -1, -np.inf
        for i in range(len(vectors)):
            if i in chosen:
                continue
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            score = MMR_LAMBDA * float(relevance[i]) - (1 - MMR_LAMBDA) * redundancy
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
    return sorted(chosen)


def summarize_report(report: dict[str, Any], embed: Embed | None) -> ReportSummary:
    when = str(report.get("effectiveDateTime") or (report.get("effectivePeriod") or {}).get(
        "start") or report.get("issued") or "")
    out = ReportSummary(f"DiagnosticReport/{report['id']}",
                        concept_name(report.get("code") or {}), when)
    text = report_text(report)
    out.has_text = bool(text.strip())
    body, heading_concl = _split_conclusion(text)
    concl = str(report.get("conclusion") or "").strip() or heading_concl
    if concl:
        out.conclusion = sentences(concl) or [concl]
    else:
        out.conclusion = [concept_name(c) for c in report.get("conclusionCode") or []
                          if isinstance(c, dict)]
    candidates = [s for s in sentences(CONTEXT.sub("", body))
                  if not any(s in c or c in s for c in out.conclusion)]
    if not candidates or embed is None:
        return out
    if len(candidates) <= MAX_SALIENT:
        out.salient = candidates
        return out
    vectors = embed(candidates)
    anchor = embed([" ".join(out.conclusion)])[0] if out.conclusion else vectors.mean(axis=0)
    anchor = anchor / max(float(np.linalg.norm(anchor)), 1e-12)
    penalty = np.array([NORMAL_PENALTY if NORMAL.search(c) else 0.0 for c in candidates])
    out.salient = [candidates[i] for i in _mmr(vectors, anchor, MAX_SALIENT, penalty)]
    return out
