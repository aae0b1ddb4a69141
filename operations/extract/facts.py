"""From qualified mentions to facts: allergies, medications, conditions, family history.

A drug or allergen in a sentence about allergy is an allergy; elsewhere a drug is a
medication whose dosage is the text written after it. Conditions take their status from the
qualifiers (negated -> refuted, hypothetical -> provisional, history -> resolved unless the
condition is chronic, family -> family history); a form's check box or one-word answer
overrides them (:mod:`.forms`). Past cues (a year, "cured", "in childhood") count only in the
mention's own list item, so that one dated antecedent does not date its neighbours. A drug's
status comes from the nearest stop / start cue before it, else from the words after it; a
drug or condition named twice gives one fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import forms, rules_en, rules_fr
from .lexicon import CONDITIONS, DRUG_STOPWORDS
from .pipeline import Mention, mentions, strip_accents

_CHRONIC = {c.code for c in CONDITIONS if c.chronic}
DISPLAY: dict[str, str] = {}
for _term in CONDITIONS:
    DISPLAY.setdefault(_term.code, _term.display)
#: Allergy words, tolerant of OCR ("AIlergies", "Al lergie", "a11ergie").
_ALLERGY = re.compile(r"\ba[l1I|]\s?[l1I|]\s?erg|intol[ée]ran|anaphyla|hypersensitiv|"
                      r"hypersensibilit|\bsensitivit", re.IGNORECASE)
_NO_ALLERGY = re.compile(
    r"\b(?:pas d\s?['’ ]\s*allergies?(?: m[ée]dicamenteuses?)?(?: connues?)?"
    r"|aucune allergie(?: m[ée]dicamenteuse)?(?: connue)?"
    r"|a[l1I]\s?[l1I]ergies?(?: m[ée]dicamenteuses?)?\s*:\s*(?:aucune(?: allergie)?"
    r"(?: m[ée]dicamenteuse)?(?: connue)?|n[ée]ant|0"
    r"|pas d\s?['’]allergies?(?: m[ée]dicamenteuses?)?(?: connues?)?|non connues?|inconnues?"
    r"|ras|sans)"
    r"|allergies?\s*:?\s*(?:\[\s?\]|\(\s?\)|[☐□])\s*(?:oui|yes)\s*(?:\[\s?[xX✓✔]\s?\]|"
    r"\(\s?[xX✓✔]\s?\)|[☑☒■✓✔])\s*(?:non|no)\b"
    r"|absence d['’]allergie(?: m[ée]dicamenteuse)?(?: connue)?"
    r"|nkda|nka|no known (?:drug )?allerg(?:y|ies)|no (?:drug )?allergies"
    r"|a[l1I]\s?[l1I]ergies?(?: */ *sensitivities)?\s*:\s*(?:none(?: known| confirmed| documented)?"
    r"|nil(?: known| by history)?"
    r"|nkda|nka|no known(?: drug)? allergies|no known|nil)"
    r"|no known drug allergies|nil known allergies)", re.IGNORECASE)
_DRUG_WORDS = re.compile(r"m[ée]dicament|drug|medication", re.IGNORECASE)
_STOPPED = re.compile(r"\b(?:arr[eê]t[ée]?e?s?|stopp[ée]e?s?|suspendue?s?|interrompue?s?|"
                      r"stopped|discontinued|ceased|withdrawn|held|withheld|on hold|omitted|omis|"
                      r"finished|completed|termin[ée]e?s?|not continued|not restarted|"
                      r"non (?:poursuivie?|reconduite?|repris)|(?:advised|told|asked) to stop|"
                      r"previously on|formerly on|ancien(?:ne)? traitement|arr[eê]ter|"
                      r"suspendre|suspension|stopper|interrompre|retir[ée]e?s?|"
                      r"no longer (?:takes|taking|on))\b|\barr[eê]t\b", re.IGNORECASE)
#: Imperative stop words that count only before the drug ("hold metoprolol", "stop aspirin").
_STOP_BEFORE = re.compile(r"\b(?:hold|withhold|stop|cease|discontinue)\b", re.IGNORECASE)
_STARTED = re.compile(r"\b(?:started|start(?:ing)?|commenced|initiated|introduction|"
                      r"introduit[e]?s?|instaur[ée]e?s?|instauration|d[ée]but[ée]e?s?|"
                      r"mise? sous|ajout(?:e|é)?|added|new|nouveau|nouvelle|relais par|"
                      r"switched to|remplac[ée]e? par|replaced (?:by|with)|changed to|"
                      r"continue[rsz]?|"
                      r"poursuite|poursuivre|"
                      r"maintenue?|increased|majoration|augmentation)\b", re.IGNORECASE)
_INTENDED = re.compile(r"\b(?:[àa] d[ée]buter|[àa] introduire|[àa] pr[ée]voir|pr[ée]vue?|"
                       r"sera (?:introduit|d[ée]but[ée])|to start|will start|to be started|"
                       r"plan(?:ned)? to start|consider starting|[àa] distance|"
                       r"ult[ée]rieurement|dans un second temps|in \d+ (?:weeks?|months?)|"
                       r"je propose|nous proposons|envisag[ée]e?|[àa] discuter|"
                       r"(?:would |I )?suggest(?:ed)?|recommend(?:ed)? starting|"
                       r"to be discussed)\b",
                       re.IGNORECASE)
#: Words after a drug that replace it by the next one ("Tazocin, switched to co-amoxiclav").
#: "Atarax : STOP", "Aspirin - stopped": a status word right after the drug.
_STOP_AFTER = re.compile(r"^\s*[:\-–]\s*(?:stop|arr[eê]t)\b", re.IGNORECASE)
_SWITCHED_AWAY = re.compile(r"\b(?:switched|changed|converted|stepped down) to\b|"
                            r"\brelais (?:par|per os)\b|\bremplac[ée]e? par\b", re.IGNORECASE)
_RESTARTED = re.compile(r"\b(?:restarted|resumed|repris[e]?|reprise|r[ée]introduit[e]?|"
                        r"r[ée]introduction)\b", re.IGNORECASE)
_OVER = re.compile(r"\b(?:excis[ée]e?s?|excised|resected|r[ée]s[ée]qu[ée]e?s?|removed|"
                   r"enlev[ée]e?s?|ablat[ée]e?s?)\b|"
                   r"(?<!since )(?<!depuis l['’])(?<!depuis )\b(?:dans l['’]enfance|enfance|"
                   r"childhood|as a child|sevr[ée]e?s?|"
                   r"sevrage|ancien(?:ne)? fumeu(?:r|se)|ex-?fumeu(?:r|se)|former|ex-smoker|quit|"
                   r"gu[ée]rie?s?"
                   r"|cured|r[ée]mission|years ago|il y a \d+ ans|eradicated|[ée]radiqu[ée]e?"
                   r"|settled|resolved|r[ée]solue?s?|disparue?s?|full recovery|recovered"
                   r"|s[ée]quelles?|op[ée]r[ée]e?s?)"
                   r"\b", re.IGNORECASE)
_PAST_YEAR = re.compile(r"(?<!depuis )(?<!since )(?<!\d[/.-])\b(?:19[5-9]\d|20[01]\d|202[0-4])\b")
#: Ongoing treatment or follow-up: a listed antecedent that is still current.
_ONGOING = re.compile(r"\b(?:en cours|sous (?:chimioth[ée]rapie|radioth[ée]rapie|traitement|"
                      r"hormonoth[ée]rapie|immunoth[ée]rapie)|actuellement|toujours|ongoing|"
                      r"currently|under treatment|on treatment|receiving|active|"
                      r"on (?:\w+ )?(?:therapy|treatment|chemotherapy|immunotherapy)|"
                      r"under (?:follow-up|surveillance|review)|watch and wait|suivie? pour|"
                      r"en surveillance|surveill[ée]e?|recurrent|recurring|r[ée]cidivante?s?|"
                      r"[àa] r[ée]p[ée]tition|r[ée]p[ée]t[ée]e?s)\b",
                      re.IGNORECASE)
_OVER_SELF = re.compile(r"\b(?:sevr[ée]e?s?|ancien(?:ne)?|ex-?fumeu(?:r|se)|ex-smoker|former)\b",
                        re.IGNORECASE)
#: "..., now resolved" after a condition in a list.
_OVER_AFTER = re.compile(r"^[^.;\n,]{0,25}?(?:,\s*(?:now|aujourd['’]hui|actuellement|"
                         r"d[ée]sormais|since)?\s*)?\b(?:now resolved|resolved|r[ée]solue?s?|"
                         r"gu[ée]rie?s?|settled|sevr[ée]e?|quit|"
                         r"ex-smoker|ancien fumeur)\b", re.IGNORECASE)
#: What ends a list item around a condition ("HTA, diabète traité, cancer en 2010 (guéri)").
_ITEM_END = re.compile(r"[\n;,]|\.\s|\s(?:et|and|with|avec)\s")
_SEGMENT_END = re.compile(r"[\n;]|(?<=[a-z)])\.\s|,\s*(?=[A-Za-zÀ-ÿ]{4,}\s)")


@dataclass
class Fact:
    """One extracted fact with its evidence span (code points into the analysed text)."""

    kind: str  # allergy | medication | condition | family
    text: str
    start: int
    end: int
    code: str = ""
    status: str = ""  # see scoring.STATUSES
    dosage_text: str = ""
    reactions: list[str] = field(default_factory=list)
    relation: str = ""
    allergy_type: str = "allergy"
    what: str = ""  # "no known allergy": what is excluded (medication | allergy)


def _sentence(text: str, m: Mention) -> str:
    return text[m.sentence_start:m.sentence_end]


def _line_prefix(text: str, m: Mention) -> str:
    """The words before a drug, back to the previous punctuation, line or sentence start."""
    start = max(max(text.rfind(c, 0, m.start) for c in ",;.\n") + 1, m.sentence_start)
    return text[start:m.start]


def _clause(text: str, m: Mention) -> tuple[int, int]:
    """The mention's sentence, cut at line breaks (lists and forms put one item per line)."""
    start = max(text.rfind("\n", 0, m.start) + 1, m.sentence_start)
    end = text.find("\n", m.end)
    return start, min(end if end >= 0 else len(text), m.sentence_end)


