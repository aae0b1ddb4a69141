"""Forms: check boxes and short answers ("Diabète [ ] oui [x] non", "Smoking: never").

Admission, nursing and anaesthesia forms state a condition by ticking a box or by a one-word
answer after the label. :func:`mask` blanks the boxes and their yes / no words (same length,
so offsets are kept) before the negation and hypothesis qualifiers read the text, so that a
"[ ] non" beside an allergy does not negate it (dose schedules such as "0-0-1" are blanked
too); :func:`answer` then reads the original line to
say whether the item was ticked yes or no.
"""

from __future__ import annotations

import re

_BOX = r"(?:\[\s?[xX✓✔]?\s?\]|\(\s?[xX✓✔]?\s?\)|[☐☑☒□■✓✔])"
_CHECKED = re.compile(r"\[\s?[xX✓✔]\s?\]|\(\s?[xX✓✔]\s?\)|[☑☒■✓✔]")
_YES = r"(?:oui|yes|y|o|present|pr[ée]sent)"
_NO = r"(?:non|no|n|absent|none)"
#: A box followed by its option word ("[x] Yes", "☐ non").
_OPTION = re.compile(rf"{_BOX}\s*(?P<word>{_YES}|{_NO})\b", re.IGNORECASE)
#: An option word followed by its box ("oui [ ]   non [X]").
_OPTION_AFTER = re.compile(rf"\b(?P<word>{_YES}|{_NO})\s*{_BOX}", re.IGNORECASE)
#: A box right before the label ("[x] HTA", "☐ Diabète").
_LEADING_BOX = re.compile(rf"{_BOX}\s*$")
#: A box opening the line, the label running up to the mention ("[ ] Stroke/TIA").
_LINE_BOX = re.compile(rf"^\s*{_BOX}[^:\-–\n]*$")
#: A one-word answer right after the label ("Smoking: never", "Diabète : non", "Reflux - yes").
_SHORT_ANSWER = re.compile(
    r"^[^:\n?]{0,30}?(?:[:\-–=?]|\s{2,})\s*(?P<word>non|no|none|nil|never|jamais|n[ée]ant"
    r"|absente?s?|n[ée]gati(?:f|ve)|0|oui|yes|y|n|pr[ée]sente?s?|positi(?:f|ve))\b"
    r"(?=\s*(?:[.,;)/\-–]|$|\s{2,}|(?:present|pr[ée]sente?s?|connue?s?|known|reported)\b))",
    re.IGNORECASE)
_NEGATIVE_WORDS = re.compile(r"^(?:non|no|n|none|nil|never|jamais|n[ée]ant|absente?s?|"
                             r"n[ée]gati(?:f|ve)|0)$", re.IGNORECASE)


#: OCR's space before an elided article's apostrophe ("d 'allergie").
_OCR_APOSTROPHE = re.compile(r"\b([dlnjsc]) '(?=\w)", re.IGNORECASE)
#: Dose schedules ("1-0-1", "0-0-1"): French negation reads ": 0" as "none".
_SCHEDULE = re.compile(r"\b\d+(?:[.,/]\d+)?(?:\s*-\s*\d+(?:[.,/]\d+)?){2,3}\b")


def mask(text: str) -> str:
    """``text`` with every box and its yes / no word, and every dose schedule, replaced by
    spaces (same length, so offsets hold)."""
    text = _OCR_APOSTROPHE.sub(r" \1'", text)  # "d 'audition" -> " d'audition"
    blank = _OPTION.sub(lambda m: " " * len(m.group(0)), text)
    blank = _OPTION_AFTER.sub(lambda m: " " * len(m.group(0)), blank)
    return _SCHEDULE.sub(lambda m: " " * len(m.group(0)), blank)


def answer(text: str, start: int, end: int) -> str | None:
    """``"yes"`` / ``"no"`` when the form line of the span ``start:end`` answers it, else None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    lead = _LEADING_BOX.search(before) or _LINE_BOX.match(before)
    if lead:
        return "yes" if _CHECKED.search(lead.group(0)) else "no"
    first_box = re.search(_BOX, after)
    first_word = re.search(rf"\b(?:{_YES}|{_NO})\b", after, re.IGNORECASE)
    if first_box:
        word_first = bool(first_word) and first_word.start() < first_box.start()  # type: ignore[union-attr]
        pattern = _OPTION_AFTER if word_first else _OPTION
        for opt in pattern.finditer(after):
            if _CHECKED.search(opt.group(0)):
                return "no" if _NEGATIVE_WORDS.match(opt.group("word")) else "yes"
        return None  # boxes but none ticked
    short = _SHORT_ANSWER.match(after)
    if short:
        return "no" if _NEGATIVE_WORDS.match(short.group("word")) else "yes"
    return None
