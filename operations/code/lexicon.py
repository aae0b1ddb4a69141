"""Clinical abbreviations and synonyms (French and English) rewritten into the vocabulary of
classification labels before retrieval.

Clinicians write ``IDM``, ``BPCO exacerbée``, ``lt hip fx``; ICD-10 says "Acute myocardial
infarction", "Chronic obstructive pulmonary disease with acute exacerbation", "Fracture of neck
of femur". Each entry maps a folded phrase (see :func:`operations.code.text.fold`) to the words
the classification uses. A query is searched as written AND as rewritten; the best of both
counts. Entries are general clinical language, not tied to any test phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

#: abbreviations and acronyms, written by French clinicians
ABBREVIATIONS_FR: dict[str, str] = {
    "idm": "infarctus aigu du myocarde", "sca": "syndrome coronarien aigu infarctus",
    "st+": "infarctus transmural aigu du myocarde", "stemi": "infarctus transmural aigu",
    "nstemi": "infarctus sous endocardique aigu du myocarde",
    "hta": "hypertension essentielle", "htap": "hypertension pulmonaire",
    "fa": "fibrillation auriculaire", "acfa": "fibrillation auriculaire",
    "fa paroxystique": "fibrillation auriculaire paroxystique",
    "icc": "insuffisance cardiaque congestive",
    "icg": "insuffisance ventriculaire gauche", "oap": "oedeme aigu du poumon insuffisance "
    "ventriculaire gauche", "ep": "embolie pulmonaire", "tvp": "thrombose veineuse profonde "
    "phlebite", "avc": "accident vasculaire cerebral", "avc ischemique": "infarctus cerebral",
    "avc hemorragique": "hemorragie intracerebrale", "ait": "accident ischemique cerebral "
    "transitoire", "bpco": "maladie pulmonaire obstructive chronique",
    "pfla": "pneumonie lobaire", "pnp": "pneumopathie", "pneumo": "pneumopathie",
    "irc": "maladie renale chronique", "ira": "insuffisance renale aigue",
    "irct": "maladie renale chronique stade 5", "mrc": "maladie renale chronique",
    "dt1": "diabete sucre de type 1", "dt2": "diabete sucre de type 2",
    "did": "diabete sucre de type 1", "dnid": "diabete sucre de type 2",
    "diabete": "diabete sucre", "rgo": "reflux gastro oesophagien",
    "mici": "maladie de crohn rectocolite", "rch": "rectocolite hemorragique",
    "hbp": "hyperplasie de la prostate", "iu": "infection des voies urinaires",
    "itu": "infection des voies urinaires", "pna": "pyelonephrite aigue nephrite "
    "tubulo interstitielle aigue", "sep": "sclerose en plaques", "saos": "apnee du sommeil",
    "sas": "apnee du sommeil", "tc": "traumatisme intracranien", "tcc": "traumatisme "
    "intracranien", "hsa": "hemorragie sous arachnoidienne", "hsd": "hemorragie sous durale",
    "lca": "ligament croise anterieur", "aeg": "alteration de l etat general",
    "ivg": "interruption de grossesse avortement medical", "fcs": "avortement spontane",
    "geu": "grossesse extra uterine", "rpm": "rupture prematuree des membranes",
    "hpp": "hemorragie du post partum", "pr": "polyarthrite rhumatoide",
    "lea": "lupus erythemateux", "led": "lupus erythemateux dissemine",
    "tb": "tuberculose", "vih": "maladie due au virus de l immunodeficience humaine",
    "hvc": "hepatite virale c chronique", "hvb": "hepatite virale b chronique",
    "ohc": "alcool", "ethylisme": "troubles mentaux dus a l alcool syndrome de dependance",
    "ethylique": "alcool", "ins": "insuffisance", "insuf": "insuffisance",
    "insuff": "insuffisance", "sd": "syndrome", "synd": "syndrome",
    "cardiopathie ischemique": "cardiopathie arteriosclerotique",
    "coronaropathie": "cardiopathie arteriosclerotique", "hypoK": "hypokaliemie",
    "hypok": "hypokaliemie", "hyperk": "hyperkaliemie", "hypona": "hyponatremie",
    "dsh": "deshydratation hypovolemie", "kc": "tumeur maligne",
    "adk": "tumeur maligne", "adenocarcinome": "tumeur maligne", "carcinome": "tumeur maligne",
    "cancer": "tumeur maligne", "neo": "tumeur maligne", "lnh": "lymphome non hodgkinien",
    "lmc": "leucemie myeloide chronique", "llc": "leucemie lymphoide chronique",
    "g": "gauche", "dt": "droit", "gche": "gauche", "dte": "droite",
    "bilat": "bilateral", "ttt": "", "atcd": "antecedent personnel", "atcds": "antecedent "
    "personnel",
}

ABBREVIATIONS_FR.update({
    "vppb": "vertige paroxystique benin", "gea": "gastro enterite et colite d origine infectieuse",
    "tag": "anxiete generalisee", "toc": "trouble obsessionnel compulsif", "tspt": "etat de "
    "stress post traumatique", "ldgcb": "lymphome diffus a grandes cellules b",
    "lmnh": "lymphome non hodgkinien", "ppr": "pseudopolyarthrite rhizomelique polymyalgia",
    "pac": "pontage aorto coronarien", "ptg": "prothese articulaire du genou presence",
    "pth": "prothese articulaire de la hanche presence", "avk": "anticoagulants traitement "
    "prolonge", "aod": "anticoagulants traitement prolonge", "chc": "carcinome hepatocellulaire "
    "tumeur maligne du foie", "cbnpc": "tumeur maligne des bronches et du poumon",
    "cbpc": "tumeur maligne des bronches et du poumon", "mm": "myelome multiple",
    "dmla": "degenerescence maculaire liee a l age", "gcao": "glaucome primitif a angle ouvert",
    "oma": "otite moyenne aigue", "raa": "retrecissement aortique stenose aortique",
    "ra": "retrecissement aortique", "im": "insuffisance mitrale", "ia": "insuffisance aortique",
    "aomi": "atherosclerose des arteres distales arteriopathie des membres inferieurs",
    "aaa": "anevrisme aortique abdominal", "bav": "bloc auriculo ventriculaire",
    "bbg": "bloc de branche gauche", "bbd": "bloc de branche droit", "tv": "tachycardie "
    "ventriculaire", "tsv": "tachycardie supraventriculaire", "acr": "arret cardiaque",
    "ddb": "bronchectasie dilatation des bronches", "pid": "pneumopathie interstitielle",
    "sdra": "syndrome de detresse respiratoire de l adulte", "nash": "steatose hepatique",
    "cbp": "cirrhose biliaire primitive", "mh": "maladie de hodgkin", "ic": "insuffisance "
    "cardiaque", "ivd": "insuffisance ventriculaire droite", "ivg": "interruption volontaire de "
    "grossesse avortement medical", "hsa": "hemorragie sous arachnoidienne", "pc": "perte de "
    "connaissance", "tc": "traumatisme intracranien", "sca st+": "infarctus transmural aigu",
    "sca st-": "infarctus sous endocardique aigu", "sca non st": "infarctus sous endocardique "
    "aigu", "ca": "", "pnn": "", "crp": "", "ehpad": "", "old": "oxygenotherapie",
    "rgo": "reflux gastro oesophagien", "uge": "ulcere gastrique", "ugd": "ulcere gastro "
    "duodenal", "hdh": "hemorragie digestive haute hematemese", "hdb": "hemorragie digestive "
    "basse", "icd": "infection a clostridium difficile", "c diff": "enterocolite a clostridium "
    "difficile", "sarm": "staphylococcus aureus resistant a la meticilline",
    "blse": "beta lactamase", "pyelo": "pyelonephrite", "ns": "syndrome nephrotique",
    "gnra": "glomerulonephrite rapidement progressive", "ivu": "infection des voies urinaires",
    "hyperk": "hyperkaliemie", "hypoca": "hypocalcemie", "hyperca": "hypercalcemie",
    "acidocetose": "diabete avec acidocetose", "dg": "diabete sucre survenant au cours de la "
    "grossesse", "hta gravidique": "hypertension gravidique", "mfiu": "mort foetale in utero",
    "rciu": "retard de croissance intra uterin", "sa": "semaines", "accb": "",
    "spa": "spondylarthrite ankylosante", "pcr": "", "ttt": "",
})

#: abbreviations and acronyms, written by English-speaking clinicians
ABBREVIATIONS_EN: dict[str, str] = {
    "mi": "acute myocardial infarction", "ami": "acute myocardial infarction",
    "nstemi": "acute subendocardial myocardial infarction",
    "stemi": "acute transmural myocardial infarction", "acs": "acute coronary syndrome "
    "myocardial infarction", "htn": "essential hypertension", "hbp": "essential hypertension",
    "af": "atrial fibrillation", "afib": "atrial fibrillation", "a fib": "atrial fibrillation",
    "chf": "congestive heart failure", "hf": "heart failure", "hfref": "left ventricular "
    "failure", "lvf": "left ventricular failure", "cad": "atherosclerotic heart disease",
    "ihd": "chronic ischaemic heart disease", "pe": "pulmonary embolism",
    "dvt": "deep vein thrombosis phlebitis", "cva": "cerebral infarction stroke",
    "tia": "transient cerebral ischaemic attack", "copd": "chronic obstructive pulmonary "
    "disease", "aecopd": "chronic obstructive pulmonary disease with acute exacerbation",
    "cap": "pneumonia", "pna": "pneumonia", "pneumo": "pneumonia", "uri": "acute upper "
    "respiratory infection", "uti": "urinary tract infection", "ckd": "chronic kidney disease",
    "esrd": "chronic kidney disease stage 5", "aki": "acute renal failure",
    "arf": "acute renal failure", "t1dm": "type 1 diabetes mellitus", "t2dm": "type 2 "
    "diabetes mellitus", "dm": "diabetes mellitus", "dm2": "type 2 diabetes mellitus",
    "dm1": "type 1 diabetes mellitus", "iddm": "type 1 diabetes mellitus", "niddm": "type 2 "
    "diabetes mellitus", "dka": "diabetic ketoacidosis", "gerd": "gastro oesophageal reflux "
    "disease", "gord": "gastro oesophageal reflux disease", "ibd": "crohn disease ulcerative "
    "colitis", "uc": "ulcerative colitis", "ibs": "irritable bowel syndrome",
    "bph": "hyperplasia of prostate", "ms": "multiple sclerosis", "osa": "sleep apnoea",
    "ra": "rheumatoid arthritis", "oa": "osteoarthritis arthrosis", "sle": "systemic lupus "
    "erythematosus", "tb": "tuberculosis", "hiv": "human immunodeficiency virus disease",
    "hcv": "chronic viral hepatitis c", "hbv": "chronic viral hepatitis b",
    "gi bleed": "gastrointestinal haemorrhage", "ugib": "haematemesis gastrointestinal "
    "haemorrhage", "sah": "subarachnoid haemorrhage", "sdh": "subdural haemorrhage",
    "tbi": "intracranial injury", "acl": "anterior cruciate ligament", "fx": "fracture",
    "fxs": "fracture", "lt": "left", "rt": "right", "b/l": "bilateral",
    "bilat": "bilateral", "hx": "personal history", "h/o": "personal history", "s/p": "",
    "etoh": "alcohol", "sob": "dyspnoea", "cp": "chest pain", "abd": "abdominal",
    "ca": "malignant neoplasm", "cancer": "malignant neoplasm", "carcinoma": "malignant "
    "neoplasm", "adenocarcinoma": "malignant neoplasm", "nhl": "non hodgkin lymphoma",
    "cll": "chronic lymphocytic leukaemia", "cml": "chronic myeloid leukaemia",
    "aml": "acute myeloblastic leukaemia",
    "mdd": "major depressive disorder recurrent", "gad": "generalized anxiety disorder",
    "ptsd": "post traumatic stress disorder", "adhd": "attention deficit hyperactivity",
    "ocd": "obsessive compulsive disorder", "copd exacerbation": "chronic obstructive "
    "pulmonary disease with acute exacerbation", "bppv": "benign paroxysmal vertigo",
    "pud": "peptic ulcer", "sbo": "intestinal obstruction", "lbp": "low back pain",
    "rle": "", "rll": "", "lll": "", "rul": "", "lul": "", "rml": "",
    "age": "acute gastroenteritis infectious",
    "hld": "hyperlipidaemia", "hl": "hyperlipidaemia", "hchol": "hypercholesterolaemia",
    "poag": "primary open angle glaucoma", "amd": "age related macular degeneration",
    "armd": "age related macular degeneration", "aom": "acute otitis media",
    "nsclc": "malignant neoplasm of bronchus or lung", "sclc": "malignant neoplasm of "
    "bronchus or lung", "hcc": "hepatocellular carcinoma liver cell carcinoma",
    "rcc": "malignant neoplasm of kidney", "dlbcl": "diffuse large b cell lymphoma",
    "mm": "multiple myeloma", "cabg": "presence of aortocoronary bypass graft",
    "pci": "presence of coronary angioplasty implant and graft", "thr": "presence of "
    "orthopaedic joint implant hip", "tkr": "presence of orthopaedic joint implant knee",
    "as": "aortic stenosis", "ar": "aortic insufficiency", "mr": "mitral insufficiency",
    "pad": "atherosclerosis of arteries of extremities", "pvd": "atherosclerosis of arteries "
    "of extremities", "aaa": "abdominal aortic aneurysm", "chb": "complete atrioventricular "
    "block", "lbbb": "left bundle branch block", "rbbb": "right bundle branch block",
    "vt": "ventricular tachycardia", "svt": "supraventricular tachycardia",
    "ards": "adult respiratory distress syndrome",
    "ild": "interstitial pulmonary disease", "nafld": "fatty liver", "nash": "fatty liver",
    "c diff": "enterocolitis due to clostridium difficile", "cdiff": "enterocolitis due to "
    "clostridium difficile", "mrsa": "staphylococcus aureus resistant to methicillin",
    "dm ii": "type 2 diabetes mellitus", "type ii": "type 2", "type i": "type 1",
    "gdm": "diabetes mellitus arising in pregnancy", "pih": "gestational hypertension",
    "iugr": "fetal growth retardation", "pprom": "premature rupture of membranes",
    "nsvd": "spontaneous vertex delivery", "svd": "spontaneous vertex delivery",
    "lscs": "delivery by caesarean section", "pph": "postpartum haemorrhage",
    "ckd3": "chronic kidney disease stage 3", "ckd4": "chronic kidney disease stage 4",
    "ckd5": "chronic kidney disease stage 5", "ugi bleed": "gastrointestinal haemorrhage",
    "lgib": "gastrointestinal haemorrhage", "loc": "loss of consciousness",
    "hypok": "hypokalaemia", "hyperk": "hyperkalaemia", "hyponat": "hyponatraemia",
    "sz": "seizure convulsions", "ha": "headache",
    "n/v": "nausea and vomiting", "abd pain": "abdominal pain", "ams": "altered mental "
    "status", "fb": "foreign body", "lac": "laceration open wound", "mva": "",
    "ppx": "", "prn": "", "wu": "", "w/u": "",
}

#: clinical wording -> classification wording, French
SYNONYMS_FR: dict[str, str] = {
    "decompensation cardiaque": "insuffisance cardiaque",
    "decompensation cardiaque globale": "insuffisance cardiaque congestive",
    "insuffisance cardiaque globale": "insuffisance cardiaque congestive",
    "decompensation de bpco": "maladie pulmonaire obstructive chronique avec episodes aigus",
    "exacerbation de bpco": "maladie pulmonaire obstructive chronique avec episodes aigus",
    "bpco exacerbee": "maladie pulmonaire obstructive chronique avec episodes aigus",
    "bpco decompensee": "maladie pulmonaire obstructive chronique avec episodes aigus",
    "infection urinaire": "infection des voies urinaires siege non precise",
    "infection urinaire basse": "cystite", "pyelonephrite": "nephrite tubulo interstitielle "
    "aigue", "infarctus cerebral": "infarctus cerebral", "crise convulsive": "convulsions",
    "crise d epilepsie": "epilepsie", "depression": "episode depressif",
    "syndrome depressif": "episode depressif", "etat depressif": "episode depressif",
    "anemie ferriprive": "anemie par carence en fer", "anemie martiale": "anemie par carence "
    "en fer", "colique nephretique": "colique nephretique calcul du rein",
    "lithiase urinaire": "calcul urinaire", "lithiase biliaire": "calcul de la vesicule "
    "biliaire cholelithiase", "lithiase vesiculaire": "calcul de la vesicule biliaire",
    "cholecystite": "cholecystite aigue", "appendicite": "appendicite aigue",
    "grippe": "grippe virus", "bronchiolite": "bronchiolite aigue",
    "angine": "pharyngite amygdalite aigue", "gastro enterite": "gastro enterite et colite",
    "gastroenterite": "gastro enterite et colite", "hernie inguinale": "hernie inguinale",
    "col du femur": "col du femur", "col femoral": "col du femur", "femoral": "femur",
    "fracture du poignet": "fracture extremite inferieure du radius",
    "fracture de la cheville": "fracture de la cheville malleole",
    "entorse de cheville": "entorse et foulure de la cheville", "entorse cheville": "entorse "
    "et foulure de la cheville", "lombalgie": "lombalgie basse", "lumbago": "lombalgie basse",
    "sciatique": "sciatique", "cervicalgie": "cervicalgie", "douleur thoracique": "douleur "
    "thoracique", "malaise": "malaise", "syncope": "syncope et collapsus",
    "hypoglycemie": "hypoglycemie", "denutrition": "malnutrition proteino energetique",
    "obesite morbide": "obesite", "hypercholesterolemie": "hypercholesterolemie pure",
    "dyslipidemie": "hyperlipidemie", "insuffisance respiratoire aigue": "insuffisance "
    "respiratoire aigue", "alzheimer": "maladie d alzheimer", "demence": "demence",
    "parkinson": "maladie de parkinson", "migraine": "migraine", "cirrhose": "cirrhose du "
    "foie", "cirrhose alcoolique": "cirrhose alcoolique du foie", "pancreatite": "pancreatite "
    "aigue", "sigmoidite": "diverticulite du colon", "diverticulite": "diverticulite du colon",
    "occlusion": "occlusion intestinale", "hemorragie digestive": "hemorragie gastro "
    "intestinale", "ulcere gastrique": "ulcere de l estomac", "erysipele": "erysipele",
    "cellulite": "phlegmon cellulite", "escarre": "ulcere de decubitus",
    "chute": "chute", "thrombose veineuse": "phlebite et thrombophlebite",
    "phlebite": "phlebite et thrombophlebite", "arthrose": "arthrose",
    "coxarthrose": "coxarthrose", "gonarthrose": "gonarthrose", "goutte": "goutte",
    "hypothyroidie": "hypothyroidie", "hyperthyroidie": "thyreotoxicose hyperthyroidie",
    "pneumopathie": "pneumopathie", "pneumonie": "pneumopathie", "sepsis": "septicemie",
    "choc septique": "choc septique septicemie", "tabagisme": "tabac", "psoriasis": "psoriasis",
    "schizophrenie": "schizophrenie", "trouble bipolaire": "trouble affectif bipolaire",
    "anxiete": "anxiete", "insomnie": "insomnie", "covid": "covid 19", "covid 19": "covid 19",
    "cancer du sein": "tumeur maligne du sein", "cancer du poumon": "tumeur maligne des "
    "bronches et du poumon", "cancer de la prostate": "tumeur maligne de la prostate",
    "cancer du colon": "tumeur maligne du colon", "metastase": "tumeur maligne secondaire",
    "metastases": "tumeur maligne secondaire", "accouchement": "accouchement",
    "cesarienne": "accouchement par cesarienne", "pre eclampsie": "pre eclampsie",
    "diabete gestationnel": "diabete sucre survenant au cours de la grossesse",
    "stade 3": "stade 3", "stade 4": "stade 4", "stade 5": "stade 5",
}

#: clinical wording -> classification wording, English
SYNONYMS_EN: dict[str, str] = {
    "heart attack": "acute myocardial infarction", "myocardial infarction": "acute "
    "myocardial infarction", "high blood pressure":
    "essential hypertension", "stroke": "cerebral "
    "infarction", "kidney": "renal", "kidney failure": "renal failure", "kidney stone":
    "calculus of kidney", "renal colic": "renal colic", "broken": "fracture",
    "hip fracture": "fracture of neck of femur", "hip fx": "fracture of neck of femur",
    "wrist fracture": "fracture of lower end of radius", "ankle fracture": "fracture of ankle "
    "malleolus", "ankle sprain": "sprain and strain of ankle", "low back pain": "low back pain",
    "back pain": "low back pain", "chest pain": "chest pain", "shortness of breath":
    "dyspnoea", "pneumonia": "pneumonia", "community acquired pneumonia": "pneumonia",
    "aspiration pneumonia": "pneumonitis due to food and vomit", "urinary tract infection":
    "urinary tract infection site not specified", "bladder infection": "cystitis",
    "pyelonephritis": "acute tubulo interstitial nephritis", "flu": "influenza",
    "influenza": "influenza", "sore throat": "acute pharyngitis", "strep throat":
    "streptococcal pharyngitis", "gallstones": "cholelithiasis calculus of gallbladder",
    "appendicitis": "acute appendicitis", "cholecystitis": "acute cholecystitis",
    "pancreatitis": "acute pancreatitis", "diverticulitis": "diverticular disease of large "
    "intestine", "bowel obstruction": "intestinal obstruction", "gi bleeding":
    "gastrointestinal haemorrhage", "depression": "depressive episode", "depressed":
    "depressive episode", "anxiety": "anxiety disorder", "alcohol use disorder": "mental and "
    "behavioural disorders due to use of alcohol dependence syndrome", "alcohol dependence":
    "mental and behavioural disorders due to use of alcohol dependence syndrome",
    "dementia": "dementia", "alzheimer": "alzheimer disease", "parkinson": "parkinson disease",
    "seizure": "convulsions epilepsy", "seizures": "convulsions epilepsy", "epilepsy":
    "epilepsy", "migraine": "migraine", "cellulitis": "cellulitis", "pressure ulcer":
    "decubitus ulcer", "bedsore": "decubitus ulcer", "fall": "fall", "obesity": "obesity",
    "morbid obesity": "obesity", "high cholesterol": "pure hypercholesterolaemia",
    "hyperlipidemia": "hyperlipidaemia", "hypothyroidism": "hypothyroidism",
    "hyperthyroidism": "thyrotoxicosis hyperthyroidism", "sepsis": "sepsis septicaemia",
    "septic shock": "septic shock", "dehydration": "volume depletion dehydration",
    "malnutrition": "protein energy malnutrition", "smoker": "tobacco use",
    "breast cancer": "malignant neoplasm of breast", "lung cancer": "malignant neoplasm of "
    "bronchus or lung", "prostate cancer": "malignant neoplasm of prostate", "colon cancer":
    "malignant neoplasm of colon", "metastases": "secondary malignant neoplasm",
    "mets": "secondary malignant neoplasm", "c section": "delivery by caesarean section",
    "cesarean": "delivery by caesarean section", "preeclampsia": "pre eclampsia",
    "gestational diabetes": "diabetes mellitus arising in pregnancy",
    "exacerbation": "with acute exacerbation", "flare": "with acute exacerbation",
    "uncontrolled": "", "poorly controlled": "", "acute on chronic": "acute",
}


def _compile(table: dict[str, str]) -> list[tuple[re.Pattern[str], str]]:
    items = sorted(((fold(k), fold(v)) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    return [(re.compile(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])"), v) for k, v in items if k]


@lru_cache(maxsize=4)
def _tables(language: str | None) -> list[tuple[re.Pattern[str], str]]:
    table: dict[str, str] = {}
    if language in (None, "en"):
        table.update(SYNONYMS_EN)
        table.update(ABBREVIATIONS_EN)
    if language in (None, "fr"):
        table.update(SYNONYMS_FR)
        table.update(ABBREVIATIONS_FR)
    return _compile(table)


def rewrite(text: str, language: str | None = None) -> str:
    """``text`` folded, with abbreviations expanded and clinical wording replaced by the
    classification's (one pass: a replacement is never rewritten again)."""
    folded = f" {fold(text)} "
    out: list[tuple[int, int, str]] = []
    for pattern, replacement in _tables(language):
        for m in pattern.finditer(folded):
            if all(m.end() <= s or m.start() >= e for s, e, _ in out):
                out.append((m.start(), m.end(), replacement))
    if not out:
        return folded.strip()
    pieces, pos = [], 0
    for start, end, replacement in sorted(out):
        pieces += [folded[pos:start], f" {replacement} "]
        pos = end
    pieces.append(folded[pos:])
    return " ".join("".join(pieces).split())
