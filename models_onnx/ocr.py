"""OCR of scanned documents with PaddleOCR v5 ONNX models (detection + recognition).

Pipeline (parameters from the manifest, defaults of PP-OCR): the page is resized so that its
longer side is at most ``limit_side_len`` (multiple of 32) and normalised with ImageNet
mean/std; the DB detection map is thresholded (``db_thresh``) and split into text lines by
projection profiles (rows, then column gaps), which suits documents set in horizontal lines;
each box is padded (``unclip_ratio``), cropped, resized to height 48 and recognised by the CTC
model (greedy decoding over the character list, blank = 0, space last). French
post-processing (:mod:`.ocr_french`) restores characters the model cannot emit. Needs
Pillow; no OpenCV.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .manifest import Manifest
from .ocr_french import fix_french
from .session import open_session

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


@dataclass
class OcrLine:
    text: str
    confidence: float
    box: tuple[int, int, int, int]  # left, top, right, bottom in page pixels


class DocumentOcr:
    """Detection + recognition sessions of one OCR model folder."""

    def __init__(self, manifest: Manifest, providers: list[str] | None = None,
                 threads: int | None = None) -> None:
        self.manifest = manifest
        pre = manifest.preprocessing
        self.limit = int(pre.get("limit_side_len", 960))
        self.db_thresh = float(pre.get("db_thresh", 0.3))
        self.box_thresh = float(pre.get("box_thresh", 0.5))
        self.unclip = float(pre.get("unclip_ratio", 1.6))
        self.rec_height = int(pre.get("rec_height", 48))
        self.det = open_session(manifest.path("det"), providers, threads)
        self.rec = open_session(manifest.path("rec"), providers, threads)
        chars = manifest.path("dict").read_text(encoding="utf-8").splitlines()
        self.charset = ["", *chars, " "]

    # -- detection ----------------------------------------------------------------------
    def _det_input(self, page: Any) -> tuple[np.ndarray, float, float]:
        from PIL import Image

        w, h = page.size
        scale = min(1.0, self.limit / max(w, h))
        nw, nh = (max(32, int(round(x * scale / 32)) * 32) for x in (w, h))
        img = np.asarray(page.resize((nw, nh), Image.Resampling.BILINEAR), dtype=np.float32)
        x = ((img / 255.0 - MEAN) / STD).transpose(2, 0, 1)[None]
        return x.astype(np.float32), w / nw, h / nh

    def detect(self, page: Any) -> list[tuple[int, int, int, int]]:
        """Text line boxes (page pixels), top to bottom, left to right."""
        x, sx, sy = self._det_input(page)
        prob = self.det.run(None, {self.det.get_inputs()[0].name: x})[0][0, 0]
        mask = prob > self.db_thresh
        boxes = []
        for top, bottom in _runs(mask.any(axis=1)):
            band = mask[top:bottom]
            height = bottom - top
            for left, right in _runs(band.any(axis=0), gap=max(2, height)):
                if prob[top:bottom, left:right][band[:, left:right]].mean() < self.box_thresh:
                    continue
                pad = self.unclip * (right - left) * height / (2 * (right - left + height))
                boxes.append((int(max(0, (left - pad) * sx)), int(max(0, (top - pad) * sy)),
                              int(min(page.size[0], (right + pad) * sx)),
                              int(min(page.size[1], (bottom + pad) * sy))))
        return boxes

    # -- recognition --------------------------------------------------------------------
    def recognise(self, crop: Any) -> tuple[str, float]:
        from PIL import Image

        w, h = crop.size
        nw = max(8, int(np.ceil(self.rec_height * w / max(h, 1))))
        img = np.asarray(crop.resize((nw, self.rec_height), Image.Resampling.BILINEAR),
                         dtype=np.float32)
        x = ((img / 255.0 - 0.5) / 0.5).transpose(2, 0, 1)[None].astype(np.float32)
        probs = self.rec.run(None, {self.rec.get_inputs()[0].name: x})[0][0]
        best = probs.argmax(axis=1)
        keep = (best != 0) & np.concatenate([[True], best[1:] != best[:-1]])
        text = "".join(self.charset[i] for i in best[keep] if i < len(self.charset))
        conf = float(probs.max(axis=1)[keep].mean()) if keep.any() else 0.0
        return text, conf

    def read(self, page: Any, french: bool = True) -> list[OcrLine]:
        """OCR a page (a PIL image); ``french`` applies the French corrections."""
        page = page.convert("RGB")
        lines = []
        for box in self.detect(page):
            text, conf = self.recognise(page.crop(box))
            if text.strip():
                lines.append(OcrLine(fix_french(text) if french else text, conf, box))
        return lines

    def text(self, page: Any, french: bool = True) -> str:
        return "\n".join(line.text for line in self.read(page, french))


def _runs(active: np.ndarray, gap: int = 1) -> list[tuple[int, int]]:
    """[start, end) runs of True, merging runs separated by fewer than ``gap`` False."""
    idx = np.flatnonzero(active)
    if idx.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > gap)
    starts = np.concatenate([[idx[0]], idx[breaks + 1]])
    ends = np.concatenate([idx[breaks], [idx[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))
