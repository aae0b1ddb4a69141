"""English context rules (ConText-style triggers) for the edsnlp qualifiers.

The French pipeline uses edsnlp's own trigger lists (negation, hypothesis, family, history);
English gets equivalent lists here, after ConText (Harkema et al., 2009) and NegEx, so that both
languages run through the same qualifier components. The verb lists are left to edsnlp's
(French) defaults: an empty list matches every token in edsnlp 0.23, and French verb forms do
not occur in English text.
"""

from __future__ import annotations

NEGATION = {
    "pseudo": ["no increase", "not only", "no change", "without difficulty", "not certain if",
               "no further", "no:", "no.", "non-insulin", "non insulin",
               "non-small", "non small", "non-hodgkin", "non hodgkin", "non-st", "non st",
               "non-alcoholic", "non alcoholic", "non-specific", "non specific", "non-ulcer",
               "hosp no", "hospital no", "nhs no", "ref no",
               "unit no", "mrn", "no change"],
    "preceding": ["no", "not", "non", "never", "denies", "denied", "denying", "without",
                  "negative for",
                  "no evidence of", "no history of", "no sign of", "no signs of", "absence of",
                  "absent", "free of", "never had", "rules out", "ruled out", "excluded",
                  "no known", "nor", "neither"],
    "following": ["ruled out", "was excluded", "excluded", "was negative", "is negative",
                  "negative", "absent", "not found", "not seen"],
    "preceding_regex": [],
    "termination": ["but", "however", "although", "except", "apart from", "aside from",
                    "which", "yet", "though", "still", ";"],
}

HYPOTHESIS = {
    "pseudo": ["no suspicion", "not possible", "risk factors", "risk factor", "grateful if",
               "if you could", "if you would", "if you can", "if you have", "if required",
               "if needed", "as if"],
    "preceding": ["possible", "possibly", "probable", "probably", "suspected", "suspicion of",
                  "suspect", "rule out", "r/o", "query", "likely", "cannot exclude",
                  "can not exclude", "cannot rule out", "differential", "to exclude",
                  "evaluate for", "concern for", "concerning for",
                  "concerned about", "suspicious for", "suspicious of", "differential includes",
                  "wonder about", "wonder whether", "i wonder", "?",
                  "may be", "might be",
                  "questionable", "presumed", "presumptive", "risk of", "if", "in case of",
                  "should", "to be excluded", "screening for", "worried about", "?"],
    "following": ["suspected", "unlikely", "is unlikely", "less likely", "is possible",
                  "not excluded", "to be ruled out",
                  "to be excluded", "?", "is suspected", "is likely", "not ruled out",
                  "likely)", "probable)", "possible)", "query", "vs", "versus"],
    "termination": ["but", "however", "although", "except", "which", ";"],
}

FAMILY = {
    "family": ["mother", "father", "brother", "sister", "son", "daughter", "grandfather",
               "grandmother", "uncle", "aunt", "cousin", "family history", "fh", "sibling",
               "siblings", "parents", "parent", "mum", "mom", "dad", "twin", "niece",
               "nephew", "family"],
    "termination": ["but", "however", "patient", "he", "she", "personally", ";"],
}

HISTORY = {
    "history": ["history of", "past history", "previous", "previously", "prior", "h/o",
                "past medical history", "pmh", "status post", "s/p", "old", "remote",
                "in childhood", "as a child", "years ago", "treated for", "had a",
                "recovered from", "healed"],
    "termination": ["but", "however", "now", "currently", "presents", "admitted", "today",
                    "current", "ongoing", ";"],
}

#: Relationship words -> v3 RoleCode (https://terminology.hl7.org/ValueSet-v3-FamilyMember.html)
#: "maternal aunt", "paternal grandfather": the side of the family refines the relation.
SIDES = {"maternal": "M", "paternal": "P"}

RELATIONS = {
    "mother": "MTH", "mum": "MTH", "mom": "MTH", "father": "FTH", "dad": "FTH",
    "brother": "BRO", "sister": "SIS", "son": "SONC", "daughter": "DAUC",
    "grandfather": "GRFTH", "grandmother": "GRMTH", "uncle": "UNCLE", "aunt": "AUNT",
    "cousin": "COUSN", "sibling": "SIB", "siblings": "SIB", "parents": "PRN",
    "parent": "PRN", "twin": "TWIN", "niece": "NIECE", "nephew": "NEPHEW",
}
