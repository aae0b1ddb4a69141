"""Scoring extracted facts against gold annotations: per-class precision, recall and F1.

A prediction matches a gold fact of the same class when their texts agree (accents, case and
spacing ignored; either may contain the other). "With status" also requires the same status
(allergy: confirmed | refuted; medication: active | stopped | intended; condition: active |
resolved | refuted | provisional; family: the relationship code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .facts import Fact
from .pipeline import strip_accents

CLASSES = ("allergy", "medication", "condition", "family")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", strip_accents(text)).strip(" .,:;")


def predicted(fact: Fact) -> dict[str, str]:
    status = fact.relation if fact.kind == "family" else fact.status
    return {"class": fact.kind, "text": fact.text, "status": status}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Score:
    entity: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    status: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    errors: list[str] = field(default_factory=list)


def _same_text(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x))


def _match(gold: list[dict[str, str]], pred: list[dict[str, str]], counts: dict[str, Counts],
           with_status: bool, errors: list[str] | None, doc_id: str) -> None:
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if p["class"] == g["class"] and _same_text(p["text"], g["text"])
                    and (not with_status or p["status"] == g["status"])), None)
        if hit:
            left.remove(hit)
            counts[g["class"]].tp += 1
        else:
            counts[g["class"]].fn += 1
            if errors is not None:
                errors.append(f"{doc_id} missed {g}")
    for p in left:
        counts[p["class"]].fp += 1
        if errors is not None:
            errors.append(f"{doc_id} spurious {p}")


def score(docs: list[dict[str, Any]], predictions: dict[str, list[dict[str, str]]]) -> Score:
    out = Score()
    for doc in docs:
        gold, pred = doc["facts"], predictions[doc["id"]]
        _match(gold, pred, out.entity, False, None, doc["id"])
        _match(gold, pred, out.status, True, out.errors, doc["id"])
    return out


def table(result: Score) -> str:
    lines = [f"{'class':<12}{'P':>7}{'R':>7}{'F1':>7}   {'P+st':>7}{'R+st':>7}{'F1+st':>7}"]
    for c in CLASSES:
        e, s = result.entity[c].prf(), result.status[c].prf()
        lines.append(f"{c:<12}{e[0]:7.3f}{e[1]:7.3f}{e[2]:7.3f}   "
                     f"{s[0]:7.3f}{s[1]:7.3f}{s[2]:7.3f}")
    return "\n".join(lines)
