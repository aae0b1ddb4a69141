"""Fusion, reranking and calibration of ``$code`` candidates.

For each input text the three channels of :mod:`operations.code.index` are computed for the
text as written and for its rewriting by the clinical lexicon; each concept keeps its best
variant. The fused score is a weighted sum (weights measured on the development set, see
``tests/code/devset``), then the classification's structure reranks:

* a concept inherits part of its parent's score (parent/child agreement: "infarctus ...
  sous-endocardique" under "Infarctus aigu du myocarde");
* a concept with children (a non-billable category) is pushed below its best child, and an
  "unspecified" child gets a small bonus — the most specific valid code wins when the text
  says no more;
* not-selectable concepts are never returned, inactive ones only when asked for.

The score returned is a probability that the suggestion is right, by logistic calibration of
the fused score and of its margin over the next candidate (fitted on the development set).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .index import EMBEDDER, ICD10_FAMILY, CodeIndex
from .lexicon import rewrite
from .text import fold

#: context a chapter needs before it is suggested (ICD-10 chapters XV, XVI and XXI)
_CONTEXT = {
    "O": re.compile(r"grossess|enceint|pregnan|gestation|accouch|deliver|partum|obstetr|ectop|"
                    r"extra uterin|cesar|caesar|eclamp|fausse couche|miscarr|avortement|abortion|"
                    r"placent|amenorrh|uterine atony|atonie uterine|travail|labou?r|trimest|"
                    r"gravid|parturi|puerper|lochi|\bsa\b|\bgeu\b|\bhpp\b|\bpph\b|\bdg\b|"
                    r"gestationnel|gestational|post natal|postnatal|lactation|allaitement"),
    "P": re.compile(r"nouveau ne|newborn|neonat|neo natal|nourrisson|infant|perinat|foet|fetal|"
                    r"fetus|naissance|birth|premature|premature"),
    "Z": re.compile(r"antecedent|atcd|history|\bhx\b|\bh o\b|status|statut|porteur|presence|"
                    r"surveillance|screening|depistage|vaccin|follow up|suivi|greffe|transplant|"
                    r"pontage|bypass|stent|pacemaker|stimulateur|prothese|prosthe|dialys|"
                    r"stomie|stoma|allerg|contraception|examen|examination|counsel|conseil|"
                    r"tabagi|smok|alcool|alcohol|sevrage|vih|hiv|long term|au long cours|"
                    r"sous traitement|on treatment|therapy|therapie|anticoag|"
                    r"obesit|imc|bmi|grossess|pregnan"),
}
_EXTERNAL = ("V", "W", "X", "Y")


@dataclass(frozen=True)
class Weights:
    word: float = 1.0
    char: float = 0.75
    dense: float = 1.0
    #: e5 cosines of related texts sit in 0.75..0.95: centred and scaled to the lexical range
    dense_centre: float = 0.80
    dense_scale: float = 0.12
    parent: float = 0.15
    non_leaf: float = 0.6
    unspecified: float = 0.12
    other: float = 0.1
    #: chapters that need their context in the text (pregnancy, newborn, history / status)
    gated: float = 0.5
    gated_z: float = 0.2
    external_cause: float = 0.4
    asterisk: float = 0.4
    #: calibration: P(right) = sigmoid(a * score + b * margin + c), a logistic regression on
    #: the top-5 suggestions of the development set (1,590 suggestions; in the bins
    #: 0-.2 / .2-.4 / .4-.6 / .6-.8 / .8-1 the observed rates were .04 / .29 / .58 / .78 / .92)
    cal_a: float = 0.78
    cal_b: float = 4.88
    cal_c: float = -2.66


WEIGHTS = Weights()


@dataclass(frozen=True)
class Suggestion:
    position: int
    code: str
    display: str
    fused: float
    score: float


def variants(text: str, language: str | None, index: CodeIndex | None = None) -> list[str]:
    """The text as written, rewritten by the lexicon, and both with misspelt words
    corrected against the index's vocabulary."""
    out = [text, rewrite(text, language)]
    if index is not None and index.speller is not None:
        corrected = index.speller.correct(text)
        out += [corrected, rewrite(corrected, language)]
    return list(dict.fromkeys(v for v in out if v))


