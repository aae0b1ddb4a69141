"""French vocabulary beside edsnlp's own qualifier lists: family relations, medication status.

edsnlp (https://aphp.github.io/edsnlp/) supplies negation, hypothesis, family and history
triggers for French clinical text; this module adds what the FHIR mapping needs on top.
"""

from __future__ import annotations

#: Relationship words -> v3 RoleCode (https://terminology.hl7.org/ValueSet-v3-FamilyMember.html)
RELATIONS = {
    "mere": "MTH", "maman": "MTH", "pere": "FTH", "papa": "FTH", "frere": "BRO",
    "soeur": "SIS", "fils": "SONC", "fille": "DAUC", "grand-pere": "GRFTH",
    "grand-mere": "GRMTH", "oncle": "UNCLE", "tante": "AUNT", "cousin": "COUSN",
    "cousine": "COUSN", "parents": "PRN", "jumeau": "TWIN", "jumelle": "TWIN",
    "neveu": "NEPHEW", "niece": "NIECE", "grand-parents": "GRPRN",
}

#: "tante maternelle", "grand-père paternel": the side of the family refines the relation.
SIDES = {"maternel": "M", "maternelle": "M", "paternel": "P", "paternelle": "P"}

#: Negation look-alikes: "non" qualifying a treatment or a state, not denying the condition.
NEGATION_PSEUDO = ["non appareille", "non appareillee", "non traite", "non traitee",
                   "non equilibre", "non equilibree", "non controle", "non controlee",
                   "non complique", "non compliquee", "non opere", "non operee",
                   "non reversible", "non stenosant", "non stenosante", "non insulino",
                   "non insulinodependant", "non insulino-dependant", "non substitue",
                   "non substituee", "non suivi", "non suivie", "non explore", "non exploree",
                   "non observant", "non observante", "non sevre", "non sevree"]

#: Hypothesis cues added to edsnlp's French lists (conjugated forms its verb lists miss).
HYPOTHESIS_PRECEDING = ["question d'une", "question d'un", "la question de", "je me demande",
                        "on evoque", "evoque", "evoquant", "evocateur de", "evocatrice de",
                        "diagnostic differentiel", "a evoquer", "hypothese de", "hypothese"]
HYPOTHESIS_FOLLOWING = ["a confirmer", "a eliminer", "evoque", "evoquee",
                        "suspecte", "suspectee", "non exclu", "non exclue", "probable",
                        "possible", "a confirmer ou infirmer", "?"]
#: Formulas that contain a hypothesis word but state no hypothesis ("si besoin", "si vous").
HYPOTHESIS_PSEUDO = ["si besoin", "si necessaire", "si vous", "s'il vous plait",
                     "facteurs de risque", "facteur de risque", "fdr", "frcv",
                     "si douleur", "si douleurs"]
