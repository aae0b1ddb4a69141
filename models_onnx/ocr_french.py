"""French corrections for PaddleOCR v5 output.

The v5 character list has no î, ï, œ, ÿ and few accented capitals, so the recogniser
writes ``Maitre``, ``Naif``, ``Soeur`` / ``cedème`` (for œdème), ``â`` or ``Å`` for a lone
``à`` / ``À``. Corrections that are safe without context:

* words of a lexicon whose spelling needs î, ï or œ (common and clinical French), matched
  after folding î/ï to i and œ (or the OCR's ``oe`` / ``ce`` / ``æ``) to ``oe``; the case of
  the first letter is kept (``ile`` -> ``île``, ``Ile`` -> ``Île``);
* a lone ``â`` (not a French word) -> ``à``; a lone ``A`` / ``Å`` / ``Â`` opening a line or a
  sentence and followed by a lower-case word -> ``À``.
"""

from __future__ import annotations

import re

LEXICON = """
abîme abîmé aîné aînée apparaître boîte boîtes chaîne chaînes chaînon connaître croître
dîner disparaître entraîner entraînement épître fraîche fraîchement fraîcheur gîte huître
île îles îlot maître maîtresse maîtrise naître paraître plaît surcroît traîner traîne
aïeul ambiguïté archaïque coïncidence égoïste héroïne laïque maïs mosaïque naïf naïve
naïveté ouïe paranoïa paranoïaque prosaïque stoïque caïman
bœuf cœur cœurs fœtus fœtal fœtale manœuvre manœuvres nœud nœuds œdème œdèmes œdémateux
œdémateuse œil œillet œsophage œsophagien œsophagienne œsophagite œstrogène œstrogènes
œstradiol œuf œufs œuvre sœur sœurs vœu vœux
""".split()


def _fold(word: str) -> str:
    return word.lower().replace("î", "i").replace("ï", "i").replace("œ", "oe")


FOLDED = {_fold(w): w for w in LEXICON}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LONE_A = re.compile(r"(^|[.!?:]\s+)[AÅÂ](?=\s+[a-zà-ÿ])", re.MULTILINE)
LONE_CIRC_A = re.compile(r"(?<![^\W\d_])â(?![^\W\d_])")


def _candidates(word: str) -> list[str]:
    low = word.lower().replace("æ", "oe")
    out = [low]
    if low.startswith("ce"):
        out.append("oe" + low[2:])
    if "ce" in low[1:]:
        out.append(low[0] + low[1:].replace("ce", "oe"))
    return out


def _fix_word(m: re.Match[str]) -> str:
    word = m.group(0)
    for cand in _candidates(word):
        right = FOLDED.get(_fold(cand))
        if right is not None:
            return right[0].upper() + right[1:] if word[0].isupper() else right
    return word


def fix_french(text: str) -> str:
    text = WORD.sub(_fix_word, text)
    text = LONE_CIRC_A.sub("à", text)
    return LONE_A.sub(lambda m: m.group(1) + "À", text)