#: A line headed "Allergies:" / "ALL:" / "Intolérances :" is about allergies throughout.
_ALLERGY_HEADER = re.compile(r"^\s*(?:a[l1I]\s?[l1I]\s?erg\w*|all|intol[ée]rances?|"
                             r"sensitivities|adverse (?:drug )?reactions)(?:\s*/\s*\w+)?\s*[:\-]",
                             re.IGNORECASE)


#: Condition names that carry an allergy word ("asthme allergique", "allergic rhinitis").
_ALLERGIC_CONDITION = re.compile(
    r"\b(?:asthme|rhinite|conjonctivite|dermatite|ecz[ée]ma|rhinoconjonctivite|asthma|rhinitis|"
    r"conjunctivitis|dermatitis|eczema)\s+(?:allergique|atopique|de contact)\b|"
    r"\ballergic\s+(?:asthma|rhinitis|conjunctivitis|dermatitis|bronchopulmonary)\b",
    re.IGNORECASE)


def _in_allergy_context(text: str, m: Mention, before_only: bool = False) -> bool:
    """An allergy word in the mention's clause (for a condition: before it, so that an
    "asthme allergique" stays a condition while "Allergie : pénicilline (urticaire)" does not),
    or a line headed "Allergies:"."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if _ALLERGY_HEADER.match(text[line_start:m.start]):
        return True
    start, end = _clause(text, m)
    context = text[start:m.start] if before_only else text[start:m.start] + " " + text[m.end:end]
    return bool(_ALLERGY.search(_ALLERGIC_CONDITION.sub(" ", context)))


def _item(text: str, m: Mention) -> str:
    """The list item around a mention: its clause cut at commas, semicolons, "et" / "and"."""
    start, end = _clause(text, m)
    cuts = [x.end() for x in _ITEM_END.finditer(text, start, m.start)]
    after = _ITEM_END.search(text, m.end, end)
    return text[cuts[-1] if cuts else start:after.start() if after else end]


def _past_cue(text: str, m: Mention) -> tuple[bool, bool, bool]:
    """(explicitly over: childhood, quit, cured...; dated in a past year; still ongoing), in
    the item."""
    # the mention's own words count only as adjectives ("tabagisme sevré", "ex-smoker"), not
    # as a name ("sevrage alcoolique" is a withdrawal, not a past condition)
    whole = _item(text, m)
    item = whole.replace(text[m.start:m.end], " ")
    over = bool(_OVER.search(item) or _OVER_AFTER.search(text[m.end:m.end + 40])
                or _OVER_SELF.search(text[m.start:m.end]))
    return over, bool(_PAST_YEAR.search(item)), bool(_ONGOING.search(whole))


#: Relations refined by the side of the family (v3 RoleCode).
_SIDED = {"AUNT", "UNCLE", "GRMTH", "GRFTH", "COUSN"}


def _relations(text: str, m: Mention, lang: str) -> list[str]:
    """The relatives who have the condition: the nearest relation word before the mention (else
    after), with those joined to it ("Mère et frère suivis pour...": MTH, BRO)."""
    table = rules_fr.RELATIONS if lang == "fr" else rules_en.RELATIONS
    sides = rules_fr.SIDES if lang == "fr" else rules_en.SIDES
    before = re.findall(r"[\w-]+", strip_accents(text[m.sentence_start:m.start]))
    after = re.findall(r"[\w-]+", strip_accents(text[m.end:m.sentence_end]))
    words = [*before, "|", *after]

    def coded(i: int) -> str:
        code = table[words[i]]
        near = {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
        side = next((sides[w] for w in near if w in sides), "")
        return side + code if side and code in _SIDED else code

    order = [*range(len(before) - 1, -1, -1), *range(len(before) + 1, len(words))]
    for i in order:  # the nearest relation word before, else after
        if words[i] in table:
            out = [coded(i)]
            j = i - 2  # "X et Y", "X and Y", "X, Y"
            while j >= 0 and words[j + 1] in ("et", "and") and words[j] in table:
                out.insert(0, coded(j))
                j -= 2
            return list(dict.fromkeys(out))
    return ["FAMMEMB"]


def _after(text: str, m: Mention, following: list[Mention]) -> str:
    """The words after a drug: up to the next drug, line, semicolon or sentence end."""
    limit = min([n.start for n in following if n.start >= m.end] + [m.sentence_end])
    rest = text[m.end:limit]
    cut = _SEGMENT_END.search(rest)
    return rest[:cut.start()] if cut else rest


#: A stop planned for later ("à arrêter 5 jours avant", "stop 4 weeks before surgery"): the
#: drug is still taken.
_PLANNED_STOP = re.compile(
    r"\b(?:[àa] (?:arr[eê]ter|suspendre|stopper|interrompre)|to be (?:stopped|held|withheld)"
    r"|will (?:be )?(?:stop|stopped|held)|(?:stop|hold|arr[eê]t\w*|suspen\w*)\b[^.;\n]{0,40}?"
    r"\b(?:avant|before|pre-?op(?:eratively)?)\b|\bJ\s?-\s?\d)", re.IGNORECASE)
#: A laboratory value, not a drug ("albumine 31 g/l", "potassium 3.1 mmol/l").
_LAB_VALUE = re.compile(r"^\s*(?:[àa:=]\s*)?\d+(?:[.,]\d+)?\s*(?:g/l|g/dl|mmol/l|[µu]mol/l|mg/l|"
                        r"mg/dl|meq/l|ui/l|u/l)", re.IGNORECASE)


#: A sentence of laboratory results ("Bloods including B12, folate and TFTs are normal").
_LAB_LINE = re.compile(r"^\s*(?:bloods?|labs?|biologie|bilan biologique|bilan sanguin|"
                       r"investigations|results|r[ée]sultats|dosages?)\b", re.IGNORECASE)


def _medication_status(prefix: str, after: str) -> str:
    """The nearest cue before the drug ("arrêt du", "started", "hold"), else the words after it
    ("arrêté", "to be started"); a future cue after the drug wins ("puis X à distance"); a stop
    planned for later leaves the drug active."""
    if _PLANNED_STOP.search(prefix + " " + after):
        return "active"
    if _INTENDED.search(after):
        return "intended"
    cues = [(x.start(), "stopped") for x in _STOPPED.finditer(prefix)]
    cues += [(x.start(), "stopped") for x in _STOP_BEFORE.finditer(prefix)]
    cues += [(x.start(), "active") for x in _STARTED.finditer(prefix)]
    cues += [(x.start(), "intended") for x in _INTENDED.finditer(prefix)]
    if cues:
        nearest = max(cues)[1]
        if nearest == "active" and _INTENDED.search(prefix):  # "A prévoir : introduction de X"
            return "intended"
        return nearest
    if _STOPPED.search(after):
        return "stopped"
    return "active"


#: Only a conjunction between two drugs ("le Tenstaten et le Lercan sont arrêtés").
_COORDINATION = re.compile(r"^\s*(?:,|et|and|&|ou|or|/)\s*(?:le|la|les|l['’]|the|du|de la)?\s*$",
                           re.IGNORECASE)


def _medication(text: str, m: Mention, drugs: list[Mention]) -> Fact:
    after = _after(text, m, drugs)
    nxt = next((n for n in drugs if n.start >= m.end), None)
    context = after
    if nxt is not None and nxt.sentence_start == m.sentence_start \
            and _COORDINATION.match(text[m.end:nxt.start]):
        context = after + text[nxt.start:nxt.end] + _after(text, nxt, drugs)
    status = _medication_status(_line_prefix(text, m), context)
    following = min([n.start for n in drugs if n.start >= m.end] + [m.sentence_end])
    if status == "active" and (_SWITCHED_AWAY.search(text[m.end:following])
                               or _STOP_AFTER.match(text[m.end:following])):
        status = "stopped"
    return Fact("medication", m.text, m.start, m.end, m.code, status, after.strip(" ,:;.-"))


#: A condition named only as a risk ("risque de chute", "falls risk", "prévention des escarres").
_RISK_BEFORE = re.compile(r"(?:(?<!facteurs de )(?<!facteur de )\brisques?|\brisk of|\bat risk|"
                          r"\bpr[ée]vention|\bprevention|"
                          r"\bprophylaxie|\bprophylaxis|\bdépistage|\bscreening)"
                          r"(?:\s+(?:de|d['’]|des|du|of|for))?\s*[:\-]?\s*$", re.IGNORECASE)
_RISK_AFTER = re.compile(r"^\s*(?:risk|assessment|score|prevention|screen(?:ing)?|swab|status|"
                         r"d[ée]pistage|specialist|nurses?|clinic|team|unit|ward|centre|center|"
                         r"department|consultant|service|closure|care|dressings?|check)\b",
                         re.IGNORECASE)
#: Conditions named as the reason for an "as needed" drug ("Movicol si constipation").
_PRN_BEFORE = re.compile(r"\b(?:si|if|en cas de|in case of|prn|as required for|when required for|"
                         r"as needed for)\s*$", re.IGNORECASE)
#: Room air ("SpO2 95% RA", "on RA") is not rheumatoid arthritis.
_ROOM_AIR = re.compile(r"(?:%|\bon|\bsat[s]?)\s*$", re.IGNORECASE)
#: Eye drops are counted in "gouttes" ("1 goutte le soir"): not gout.
_DROPS = re.compile(r"(?:\d|\bune|\bdeux|\btrois|\bquelques)\s*$", re.IGNORECASE)
#: A question mark just before the condition ("?PE", "? early Raynaud's").
_QUERY = re.compile(r"\?\s*(?:early|possible|new|recurrent|d[ée]but)?\s*$", re.IGNORECASE)


#: Diet lines of nursing forms ("Régime : diabétique, sans sel").
_DIET_LINE = re.compile(r"^\s*(?:r[ée]gime|diet)\b", re.IGNORECASE)


def _not_a_condition(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[max(line_start, m.start - 40):m.start]
    if _DIET_LINE.match(text[line_start:m.start]):
        return True
    if _RISK_BEFORE.search(before) or _RISK_AFTER.match(text[m.end:m.end + 20]):
        return True
    if m.hypothesis and _PRN_BEFORE.search(before):
        return True
    if m.text == "RA" and _ROOM_AIR.search(before):
        return True
    return m.code == "M10" and bool(_DROPS.search(before))


#: A relative who reports, not who has ("Her daughter reports low mood", "sa fille rapporte").
_INFORMANT = re.compile(
    r"\b(?:wife|husband|partner|daughter|son|mother|father|sister|brother|carer|family|"
    r"[ée]pouse|mari|conjointe?|fille|fils|m[èe]re|p[èe]re|s[œo]eur|fr[èe]re|famille|entourage)"
    r"\s+(?:\w+\s+){0,2}(?:reports?|says|said|noticed|notes|describes|mentions|is worried|"
    r"has noticed|rapporte|signale|d[ée]crit|remarque|note|dit|a remarqu[ée])\b",
    re.IGNORECASE)


#: Terms that state an absence ("apyrétique", "afebrile"): refuted by themselves.
_ABSENCE_TERMS = frozenset({"apyretique", "afebrile", "apyrexial", "eupneique", "normotendu",
                            "normotendue"})


def _condition(m: Mention, text: str, lang: str) -> list[Fact]:
    """The condition, or one family-history fact per relative (none when negated)."""
    if _not_a_condition(text, m):
        return []
    if m.family and _INFORMANT.search(text[m.sentence_start:m.start]):
        m = replace(m, family=False)
    if m.family:
        if m.negated:
            return []
        return [Fact("family", m.text, m.start, m.end, m.code, "", relation=r)
                for r in _relations(text, m, lang)]
    over, dated, ongoing = _past_cue(text, m)
    ticked = forms.answer(text, m.start, m.end)
    if strip_accents(m.text) in _ABSENCE_TERMS:
        status = "refuted"
    elif ticked == "no":
        status = "refuted"
    elif ticked == "yes":
        status = "active"
    elif m.negated:
        status = "refuted"
    elif m.hypothesis or _QUERY.search(text[max(0, m.start - 12):m.start]):
        status = "provisional"
    elif over or ((m.history or dated) and not ongoing and m.code not in _CHRONIC):
        status = "resolved"
    else:
        status = "active"
    return [Fact("condition", m.text, m.start, m.end, m.code, status)]


_TOLERATED = re.compile(r"\b(?:tolerated|tol[ée]r[ée]e?|tol[èe]re|tolerates|took|use|using|"
                        r"utiliser|pr[ée]f[ée]rer|prefer|on|sous)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: An alternative named in an allergy line ("on clopidogrel instead", "use povidone iodine").
_INSTEAD = re.compile(r"^\s*(?:\w+\s+)?(?:instead|[àa] la place|en remplacement|tolerated|"
                      r"bien tol[ée]r[ée]e?)\b", re.IGNORECASE)


def _no_allergy(text: str) -> list[Fact]:
    out = []
    for hit in _NO_ALLERGY.finditer(text):
        what = "medication" if _DRUG_WORDS.search(hit.group(0)) or "nkda" in hit.group(0).lower() \
            else "allergy"
        out.append(Fact("allergy", hit.group(0), hit.start(), hit.end(), "", "refuted",
                        what=what))
    return out


def extract(text: str, lang: str) -> list[Fact]:
    """Every fact in ``text`` (``lang`` is ``fr`` or ``en``), in document order."""
    found = mentions(text, lang)
    found = [m for m in found if not (m.kind == "drug" and
                                      strip_accents(m.text) in DRUG_STOPWORDS)]
    drugs = [m for m in found if m.kind in ("drug", "allergen")]
    reactions = [m for m in found if m.kind == "reaction" or (
        m.kind == "condition" and _in_allergy_context(text, m, before_only=True))]
    facts = _no_allergy(text)
    covered = [(f.start, f.end) for f in facts]
    for m in found:
        if any(s <= m.start < e for s, e in covered):
            continue
        if m.kind in ("drug", "allergen") and _in_allergy_context(text, m):
            if _TOLERATED.search(text[max(0, m.start - 25):m.start]) and (
                    not re.search(r"\b(?:on|sous)\s+$", text[max(0, m.start - 5):m.start])
                    or _INSTEAD.match(text[m.end:m.end + 30])):
                continue  # "tolerated cefalexin since": not an allergy
            fact = Fact("allergy", m.text, m.start, m.end, m.code,
                        "refuted" if m.negated else "confirmed")
            fact.reactions = [r.text for r in reactions if r.sentence_start == m.sentence_start]
            if re.search(r"intol[ée]ran", _sentence(text, m), re.IGNORECASE):
                fact.allergy_type = "intolerance"
            facts.append(fact)
        elif m.kind == "drug" and not m.negated and not m.family \
                and not _LAB_VALUE.match(text[m.end:m.end + 20]) \
                and not _LAB_LINE.match(text[m.sentence_start:m.start]):
            facts.append(_medication(text, m, drugs))
        elif m.kind == "condition" and not _in_allergy_context(text, m, before_only=True):
            facts.extend(_condition(m, text, lang))
    return _dedupe(sorted(facts, key=lambda f: f.start), text)


#: A condition abbreviation ("AF", "BPCO", "T2DM", "AC/FA").
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9/+&-]{1,5}")


def _dedupe(facts: list[Fact], text: str) -> list[Fact]:
    """One fact per drug, condition or family condition.

    A drug named twice (same code, one name containing the other: two brands of one molecule
    stay apart) keeps the mention with most dosage text, stopped when any mention says
    so and no later one restarts it; a condition (same code, status and words, one containing
    the other: "migraine", "migraine with aura") or a family condition keeps its first
    mention."""
    best: dict[str, Fact] = {}
    stopped: dict[str, int] = {}
    names: dict[str, str] = {}  # normalized name -> key of the first drug so named

    def key_of(f: Fact) -> str:
        name = strip_accents(f.text)
        words = set(re.findall(r"\w+", name))
        for known, key in names.items():
            other = set(re.findall(r"\w+", known))
            if (words <= other or other <= words) and key.split("|")[0] == f.code:
                return key
        names[name] = f"{f.code}|{name}"
        return names[name]

    keys = {id(f): key_of(f) for f in facts if f.kind == "medication"}
    for f in facts:
        if f.kind == "medication":
            key = keys[id(f)]
            if key not in best or len(f.dosage_text) > len(best[key].dosage_text):
                best[key] = f
            if f.status == "stopped":
                stopped[key] = f.start
    for key, at in stopped.items():
        restarted = any(
            keys.get(id(f)) == key and f.start > at
            and _RESTARTED.search(text[max(0, f.start - 40):f.end + 40]) for f in facts)
        if not restarted:
            best[key].status = "stopped"
    keep = {id(f) for f in best.values()}
    seen: list[tuple[str, str, str, str, bool]] = []
    smoking: set[str] = set()  # one smoking-status fact per status (F17 / Z72.0)
    allergies: set[str] = set()
    out = []
    for f in facts:
        if f.kind == "allergy":
            key = strip_accents(f.text)
            if key in allergies:
                continue
            allergies.add(key)
        if f.kind == "medication":
            if id(f) in keep:
                out.append(f)
            continue
        if f.kind == "condition" and f.code in ("F17", "Z72.0"):
            if f.status in smoking:
                continue
            smoking.add(f.status)
        if f.kind in ("condition", "family") and f.code:
            words = strip_accents(f.text)
            qualifier = f.relation if f.kind == "family" else f.status
            # the same words, or an abbreviation after the full name ("atrial fibrillation ...
            # AF"): one fact
            short = _ABBREVIATION.fullmatch(f.text) is not None
            if any(k == f.kind and c == f.code and q == qualifier
                   and (w in words or words in w or (short and not was_short))
                   for k, c, q, w, was_short in seen):
                continue
            seen.append((f.kind, f.code, qualifier, words, short))
        out.append(f)
    return out
