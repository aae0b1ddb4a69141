"""Language of a clinical text (fr | en) from function words; French when unsure."""

from __future__ import annotations

import re

_FR = frozenset("le la les des du de un une et est avec pour dans sur par au aux pas sans "
                "patient patiente ans antécédents traitement allergie mois jour fois".split())
_EN = frozenset("the of and with for in on is was has had no not to patient years old history "
                "allergy allergies medications daily denies he she his her".split())


def detect(text: str) -> str:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", text[:20000].lower())
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    return "en" if en > fr else "fr"
