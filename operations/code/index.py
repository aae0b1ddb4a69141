"""Retrieval index of one stored code-system version, built from the terminology concept tables
(https://hl7.org/fhir/R4/codesystem.html#concept: display, designations, hierarchy, status).

Three channels score every label (display and each designation, every language):

* ``word``: TF-IDF over the stemmed, accent- and case-folded words (sublinear term frequency,
  cosine) — the BM25 family on labels a few words long;
* ``char``: TF-IDF over character 3- and 4-grams of the folded words — typos, missing accents,
  glued or split words;
* ``dense``: cosine of multilingual-e5 embeddings (``query:`` / ``passage:`` prefixes).

Label vectors of the dense channel are cached on disk, keyed by the embedding model version
and the exact labels (so by the code-system version): a new version gets new vectors, built
on first use or ahead of time by the ``code-vectors`` job.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import select
from sqlalchemy.engine import Connection

from models_onnx import registry
from terminology.store import find_code_system_row
from terminology.tables import concept_t, designation_t, parent_t

from .text import fold, plain, tokens

EMBEDDER = "multilingual-e5-small"
#: ICD-10 and its national modifications: the same codes, so labels are shared between them
#: (ICD-10-CM inclusion terms and CIM-10 FR labels become synonyms of the WHO codes, WHO and
#: ICD-10-CM English labels of the CIM-10 FR codes)
ICD10_FAMILY = ("http://hl7.org/fhir/sid/icd-10", "https://smt.esante.gouv.fr/terminologie-cim-10",
                "http://hl7.org/fhir/sid/icd-10-cm", "http://fhir.de/CodeSystem/bfarm/icd-10-gm")
#: above this many labels the dense vectors are only built by the ``code-vectors`` job
#: (queued when the code system is stored), never inline in a request
INLINE_DENSE_LIMIT = 5_000
#: code systems with more labels than this get no dense channel at all (ICD-10-CM: 110,000
#: labels would take about 10 CPU-minutes to embed on two cores); they answer lexically
MAX_DENSE_LABELS = 60_000
_UNSPECIFIED = ("unspecified", "not specified", "sans precision", "non precise", "nca",
                "non specifie", "sai")


_OTHER = ("other", "autre", "autres")
def _has(label: str, words: tuple[str, ...]) -> bool:
    text = f" {plain(label)} "
    return any(f" {u} " in text for u in words)


def _unspecified(code: str, label: str, family: bool) -> bool:
    """The "unspecified" child: in ICD-10 the ".9" subdivision, or a label that says so
    (but "with unspecified complications" on a ".8" is a specific child)."""
    if family and code.endswith(".8"):
        return False
    return (family and code.endswith(".9")) or _has(label, _UNSPECIFIED)


def _other(code: str, label: str, family: bool) -> bool:
    return (family and code.endswith(".8")) or _has(label, _OTHER)


_ASTERISK = re.compile(r" in (?:[a-z]+ ){0,3}classified elsewhere")


def _asterisk(displays: list[str], parent: np.ndarray) -> np.ndarray:
    """Concepts whose label, or an ancestor's, reads "in ... classified elsewhere": the
    manifestation (asterisk) codes of ICD-10, never the main code of a diagnosis."""
    own = np.array([bool(_ASTERISK.search(f" {fold(d)}")) for d in displays], bool)
    out = own.copy()
    for i in range(len(displays)):
        j = int(parent[i])
        while j >= 0 and not out[i]:
            out[i] = own[j]
            j = int(parent[j])
    return out


def _identity(words: list[str]) -> list[str]:
    return words


class Speller:
    """Replaces a word the labels never use by the nearest one they do (character bigram and
    trigram cosine): "hypertention" -> "hypertension", "psoraisis" -> "psoriasis"."""

    MIN_LENGTH = 5
    MIN_SIMILARITY = 0.55

    def __init__(self, labels: list[str]) -> None:
        words = sorted({w for label in labels for w in fold(label).split()})
        self.known = frozenset(words)
        self.words = [w for w in words if len(w) >= self.MIN_LENGTH - 1]
        self.vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3),
                                          dtype=np.float32)
        self.matrix = self.vectorizer.fit_transform(self.words).tocsr()

    def correct(self, text: str) -> str:
        words = fold(text).split()
        unknown = [i for i, w in enumerate(words)
                   if len(w) >= self.MIN_LENGTH and w not in self.known and not w.isdigit()]
        if not unknown:
            return " ".join(words)
        sims = self.matrix @ self.vectorizer.transform([words[i] for i in unknown]).T
        sims = np.asarray(sims.todense())
        for col, i in enumerate(unknown):
            near = [int(k) for k in np.argsort(-sims[:, col])[:8]
                    if sims[k, col] >= self.MIN_SIMILARITY]
            if near:  # the closest by edit ratio among the n-gram neighbours
                words[i] = max((self.words[k] for k in near),
                               key=lambda cand: SequenceMatcher(None, words[i], cand).ratio())
        return " ".join(words)


Segments = tuple[np.ndarray, np.ndarray]


def _segments(owner_sorted: np.ndarray) -> Segments:
    """Start of each concept's run of labels, and the concept, for ``maximum.reduceat``."""
    if not len(owner_sorted):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, owner_sorted[1:] != owner_sorted[:-1]])
    return starts, owner_sorted[starts]


