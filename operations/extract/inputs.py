"""The text to analyse: ``text``, a ``document`` Attachment, or a DocumentReference's content.

Attachments (https://hl7.org/fhir/R4/datatypes.html#Attachment) are read from ``data``
(base64) or from a ``url`` naming a stored Binary. text/plain is decoded (charset from the
content type, UTF-8 by default); application/pdf is read through its text layer (pypdf), or
by OCR from its page images when it has none; images are read by OCR (:mod:`.scans`).
Everything else is refused with 415 before any work, oversize input with 413.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass
from typing import Any

from fhir_server.errors import bad_request, too_large, unsupported_media_type
from fhir_server.ops import OpRequest

from .scans import ocr_images

#: Longest text analysed (code points) and largest attachment (bytes).
MAX_TEXT_CHARS = 500_000
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 200
TEXT_TYPES = ("text/plain",)
PDF_TYPES = ("application/pdf",)
IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff")  # scanned: read by OCR (.scans)


@dataclass
class Source:
    """The analysed text, where it came from, and its content type."""

    text: str
    reference: dict[str, Any]
    content_type: str
    title: str = ""
    ocr: bool = False


def _check_text(text: str, where: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise too_large(f"{where} is longer than {MAX_TEXT_CHARS} characters")
    if not text.strip():
        raise bad_request(f"{where} is empty", where)
    return text


def _attachment_bytes(req: OpRequest, att: dict[str, Any], where: str) -> bytes:
    if att.get("data") is not None:
        raw = str(att["data"])
        if len(raw) > MAX_DOCUMENT_BYTES * 4 // 3 + 4:
            raise too_large(f"{where} is larger than {MAX_DOCUMENT_BYTES} bytes")
        try:
            return base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise bad_request(f"{where}.data is not valid base64", f"{where}.data") from exc
    url = str(att.get("url") or "")
    if url.startswith("Binary/"):
        binary = req.repo.read("Binary", url.split("/", 1)[1]).resource or {}
        return _attachment_bytes(req, {"data": binary.get("data", "")}, where)
    raise bad_request(f"{where} has neither data nor a Binary url", where)


def _pdf_text(data: bytes, where: str) -> tuple[str, bool]:
    """The PDF's text layer; a scanned PDF (no text) is read by OCR from its page images."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise too_large(f"{where} has more than {MAX_PDF_PAGES} pages")
        pages = [page.extract_text() or "" for page in reader.pages]
        text = "\n\n".join(p.strip() for p in pages).strip()
        if text:
            return text, False
        images = [img.data for page in reader.pages for img in page.images]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise bad_request(f"{where} is not a readable PDF: {exc}", where) from exc
    if not images:
        raise bad_request(f"{where} is a PDF with neither text nor images", where)
    return ocr_images(images, where), True


def attachment_text(req: OpRequest, att: dict[str, Any],
                    where: str) -> tuple[str, str, bool]:
    """The text of an Attachment, its (normalised) content type, and whether OCR read it."""
    ctype = str(att.get("contentType") or "").lower()
    base = ctype.split(";")[0].strip()
    if base not in TEXT_TYPES + PDF_TYPES + IMAGE_TYPES:
        raise unsupported_media_type(
            f"{where}.contentType {ctype or '(none)'!r} is not supported; use text/plain, "
            "application/pdf, image/png, image/jpeg or image/tiff")
    data = _attachment_bytes(req, att, where)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise too_large(f"{where} is larger than {MAX_DOCUMENT_BYTES} bytes")
    if base in PDF_TYPES:
        text, ocr = _pdf_text(data, where)
        return _check_text(text, where), base, ocr
    if base in IMAGE_TYPES:
        return _check_text(ocr_images([data], where), where), base, True
    charset = "utf-8"
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip()
    try:
        return _check_text(data.decode(charset), where), base, False
    except (LookupError, UnicodeDecodeError) as exc:
        raise bad_request(f"{where} is not valid {charset} text", where) from exc


def read_source(req: OpRequest) -> tuple[Source, dict[str, Any] | None]:
    """The text to analyse and the subject of the DocumentReference (instance level)."""
    text_p, doc_p = req.param("text"), req.param("document")
    if req.id:
        if text_p or doc_p:
            raise bad_request("DocumentReference/[id]/$extract analyses the DocumentReference's "
                              "own content: do not send text or document")
        docref = req.repo.read("DocumentReference", req.id).resource or {}
        atts = [c.get("attachment") or {} for c in docref.get("content") or []]
        if not atts:
            raise bad_request(f"DocumentReference/{req.id} has no content to analyse")
        text, ctype, ocr = attachment_text(req, atts[0],
                                           "DocumentReference.content[0].attachment")
        ref = {"reference": f"DocumentReference/{req.id}"}
        title = str(atts[0].get("title") or "")
        return Source(text, ref, ctype, title, ocr), docref.get("subject")
    if text_p and doc_p:
        raise bad_request("Send either text or document, not both")
    if text_p:
        if "valueString" not in text_p:
            raise bad_request("Parameter text must be a valueString", "text")
        text = _check_text(str(text_p["valueString"]), "text")
        return Source(text, {"display": "text sent to $extract"}, "text/plain"), None
    if doc_p:
        att = doc_p.get("valueAttachment")
        if not isinstance(att, dict):
            raise bad_request("Parameter document must be a valueAttachment", "document")
        text, ctype, ocr = attachment_text(req, att, "document")
        title = str(att.get("title") or "document sent to $extract")
        return Source(text, {"display": title}, ctype, title, ocr), None
    raise bad_request("$extract needs a text or a document parameter")
