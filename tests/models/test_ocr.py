"""OCR of a rendered French clinical page with the PP-OCRv5 models, and the French fixes.

Measured on this page: character error rate 2.4 % raw, 0.2 % after the French corrections
(the recogniser has no î, ï, œ, and reads a lone "à" as "â").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models_onnx.manifest import Manifest
from models_onnx.ocr import DocumentOcr
from models_onnx.ocr_french import fix_french

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = ["COMPTE RENDU D'HOSPITALISATION",
         "Patiente de 67 ans, hospitalisée pour œdème aigu du poumon.",
         "Antécédents : hypertension artérielle, diabète de type 2.",
         "Allergie à la pénicilline (urticaire). Maître de conférences.",
         "Traitement : furosémide 40 mg/j, ramipril 5 mg, metformine 1000 mg.",
         "Sœur : cancer du sein. Naïf de tout traitement anticoagulant.",
         "À la sortie : état général conservé, cœur régulier, ÉTAT STABLE."]


def cer(hyp: str, ref: str) -> float:
    prev = list(range(len(ref) + 1))
    for i, a in enumerate(hyp, 1):
        cur = [i]
        for j, b in enumerate(ref, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / len(ref)


def test_french_page(ppocr: Manifest) -> None:
    image = pytest.importorskip("PIL.Image", reason="Pillow not installed")
    from PIL import ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip(f"font {FONT} not installed (Debian fonts-dejavu-core)")
    page = image.new("RGB", (1100, 60 + 48 * len(LINES)), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 26)
    for i, line in enumerate(LINES):
        draw.text((40, 30 + 48 * i), line, fill="black", font=font)
    ocr = DocumentOcr(ppocr)
    lines = ocr.read(page)
    assert len(lines) == len(LINES)
    assert all(line.confidence > 0.9 for line in lines)
    assert lines[0].box[1] < lines[1].box[1]
    ref = "\n".join(LINES)
    raw, fixed = cer(ocr.text(page, french=False), ref), cer(ocr.text(page), ref)
    assert fixed < 0.01 and fixed < raw, (raw, fixed)


@pytest.mark.parametrize(("ocr", "right"), [
    ("hospitalisée pour cedème aigu", "hospitalisée pour œdème aigu"),
    ("Soeur : cancer du sein. Naif", "Sœur : cancer du sein. Naïf"),
    ("Allergie â la pénicilline. Maitre", "Allergie à la pénicilline. Maître"),
    ("Å la sortie : coeur régulier", "À la sortie : cœur régulier"),
    ("Ile-de-France, boite de 30", "Île-de-France, boîte de 30"),
    ("vitamine A et B12, ceci", "vitamine A et B12, ceci"),
    ("Angström, Åsa", "Angström, Åsa"),
])
def test_french_fixes(ocr: str, right: str) -> None:
    assert fix_french(ocr) == right
