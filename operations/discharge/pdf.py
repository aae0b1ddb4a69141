"""The letter rendered to PDF with fpdf2 (pure Python): the same lines as the narrative.

The PDF is a Binary (``application/pdf``, ``securityContext`` the Composition) that the
Composition names through the extension ``RENDERING`` (valueReference). The core Helvetica
font covers Latin-1 (French accents included); the few other characters the letter may hold
are written as their ASCII equivalents (→ ``->``, – ``-``, ×10⁹ ``×10^9``).
"""

from __future__ import annotations

from fpdf import FPDF

from .letter import Letter
from .sections import TITLES
from .text import fmt_date, patient_name

RENDERING = "http://fhir-ai.example.org/StructureDefinition/discharge-rendering"
ASCII = {"→": "->", "–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "≥": ">=",
         "≤": "<=", "…": "...", "œ": "oe", "Œ": "OE", "\u202f": " ", "\u00a0": " ",
         "⁹": "^9", "¹²": "^12"}
FOOTER = {"fr": "Document préliminaire rédigé automatiquement à partir du dossier : à relire et "
                "valider par un médecin.",
          "en": "Preliminary document drafted automatically from the record: to be reviewed "
                "and signed by a clinician."}
HEADER = {"fr": ("Patient", "Né(e) le", "Séjour"), "en": ("Patient", "Born", "Stay")}


def latin1(text: str) -> str:
    for k, v in ASCII.items():
        text = text.replace(k, v)
    return text.encode("latin-1", "replace").decode("latin-1")


def render(letter: Letter) -> bytes:
    lang, stay = letter.lang, letter.stay
    pdf = FPDF(format="A4")
    pdf.set_creator("fhir-ai-server $compose-discharge")
    pdf.set_title(latin1(letter.title))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, latin1(letter.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    who, born, when = HEADER[lang]
    head = [f"{who}: {patient_name(stay.patient)}"]
    if stay.patient.get("birthDate"):
        head.append(f"{born}: {fmt_date(stay.patient['birthDate'], lang)}")
    if stay.start:
        head.append(f"{when}: {fmt_date(stay.start, lang)} - {fmt_date(stay.end, lang)}")
    pdf.multi_cell(0, 5, latin1("   ".join(head)), new_x="LMARGIN", new_y="NEXT")
    for section in letter.sections:
        _, fr, en = TITLES[section.code]
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 6, latin1(fr if lang == "fr" else en), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        if section.paragraph or section.empty_reason:
            pdf.multi_cell(0, 5, latin1(" ".join(section.lines)), new_x="LMARGIN", new_y="NEXT")
        else:
            for line in section.lines:
                pdf.multi_cell(0, 5, latin1(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, latin1(FOOTER[lang]), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