@dataclass
class CodeIndex:
    """Every concept of one code-system version with its labels and channel matrices."""

    url: str
    version: str | None
    key: str
    codes: list[str]
    displays: list[str]
    #: neither inactive nor not-selectable (chapters, blocks, groupers)
    selectable: np.ndarray
    inactive: np.ndarray
    leaf: np.ndarray
    parent: np.ndarray
    unspecified: np.ndarray
    other: np.ndarray
    #: ICD-10 asterisk (manifestation) codes: "... in diseases classified elsewhere"
    asterisk: np.ndarray
    label_owner: np.ndarray
    labels: list[str]
    word: TfidfVectorizer
    #: (terms x labels) with the labels grouped by concept (``segments``)
    word_t: sparse.csr_matrix
    char: TfidfVectorizer
    char_t: sparse.csr_matrix
    segments: Segments
    #: the dense rows (own labels, in ``labels`` order) grouped by concept
    own_order: np.ndarray
    own_segments: Segments
    own: int = 0
    #: what the dense channel embeds for each own label: the label after its parent's
    #: display when the parent is a selectable concept ("Malignant neoplasm of bronchus and
    #: lung: Upper lobe, bronchus or lung")
    dense_texts: list[str] = field(default_factory=list)
    dense: np.ndarray | None = None
    #: where the job will put the dense vectors (None: no embedding model, or too large)
    vector_file: Path | None = None
    position: dict[str, int] = field(default_factory=dict)
    speller: Speller | None = None

    def vectors_due(self) -> bool:
        """Whether the dense vectors, missing when the index was built, are there now."""
        return self.vector_file is not None and self.vector_file.exists()

    def concept_max(self, scores: np.ndarray, segments: Segments) -> np.ndarray:
        """(queries x labels grouped by concept) -> (concepts x queries): the best label of
        each concept."""
        starts, ids = segments
        out = np.full((len(self.codes), scores.shape[0]), -1.0, dtype=np.float32)
        if len(starts):
            out[ids] = np.maximum.reduceat(scores, starts, axis=1).T
        return out

    def word_scores(self, queries: list[str]) -> np.ndarray:
        q = self.word.transform([tokens(t) for t in queries])
        return self.concept_max((q @ self.word_t).toarray(), self.segments)

    def char_scores(self, queries: list[str]) -> np.ndarray:
        q = self.char.transform([plain(t) for t in queries])
        return self.concept_max((q @ self.char_t).toarray(), self.segments)

    def dense_scores(self, vectors: np.ndarray) -> np.ndarray | None:
        if self.dense is None:
            return None
        scores = (vectors @ self.dense.T)[:, self.own_order]
        return self.concept_max(scores, self.own_segments)


