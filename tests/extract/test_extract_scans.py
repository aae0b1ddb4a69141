"""Scanned input: a French page rendered to PNG (and to an image-only PDF) read by OCR.

Skips only where the OCR model cannot be built here (tests.models.conftest.built) or the
DejaVu font used to render the page is missing.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.extract.helpers import evidence, extract, resources
from tests.models.conftest import built

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = ["Antécédents : hypertension artérielle, asthme.",
         "Traitement : metformine 500 mg matin et soir.",
         "Allergie : pénicilline."]


@pytest.fixture(scope="module")
def page() -> Any:
    built("ppocr-v5")
    if not FONT.exists():
        pytest.skip(f"font {FONT} not installed (Debian fonts-dejavu-core)")
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1000, 60 + 48 * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 26)
    for i, line in enumerate(LINES):
        draw.text((40, 30 + 48 * i), line, fill="black", font=font)
    return image


def _check(bundle: dict[str, Any]) -> None:
    docs = [d for d in resources(bundle, "DocumentReference")
            if d.get("docStatus") == "preliminary"]
    text = base64.b64decode(docs[0]["content"][0]["attachment"]["data"]).decode()
    conds = {c["code"]["coding"][0]["code"] for c in resources(bundle, "Condition")}
    assert conds == {"I10", "J45"}
    med = resources(bundle, "MedicationStatement")[0]
    assert med["medicationCodeableConcept"]["coding"][0]["code"] == "A10BA02"
    for res in [*resources(bundle, "Condition"), med]:
        ev = evidence(res)
        assert text[ev["offset"]:ev["offset"] + ev["length"]] == ev["quote"]
    names = {d["deviceName"][0]["name"] for d in resources(bundle, "Device")}
    assert names == {"extract-rules", "ppocr-v5"}


def test_png(client: TestClient, page: Any) -> None:
    buf = io.BytesIO()
    page.save(buf, "PNG")
    _check(extract(client, {"name": "document", "valueAttachment": {
        "contentType": "image/png", "data": base64.b64encode(buf.getvalue()).decode()}}))


def test_scanned_pdf(client: TestClient, page: Any) -> None:
    buf = io.BytesIO()
    page.save(buf, "PDF", resolution=150)
    _check(extract(client, {"name": "document", "valueAttachment": {
        "contentType": "application/pdf", "data": base64.b64encode(buf.getvalue()).decode()}}))
