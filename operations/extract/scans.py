"""Scanned documents: images (PNG, JPEG, TIFF) and PDFs without a text layer, through OCR.

The OCR model is the built-in PP-OCRv5 ONNX model of :mod:`models_onnx.ocr`, loaded once per
process through the model service. Images are checked before decoding: more than
``MAX_PIXELS`` pixels per page (decompression bombs) is refused with 413, an unreadable
image with 400, and a server without the OCR model answers 503.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from fhir_server.errors import OperationOutcomeError, bad_request, issue, too_large

OCR_MODEL = "ppocr-v5"
MAX_PIXELS = 40_000_000
MAX_PAGES = 50


@lru_cache(maxsize=1)
def _ocr() -> tuple[Any, Any]:
    from models_onnx.ocr import DocumentOcr
    from models_onnx.service import get_service

    try:
        manifest = get_service().manifest(OCR_MODEL)
    except LookupError as exc:
        raise OperationOutcomeError(503, [issue("error", "not-supported", (
            f"Scanned documents need the OCR model {OCR_MODEL}, which is not built on "
            "this server"))]) from exc
    return DocumentOcr(manifest), manifest.as_ai_model()


def ocr_model() -> Any:
    """The Device description of the OCR model (for the Provenance)."""
    return _ocr()[1]


def _pages(data: bytes, where: str) -> list[Any]:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        pages = []
        for index in range(min(getattr(image, "n_frames", 1), MAX_PAGES + 1)):
            image.seek(index)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_large(f"{where} has a page of {width}x{height} pixels "
                                f"(at most {MAX_PIXELS} pixels)")
            pages.append(image.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise bad_request(f"{where} is not a readable image: {exc}", where) from exc
    if len(pages) > MAX_PAGES:
        raise too_large(f"{where} has more than {MAX_PAGES} pages")
    return pages


def ocr_images(images: list[bytes], where: str, french: bool = True) -> str:
    """The text of scanned pages, one line per detected text line, pages apart."""
    pages = [p for data in images for p in _pages(data, where)]
    ocr = _ocr()[0]
    return "\n\n".join(ocr.text(page, french) for page in pages).strip()
