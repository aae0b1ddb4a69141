"""Text normalisation shared by the lexical channels and the lexicon of ``$code``.

Labels and queries go through the same steps, so matching is tolerant to case, accents,
ligatures, British / American spelling and plural or feminine endings:
``"Œdèmes aigus"`` and ``"oedeme aigu"`` and ``"edema, acute"`` end in the same tokens.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
#: spelling variants folded the same way on both sides (British -> American forms)
_SPELLING = (("aem", "em"), ("oe", "e"), ("tumour", "tumor"), ("paed", "ped"),
             ("foet", "fet"))
STOPWORDS = frozenset(
    "de du des la le les l d un une et au aux en par pour sur chez a the of an and in on for "
    "to by at with as is was patient patiente pt admis admise hospitalise hospitalisee connu "
    "connue suivi suivie".split()) | frozenset(
    # laterality: ICD-10 codes rarely carry it, so it must not pull towards unrelated labels
    "gauche droit droite droits droites gauches left right bilateral bilaterale bilateraux "
    "lateral".split())


def fold(text: str) -> str:
    """Lower case, no accents or ligatures, words separated by single spaces."""
    text = text.translate(_LIGATURES)
    # NFKD splits accented letters; encoding to ASCII drops the accents (and letters with no
    # Latin form, which the next step would blank anyway)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def spell(word: str) -> str:
    for old, new in _SPELLING:
        if old in word:
            word = word.replace(old, new)
    return word


def stem(word: str) -> str:
    """A light stem: plural ``s``/``x`` and a final ``e`` dropped from longer words."""
    if len(word) > 4 and word[-1] in "sx" and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """The stemmed content words of ``text``."""
    return [stem(spell(w)) for w in fold(text).split() if w not in STOPWORDS]


def plain(text: str) -> str:
    """The normalised text (for the character n-gram channel)."""
    return " ".join(spell(w) for w in fold(text).split() if w not in STOPWORDS)