def _embed(queries: list[str]) -> np.ndarray:
    from models_onnx.service import get_service

    return get_service().embedder(EMBEDDER).embed(queries, "query")


def fused_scores(index: CodeIndex, texts: list[str], language: str | None,
                 w: Weights = WEIGHTS) -> np.ndarray:
    """(concepts x texts) fused scores, before reranking."""
    flat: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(texts):
        for v in variants(t, language, index):
            flat.append(v)
            owner.append(i)
    total = w.word * index.word_scores(flat) + w.char * index.char_scores(flat)
    if index.dense is not None and w.dense:
        dense = index.dense_scores(_embed(flat))
        assert dense is not None
        total += w.dense * (dense - w.dense_centre) / w.dense_scale
    out = np.full((len(index.codes), len(texts)), -np.inf, dtype=np.float32)
    for col, i in enumerate(owner):
        np.maximum(out[:, i], total[:, col], out=out[:, i])
    return out


def _gates(index: CodeIndex, texts: list[str], w: Weights) -> np.ndarray:
    """(concepts x texts) penalties of chapters used without their context."""
    first = np.array([c[:1] for c in index.codes])
    out = np.zeros((len(index.codes), len(texts)), dtype=np.float32)
    if index.url not in ICD10_FAMILY:
        return out
    ext = np.isin(first, _EXTERNAL)
    for j, text in enumerate(texts):
        folded = fold(text)
        for chapter, pattern in _CONTEXT.items():
            if not pattern.search(folded):
                out[first == chapter, j] += w.gated_z if chapter == "Z" else w.gated
        out[ext, j] += w.external_cause
    return out


def rerank(index: CodeIndex, fused: np.ndarray, texts: list[str],
           w: Weights = WEIGHTS, inactive: bool = False) -> np.ndarray:
    has_parent = index.parent >= 0
    parent_score = np.zeros_like(fused)
    parent_score[has_parent] = fused[index.parent[has_parent]]
    out = fused + w.parent * np.maximum(parent_score, 0.0)
    out -= w.non_leaf * (~index.leaf)[:, None]
    out += w.unspecified * index.unspecified[:, None]
    out -= w.other * index.other[:, None]
    out -= w.asterisk * index.asterisk[:, None]
    out -= _gates(index, texts, w)
    allowed = index.selectable | index.inactive if inactive else index.selectable
    out[~allowed] = -np.inf
    return out


def calibrate(score: float, margin: float, w: Weights = WEIGHTS) -> float:
    z = w.cal_a * score + w.cal_b * margin + w.cal_c
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def suggest(index: CodeIndex, texts: list[str], count: int, language: str | None,
            w: Weights = WEIGHTS, inactive: bool = False) -> list[list[Suggestion]]:
    """The ``count`` best concepts for each text, best first."""
    if not texts:
        return []
    scores = rerank(index, fused_scores(index, texts, language, w), texts, w, inactive)
    out: list[list[Suggestion]] = []
    n = scores.shape[0]
    for j in range(scores.shape[1]):
        col = scores[:, j]
        k = min(count + 1, n)
        best = np.argpartition(-col, k - 1)[:k]
        best = best[np.argsort(-col[best])]
        top = [int(i) for i in best if np.isfinite(col[i])]
        items = []
        for r, i in enumerate(top[:count]):
            nxt = float(col[top[r + 1]]) if r + 1 < len(top) else float(col[i]) - 1.0
            best_other = float(col[top[1]]) if r == 0 and len(top) > 1 else float(col[top[0]])
            margin = float(col[i]) - (nxt if r == 0 else best_other)
            items.append(Suggestion(i, index.codes[i], index.displays[i], float(col[i]),
                                    calibrate(float(col[i]), margin, w)))
        out.append(items)
    return out