def _read(conn: Connection, cs_pk: int) -> tuple[Any, dict[str, str], Any]:
    concepts = conn.execute(select(
        concept_t.c.code, concept_t.c.display, concept_t.c.inactive, concept_t.c.status,
        concept_t.c.not_selectable).where(concept_t.c.cs_pk == cs_pk)
        .order_by(concept_t.c.seq)).all()
    parents = {r.child: r.parent for r in conn.execute(
        select(parent_t.c.child, parent_t.c.parent).where(parent_t.c.cs_pk == cs_pk))}
    designations = conn.execute(select(designation_t.c.code, designation_t.c.value).where(
        designation_t.c.cs_pk == cs_pk)).all()
    return concepts, parents, designations


def _norm(code: str) -> str:
    return code.replace(".", "").upper()


def _map_code(code: str, normalised: dict[str, int]) -> int | None:
    """The concept (by normalised code) that ``code`` of a sibling classification falls
    under: the same code, or its nearest ancestor by code prefix."""
    key = _norm(code)
    if len(key) > 6:  # ICD-10-CM 7th-character extensions repeat their parent's label
        return None
    for n in range(len(key), 2, -1):
        if key[:n] in normalised:
            return normalised[key[:n]]
    return None


def _family_labels(conn: Connection, url: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for other in ICD10_FAMILY:
        row = None if other == url else find_code_system_row(conn, other, None)
        if row is None:
            continue
        concepts, _, designations = _read(conn, row.pk)
        out += [(c.code, c.display) for c in concepts if c.display and c.code[:1].isalpha()]
        out += [(d.code, d.value) for d in designations if d.code[:1].isalpha()]
    return out


def _vector_path(model_version: str, labels: list[str]) -> Path:
    h = hashlib.sha256(model_version.encode())
    for label in labels:
        h.update(label.encode() + b"\n")
    return registry.models_dir().parent / "code-vectors" / f"{h.hexdigest()[:32]}.npy"


def _embed_labels(labels: list[str]) -> np.ndarray:
    from models_onnx.service import get_service

    service = get_service()
    out = [service.embedder(EMBEDDER).embed(labels[i:i + 128], "passage")
           for i in range(0, len(labels), 128)]
    return np.concatenate(out) if out else np.zeros((0, 384), dtype=np.float32)


def embedder_version() -> str | None:
    """The version key of the embedding model, or None when it is not built."""
    found = registry.installed().get(EMBEDDER)
    return f"{found.name}|{found.version}" if found else None


def _vector_file(labels: list[str]) -> Path | None:
    version = embedder_version()
    return None if version is None else _vector_path(version, labels)


def dense_vectors(labels: list[str], build: bool) -> np.ndarray | None:
    """Cached label vectors; computed and cached when ``build``; None without the model."""
    version = embedder_version()
    if version is None:
        return None
    path = _vector_path(version, labels)
    if path.exists():
        return np.asarray(np.load(path), dtype=np.float32)
    if not build:
        return None
    vectors = _embed_labels(labels)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{threading.get_ident()}.tmp.npy")
    np.save(tmp, vectors.astype(np.float16))
    tmp.replace(path)
    return vectors


def build_index(conn: Connection, url: str, version: str | None,
                dense: bool | None = None) -> CodeIndex | None:
    """The index of the code system ``url`` (``version``, or the newest); None if not stored.
    ``dense``: True builds missing vectors (up to ``MAX_DENSE_LABELS``), False never does,
    None builds them below ``INLINE_DENSE_LIMIT``; cached vectors are always used."""
    row = find_code_system_row(conn, url, version)
    if row is None:
        return None
    concepts, parents, designations = _read(conn, row.pk)
    position = {c.code: i for i, c in enumerate(concepts)}
    labels: list[str] = []
    owner: list[int] = []
    seen: set[tuple[int, str]] = set()

    def add(i: int, text: str | None) -> None:
        if text and (i, text) not in seen:
            seen.add((i, text))
            labels.append(text)
            owner.append(i)

    for i, c in enumerate(concepts):
        add(i, c.display)
    for d in designations:
        if d.code in position:
            add(position[d.code], d.value)
    own = len(labels)
    if url in ICD10_FAMILY:
        normalised = {_norm(c): i for c, i in position.items()}
        for code, text in _family_labels(conn, url):
            mapped = _map_code(code, normalised)
            if mapped is not None:
                add(mapped, text)
    n = len(concepts)
    children = np.zeros(n, dtype=np.int32)
    parent = np.full(n, -1, dtype=np.int64)
    for child, par in parents.items():
        if child in position and par in position:
            parent[position[child]] = position[par]
            children[position[par]] += 1
    inactive = np.array([bool(c.inactive) or c.status in ("retired", "inactive")
                         for c in concepts], bool)
    selectable = np.array([not c.not_selectable for c in concepts], bool) & ~inactive
    word = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    word_m = word.fit_transform([tokens(t) for t in labels]).tocsr()
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True,
                           min_df=2, dtype=np.float32)
    char_m = char.fit_transform([plain(t) for t in labels]).tocsr()
    inline = (own <= INLINE_DENSE_LIMIT if dense is None else dense) and own <= MAX_DENSE_LABELS
    family = url in ICD10_FAMILY
    owners = np.array(owner, dtype=np.int64)
    order = np.argsort(owners, kind="stable")
    own_order = np.argsort(owners[:own], kind="stable")
    dense_texts = [f"{concepts[parent[o]].display}: {label}"
                   if parent[o] >= 0 and selectable[parent[o]] and concepts[parent[o]].display
                   else label for label, o in zip(labels[:own], owner[:own], strict=True)]
    return CodeIndex(
        url=url, version=row.version, key=f"{row.pk}:{row.resource_id}:{row.concept_count}",
        codes=[c.code for c in concepts], displays=[c.display or "" for c in concepts],
        selectable=selectable, inactive=inactive, leaf=children == 0, parent=parent,
        unspecified=np.array([_unspecified(c.code, c.display or "", family)
                              for c in concepts], bool),
        other=np.array([_other(c.code, c.display or "", family) for c in concepts], bool),
        asterisk=_asterisk([c.display or "" for c in concepts], parent),
        label_owner=owners, labels=labels, word=word, word_t=word_m[order].T.tocsr(),
        char=char, char_t=char_m[order].T.tocsr(), segments=_segments(owners[order]),
        own_order=own_order, own_segments=_segments(owners[:own][own_order]),
        own=own, dense_texts=dense_texts, dense=dense_vectors(dense_texts, inline),
        vector_file=_vector_file(dense_texts) if own <= MAX_DENSE_LABELS else None,
        position=position, speller=Speller(labels))


class IndexCache:
    """Indexes by database, code-system url and version, rebuilt when the stored version
    changes (a new row in the concept tables)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[str, str, str | None], CodeIndex] = {}

    def get(self, conn: Connection, url: str, version: str | None) -> CodeIndex | None:
        row = find_code_system_row(conn, url, version)
        if row is None:
            return None
        key = f"{row.pk}:{row.resource_id}:{row.concept_count}"
        where = (str(conn.engine.url), url, version)
        with self._lock:
            found = self._items.get(where)
            if found is not None and found.key == key:
                if found.dense is None and found.vectors_due():  # built since by the job
                    found.dense = dense_vectors(found.dense_texts, False)
                return found
            index = build_index(conn, url, version)
            if index is not None:
                self._items[where] = index
            return index


CACHE = IndexCache()
