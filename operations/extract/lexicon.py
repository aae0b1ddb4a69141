"""Condition, allergen and reaction lexicons (French and English) with ICD-10 codes.

Conditions are coded in WHO ICD-10 (http://hl7.org/fhir/sid/icd-10), which CIM-10 FR
extends; the codes below are valid in both. ``chronic`` marks conditions that stay active when
listed among antecedents (a hypertension "in the history" is still treated).
"""

from __future__ import annotations

from .conditions_more import MORE
from .lexicon_types import ConditionTerm
from .lexicon_types import c as _c

_BASE: tuple[ConditionTerm, ...] = (
    _c("I10", "Essential (primary) hypertension",
       "hta|hypertension arterielle|hypertension|hypertendu|hypertendue",
       "hypertension|htn|high blood pressure|arterial hypertension", True),
    _c("E11", "Type 2 diabetes mellitus",
       "diabete de type 2|diabete type 2|dt2|diabete non insulinodependant|dnid|diabete|diabetique",
       "type 2 diabetes|type 2 diabetes mellitus|t2dm|diabetes mellitus type 2|diabetes|"
       "diabetes mellitus|diabetic|niddm", True),
    _c("E10", "Type 1 diabetes mellitus", "diabete de type 1|diabete type 1|dt1",
       "type 1 diabetes|t1dm|type 1 diabetes mellitus", True),
    _c("I21", "Acute myocardial infarction",
       "infarctus du myocarde|infarctus myocardique|idm|infarctus|syndrome coronarien aigu|sca",
       "myocardial infarction|heart attack|mi|stemi|nstemi|acute coronary syndrome"),
    _c("I25", "Chronic ischaemic heart disease", "cardiopathie ischemique|coronaropathie|"
       "insuffisance coronarienne", "ischemic heart disease|coronary artery disease|cad", True),
    _c("I48", "Atrial fibrillation and flutter",
       "fibrillation auriculaire|fibrillation atriale|acfa|fa|flutter auriculaire",
       "atrial fibrillation|afib|af|atrial flutter", True),
    _c("I50", "Heart failure", "insuffisance cardiaque|ic", "heart failure|chf|"
       "congestive heart failure|cardiac failure", True),
    _c("I63", "Cerebral infarction", "avc ischemique|accident vasculaire cerebral|avc|"
       "infarctus cerebral", "stroke|cerebral infarction|ischemic stroke|cva"),
    _c("G45", "Transient cerebral ischaemic attack", "ait|accident ischemique transitoire",
       "transient ischemic attack|tia"),
    _c("I26", "Pulmonary embolism", "embolie pulmonaire|ep", "pulmonary embolism|pe"),
    _c("I80", "Phlebitis and thrombophlebitis", "thrombose veineuse profonde|tvp|phlebite",
       "deep vein thrombosis|dvt|deep venous thrombosis"),
    _c("J45", "Asthma", "asthme|asthmatique", "asthma|asthmatic", True),
    _c("J44", "Chronic obstructive pulmonary disease", "bpco|bronchopneumopathie chronique "
       "obstructive", "copd|chronic obstructive pulmonary disease", True),
    _c("J18", "Pneumonia, organism unspecified", "pneumopathie|pneumonie|"
       "pneumopathie infectieuse|pneumopathie d'inhalation", "pneumonia|chest infection"),
    _c("U07.1", "COVID-19", "covid-19|covid|infection a sars-cov-2", "covid-19|covid|"
       "sars-cov-2 infection"),
    _c("N18", "Chronic kidney disease", "insuffisance renale chronique|irc|maladie renale "
       "chronique", "chronic kidney disease|ckd|chronic renal failure", True),
    _c("N17", "Acute kidney failure", "insuffisance renale aigue|ira", "acute kidney injury|"
       "aki|acute renal failure"),
    _c("N39.0", "Urinary tract infection", "infection urinaire|pyelonephrite|cystite",
       "urinary tract infection|uti|pyelonephritis|cystitis"),
    _c("E78", "Disorders of lipoprotein metabolism", "dyslipidemie|hypercholesterolemie|"
       "hyperlipidemie", "dyslipidemia|hypercholesterolemia|hyperlipidemia|high cholesterol",
       True),
    _c("E66", "Obesity", "obesite|obese", "obesity|obese", True),
    _c("E03", "Hypothyroidism", "hypothyroidie", "hypothyroidism", True),
    _c("E05", "Thyrotoxicosis", "hyperthyroidie", "hyperthyroidism", True),
    _c("K21", "Gastro-oesophageal reflux disease", "rgo|reflux gastro-oesophagien|"
       "reflux gastro oesophagien", "gerd|gastroesophageal reflux|gastro-oesophageal reflux|"
       "reflux disease", True),
    _c("K35", "Acute appendicitis", "appendicite", "appendicitis"),
    _c("K80", "Cholelithiasis", "lithiase biliaire|cholecystite|colique hepatique",
       "cholelithiasis|gallstones|cholecystitis"),
    _c("K85", "Acute pancreatitis", "pancreatite aigue|pancreatite", "acute pancreatitis|"
       "pancreatitis"),
    _c("K74", "Fibrosis and cirrhosis of liver", "cirrhose", "cirrhosis", True),
    _c("C50", "Malignant neoplasm of breast", "cancer du sein|carcinome mammaire|"
       "neoplasie mammaire", "breast cancer|breast carcinoma"),
    _c("C34", "Malignant neoplasm of bronchus and lung", "cancer du poumon|cancer bronchique|"
       "carcinome bronchique|adenocarcinome pulmonaire", "lung cancer|lung carcinoma"),
    _c("C18", "Malignant neoplasm of colon", "cancer du colon|adenocarcinome colique|"
       "cancer colique", "colon cancer|colorectal cancer"),
    _c("C61", "Malignant neoplasm of prostate", "cancer de la prostate|adenocarcinome "
       "prostatique", "prostate cancer"),
    _c("F32", "Depressive episode", "depression|syndrome depressif|episode depressif",
       "depression|depressive episode|major depressive disorder"),
    _c("F41", "Other anxiety disorders", "trouble anxieux|anxiete generalisee|anxiete",
       "anxiety disorder|generalized anxiety|anxiety"),
    _c("F03", "Unspecified dementia", "demence|troubles cognitifs",
       "dementia|cognitive impairment", True),
    _c("G40", "Epilepsy", "epilepsie|epileptique", "epilepsy|seizure disorder", True),
    _c("G43", "Migraine", "migraine|migraines", "migraine|migraines", True),
    _c("G20", "Parkinson disease", "maladie de parkinson|parkinson", "parkinson's disease|"
       "parkinson disease|parkinson", True),
    _c("M81", "Osteoporosis", "osteoporose", "osteoporosis", True),
    _c("M17", "Gonarthrosis", "gonarthrose", "knee osteoarthritis|gonarthrosis", True),
    _c("M19", "Other arthrosis", "arthrose", "osteoarthritis|arthrosis", True),
    _c("M06", "Rheumatoid arthritis", "polyarthrite rhumatoide|pr",
       "rheumatoid arthritis|ra", True),
    _c("M10", "Gout", "goutte|crise de goutte", "gout", True),
    _c("D50", "Iron deficiency anaemia", "anemie ferriprive|carence martiale",
       "iron deficiency anemia|iron deficiency anaemia"),
    _c("D64.9", "Anaemia, unspecified", "anemie", "anemia|anaemia"),
    _c("A41", "Other sepsis", "sepsis|choc septique|septicemie", "sepsis|septic shock"),
    _c("G47.3", "Sleep apnoea", "sas|saos|syndrome d'apnees du sommeil|apnee du sommeil",
       "sleep apnea|obstructive sleep apnea|osa|sleep apnoea", True),
    _c("F10", "Mental and behavioural disorders due to use of alcohol", "ethylisme chronique|"
       "alcoolisme|ethylisme|alcoolo-dependance", "alcoholism|alcohol use disorder|"
       "alcohol dependence", True),
    _c("F17", "Mental and behavioural disorders due to use of tobacco", "tabagisme actif|"
       "tabagisme", "smoker|tobacco use|smoking|smokes|smoke|smoked", True),
    _c("B18", "Chronic viral hepatitis", "hepatite b chronique|hepatite c|hepatite b|vhc|vhb",
       "hepatitis c|hepatitis b|hcv|hbv", True),
    _c("B20", "HIV disease", "vih|infection vih|sida", "hiv|hiv infection|aids", True),
    _c("S72", "Fracture of femur", "fracture du col du femur|fracture du femur|"
       "fracture de hanche", "hip fracture|femoral neck fracture|fracture of the femur"),
    _c("I83", "Varicose veins of lower extremities", "varices", "varicose veins", True),
    _c("I20", "Angina pectoris", "angor|angine de poitrine", "angina|angina pectoris"),
    _c("I71", "Aortic aneurysm", "anevrisme de l'aorte|anevrisme aortique",
       "aortic aneurysm|aaa"),
    _c("I73.9", "Peripheral vascular disease", "arteriopathie obliterante des membres "
       "inferieurs|aomi|arteriopathie", "peripheral arterial disease|pad|"
       "peripheral vascular disease", True),
    _c("K25", "Gastric ulcer", "ulcere gastrique|ulcere gastroduodenal", "gastric ulcer|"
       "peptic ulcer", False),
    _c("K57", "Diverticular disease of intestine", "diverticulite", "diverticulitis"),
    _c("N40", "Hyperplasia of prostate", "hypertrophie benigne de la prostate|hbp|"
       "adenome prostatique", "benign prostatic hyperplasia|bph", True),
    _c("H40", "Glaucoma", "glaucome", "glaucoma", True),
    _c("H25", "Senile cataract", "cataracte", "cataract"),
    _c("L40", "Psoriasis", "psoriasis", "psoriasis", True),
    _c("J30", "Vasomotor and allergic rhinitis", "rhinite allergique", "allergic rhinitis|"
       "hay fever", True),
    _c("R07.4", "Chest pain, unspecified", "douleur thoracique", "chest pain"),
    _c("R55", "Syncope and collapse", "syncope|malaise", "syncope|fainting"),
    _c("E87.1", "Hypo-osmolality and hyponatraemia", "hyponatremie", "hyponatremia"),
    _c("E87.6", "Hypokalaemia", "hypokaliemie", "hypokalemia"),
    _c("I95", "Hypotension", "hypotension", "hypotension"),
    _c("I95.1", "Orthostatic hypotension", "hypotension orthostatique", "orthostatic "
       "hypotension|postural hypotension", True),
    _c("R50.9", "Fever, unspecified", "fievre|syndrome febrile|hyperthermie", "fever|pyrexia"),
    _c("O24", "Diabetes mellitus in pregnancy", "diabete gestationnel",
       "gestational diabetes"),
    _c("J20", "Acute bronchitis", "bronchite aigue|bronchite", "acute bronchitis|bronchitis"),
    _c("J06.9", "Acute upper respiratory infection, unspecified", "rhinopharyngite|"
       "infection des voies aeriennes superieures", "upper respiratory tract infection|urti"),
    _c("J11", "Influenza, virus not identified", "grippe", "influenza"),
    _c("J96", "Respiratory failure", "insuffisance respiratoire", "respiratory failure"),
    _c("K29", "Gastritis and duodenitis", "gastrite", "gastritis"),
    _c("K92.2", "Gastrointestinal haemorrhage, unspecified", "hemorragie digestive",
       "gastrointestinal bleeding|gi bleed|gastrointestinal haemorrhage"),
    _c("A09", "Gastroenteritis and colitis of unspecified origin", "gastro-enterite|"
       "gastroenterite", "gastroenteritis"),
    _c("K50", "Crohn disease", "maladie de crohn", "crohn's disease|crohn disease", True),
    _c("K51", "Ulcerative colitis", "rectocolite hemorragique", "ulcerative colitis", True),
    _c("K76.0", "Fatty liver", "steatose hepatique", "fatty liver|nafld", True),
    _c("N20", "Calculus of kidney and ureter", "colique nephretique|lithiase urinaire|"
       "lithiase renale|calcul urinaire|calcul renal|calcul", "kidney stones|renal colic|"
       "nephrolithiasis|kidney stone|ureteric stone|renal stone|stone|calculus|vuj stone"),
    _c("L03", "Cellulitis", "erysipele|dermohypodermite", "cellulitis|erysipelas"),
    _c("L89", "Pressure ulcer", "escarre|escarres", "pressure ulcer|pressure sore|bedsore"),
    _c("B02", "Zoster", "zona", "shingles|herpes zoster"),
    _c("M54.5", "Low back pain", "lombalgie|lombalgies", "low back pain|lumbago"),
    _c("R51", "Headache", "cephalees|cephalee", "headache|headaches"),
    _c("E44", "Protein-energy malnutrition", "denutrition", "malnutrition|undernutrition"),
    _c("E86", "Volume depletion", "deshydratation", "dehydration"),
    _c("E87.5", "Hyperkalaemia", "hyperkaliemie", "hyperkalemia|hyperkalaemia"),
    _c("E55", "Vitamin D deficiency", "carence en vitamine d", "vitamin d deficiency"),
    _c("D69.6", "Thrombocytopenia, unspecified", "thrombopenie", "thrombocytopenia"),
    _c("F20", "Schizophrenia", "schizophrenie", "schizophrenia", True),
    _c("F31", "Bipolar affective disorder", "trouble bipolaire", "bipolar disorder", True),
    _c("G35", "Multiple sclerosis", "sclerose en plaques|sep", "multiple sclerosis", True),
    _c("I61", "Intracerebral haemorrhage", "hemorragie cerebrale|avc hemorragique|"
       "transformation hemorragique",
       "intracerebral hemorrhage|hemorrhagic stroke"),
    _c("I27", "Other pulmonary heart diseases", "hypertension pulmonaire|htap",
       "pulmonary hypertension", True),
    _c("I35", "Nonrheumatic aortic valve disorders", "retrecissement aortique",
       "aortic stenosis", True),
    _c("C85", "Non-Hodgkin lymphoma", "lymphome", "lymphoma"),
    _c("C95", "Leukaemia of unspecified cell type", "leucemie", "leukemia|leukaemia"),
    _c("C43", "Malignant melanoma of skin", "melanome", "melanoma"),
    _c("C25", "Malignant neoplasm of pancreas", "cancer du pancreas", "pancreatic cancer"),
    _c("C16", "Malignant neoplasm of stomach", "cancer de l'estomac|cancer gastrique",
       "gastric cancer|stomach cancer"),
    _c("C67", "Malignant neoplasm of bladder", "cancer de la vessie", "bladder cancer"),
)

#: Every condition term: the common list above and :mod:`.conditions_more` (by specialty).
CONDITIONS: tuple[ConditionTerm, ...] = (*_BASE, *MORE)

#: Non-drug allergens (the drug lexicon of edsnlp covers the drugs), name -> display.
ALLERGENS: dict[str, tuple[str, ...]] = {
    "fr": ("latex", "iode", "produits de contraste iodes", "produit de contraste iode",
           "arachide", "arachides", "fruits a coque", "pollen", "pollens", "acariens",
           "crustaces", "fruits de mer", "oeuf", "lait", "gluten", "piqures d'hymenopteres",
           "venin de guepe", "sparadrap", "nickel", "poils de chat", "penicillines",
           "betalactamines", "beta-lactamines", "sulfamides", "ains", "morphiniques", "penicilline",
           "anti-inflammatoires", "fraise", "kiwi", "poisson", "produits iodes", "produit iode",
           "pansements adhesifs", "adhesifs", "chlorhexidine", "betadine", "povidone iodee",
           "cephalosporines", "quinolones", "macrolides", "opiaces",
           "curares", "celeri", "moutarde", "sesame", "soja", "ble", "pecher", "peche", "banane",
           "avocat", "ambroisie", "graminees", "poils d'animaux", "venin d'abeille", "abeille",
           "guepe", "metaux", "chrome", "cobalt", "parfums", "conservateurs", "aminosides",
           "glycopeptides", "carbapenemes"),
    "en": ("latex", "iodine", "iodinated contrast", "contrast media", "contrast dye",
           "peanut", "peanuts", "tree nuts", "nuts", "pollen", "dust mites", "shellfish",
           "seafood", "egg", "eggs", "milk", "gluten", "bee stings", "wasp venom",
           "adhesive tape", "nickel", "cat dander", "penicillins", "beta-lactams",
           "sulfa drugs", "sulfa", "sulfonamides", "nsaids", "opioids", "penicillin",
           "strawberries", "kiwi", "fish", "elastoplast", "plasters", "plaster", "adhesive",
           "adhesive dressings", "micropore", "tape", "chlorhexidine", "iodine-based",
           "cephalosporins", "quinolones", "macrolides", "tetracyclines", "opiates",
           "celery", "mustard", "sesame", "soy", "soya", "wheat", "banana", "avocado", "grass",
           "ragweed", "animal dander", "dog hair", "cat hair", "bee venom", "bees", "wasps",
           "metal", "perfume", "fragrance", "sulphonamides", "sulpha",
           "aminoglycosides", "glycopeptides", "carbapenems"),
}

#: Allergic reactions (manifestations), French and English.
REACTIONS: tuple[str, ...] = (
    "urticaire", "oedeme de quincke", "angio-oedeme", "choc anaphylactique", "anaphylaxie",
    "eruption cutanee", "eruption", "rash", "prurit", "bronchospasme", "toxidermie",
    "oedeme", "nausees", "vomissements", "diarrhee", "dyspnee", "eczema", "syndrome de lyell",
    "hives", "urticaria", "angioedema", "anaphylaxis", "anaphylactic shock", "itching",
    "swelling", "wheezing", "nausea", "vomiting", "diarrhea", "stevens-johnson syndrome",
    "skin rash", "toux", "cough", "myalgies", "myalgia", "intolerance digestive",
)

#: Words the drug lexicon knows as brand names but that are ordinary words in letters.
DRUG_STOPWORDS: frozenset[str] = frozenset({
    "daily", "for", "once", "twice", "day", "night", "bid", "tid", "prn", "plus", "ok", "stop",
    "total", "normal", "calm", "advance", "relief", "control", "gel", "spray", "dose", "ras",
    "bilan", "contre", "nuit", "jour", "soir", "matin", "vital", "soluble", "retard", "forte",
    "regular", "active", "care", "test", "balance", "zero", "eye", "ear", "glucose",
    "pneumo", "albumine", "albumin",
})

#: English INNs whose French form differs by more than a final "e" (ATC codes, WHO).
ENGLISH_DRUGS: dict[str, list[str]] = {
    "B01AC06": ["aspirin", "acetylsalicylic acid"], "R03BB04": ["tiotropium"],
    "B03BA01": ["folic acid"], "J01EA01": ["trimethoprim"],
    "R03AC02": ["salbutamol", "albuterol"], "J01CA04": ["amoxicillin"],

    "A02BC01": ["omeprazole"],
    "C10AA05": ["atorvastatin"], "C10AA01": ["simvastatin"], "B01AC04": ["clopidogrel"],
    "N03AX14": ["levetiracetam"], "J01XE01": ["nitrofurantoin"], "L04AX03": ["methotrexate"],
    "M04AA01": ["allopurinol"],
    "N04BA02": ["levodopa", "co-careldopa", "sinemet", "madopar", "co-beneldopa"],
    "M05BA04": ["alendronate", "alendronic acid"], "C08CA01": ["amlodipine"],
    "C09AA03": ["lisinopril"], "C09AA05": ["ramipril"], "A10BA02": ["metformin"],
    "C07AB07": ["bisoprolol"], "C07AA05": ["propranolol"], "N06AB06": ["sertraline"],
    "R03DC03": ["montelukast"], "B01AF02": ["apixaban"], "B01AF01": ["rivaroxaban"],
    "A10AE04": ["insulin glargine"], "N02AX02": ["tramadol"], "J01DB04": ["cefazolin"],
    "H02AB06": ["prednisolone"], "H02AB07": ["prednisone"], "N02AA59": ["co-codamol"],
    "R06AE07": ["cetirizine"], "A12AX": ["calcium and vitamin d", "adcal-d3", "adcal d3",
                                         "calcichew", "calcichew-d3", "calcichew d3"],
    # British / American names and brands that the drug-named-entity-recognition dictionary
    # (US-centred) and Romedi (French) both miss.
    "H03AA01": ["levothyroxine", "thyroxine", "synthroid", "levoxyl", "eltroxin"],
    "A03BB01": ["buscopan", "hyoscine butylbromide"], "A11CC05": ["colecalciferol",
                                                                  "cholecalciferol", "fultium",
                                                                  "fultium-d3", "fultium d3",
                                                                  "invita d3", "vitamin d3"],
    "A02BX13": ["gaviscon", "peptac"], "A06AD65": ["movicol", "laxido", "macrogol"],
    "A06AB06": ["senna", "senokot"], "N02AJ06": ["co-codamol", "solpadol", "kapake"],
    "N02AJ13": ["co-dydramol"], "B03AA07": ["ferrous sulphate", "ferrous sulfate"],
    "B03AA02": ["ferrous fumarate"], "R03AK06": ["seretide", "advair"],
    "R03AK07": ["symbicort"], "R03AK08": ["fostair"], "R03BA01": ["clenil", "qvar",
                                                                  "beclometasone",
                                                                  "beclomethasone"],
    "A10AB05": ["novorapid", "insulin aspart"], "A10AB04": ["humalog", "insulin lispro"],
    "A10AE05": ["levemir", "insulin detemir"], "A10AE06": ["tresiba", "insulin degludec"],
    "N03AG01": ["epilim", "sodium valproate", "depakote"],
    "C03AA01": ["bendroflumethiazide", "bendrofluazide"], "C01DA02": ["gtn", "glyceryl "
                                                                      "trinitrate"],
    "C01DA14": ["isosorbide mononitrate", "ismn"], "C01DX16": ["nicorandil"],
    "B03BA03": ["hydroxocobalamin"], "A11DA01": ["thiamine"], "A11DB": ["pabrinex"],
    "J01CF05": ["flucloxacillin"], "J01DB01": ["cefalexin", "cephalexin"],
    "J01CR05": ["tazocin", "piperacillin-tazobactam", "pip-taz"], "R06AE03": ["cyclizine"],
    "A03FA03": ["domperidone"], "A06AA02": ["docusate"], "R06AB04": ["chlorphenamine",
                                                                     "piriton"],
    "C03CA01": ["furosemide", "frusemide", "lasix"], "B01AA03": ["warfarin", "coumadin"],
    "N05CF01": ["zopiclone"], "A10BB09": ["gliclazide"], "A07EC02": ["mesalazine",
                                                                     "mesalamine"],
    "N02AA01": ["morphine", "oramorph", "zomorph", "mst continus", "morphine sulphate",
                "actiskenan", "skenan", "oramorph"],
    "G03AA": ["pilule", "pilule oestroprogestative", "pilule contraceptive", "pilule "
              "estroprogestative", "contraception orale", "contraceptif oral", "combined pill",
              "combined oral contraceptive", "oral contraceptive pill", "contraceptive pill",
              "ocp", "cocp"],
    "G03AC": ["pilule progestative", "microprogestatif", "progestogen-only pill", "mini-pill"],
    "J01CR02": ["co-amoxiclav", "amoxicillin-clavulanate", "augmentin"],
    "N02BE01": ["paracetamol", "acetaminophen", "tylenol", "panadol"],
    "M01AE01": ["ibuprofen", "advil", "nurofen", "brufen", "motrin"],
    "V06": ["complements nutritionnels oraux", "complement nutritionnel oral", "cno",
            "complements alimentaires", "oral nutritional supplements", "fortisip", "fresubin",
            "fortimel", "renutryl", "clinutren"],
    "N07BA01": ["substituts nicotiniques", "substitut nicotinique", "patch nicotinique",
                "patchs nicotiniques", "nicotine replacement therapy", "nicotine patch",
                "nicotine patches", "nicopatch", "nicotinell", "nicorette", "niquitin"],
    "R03AL03": ["anoro", "anoro ellipta"], "R03AL08": ["trelegy", "trelegy ellipta"],
    "R03AK10": ["relvar", "relvar ellipta"], "R03BB07": ["incruse", "incruse ellipta"],
    "R03AL04": ["ultibro", "ultibro breezhaler"], "R03AL06": ["spiolto", "spiolto respimat"],
    "R03AK11": ["flutiform"], "R03AL09": ["trimbow"], "R03BB06": ["seebri", "glycopyrronium"],
    # Brands approved since Romedi was built (French and English letters alike).
    "C09DX04": ["entresto", "sacubitril/valsartan", "sacubitril"],
    "A10BK01": ["forxiga", "dapagliflozin", "dapagliflozine"],
    "A10BK03": ["jardiance", "empagliflozin", "empagliflozine"],
    "A10BJ06": ["ozempic", "semaglutide", "rybelsus", "wegovy"],
    "A10BJ05": ["trulicity", "dulaglutide"], "A10BJ02": ["victoza", "liraglutide"],
    "B01AF03": ["lixiana", "edoxaban"], "B01AC24": ["brilique", "brilinta", "ticagrelor"],
    "C10AX14": ["praluent", "alirocumab"], "C10AX13": ["repatha", "evolocumab"],
    "D11AH05": ["dupixent", "dupilumab"], "L04AB04": ["humira", "adalimumab"],
    "L04AC05": ["stelara", "ustekinumab"], "L04AC10": ["cosentyx", "secukinumab"],
    "L01FF02": ["keytruda", "pembrolizumab"], "L01FF01": ["opdivo", "nivolumab"],
    "J01EE01": ["co-trimoxazole", "cotrimoxazole", "septrin", "bactrim"],
    "L04AD02": ["advagraf", "prograf", "envarsus", "tacrolimus", "modigraf"],
    "A01AD02": ["difflam", "benzydamine"], "C01DX": ["heptamyl", "heptaminol"],
    "D05AX52": ["dovobet", "enstilar", "daivobet", "xamiol"],
    "C01CA24": ["adrenaline", "epinephrine", "epipen", "emerade", "jext", "anapen"],
    "D02AC": ["dermol", "diprobase", "epaderm", "hydromol", "doublebase", "cetraben",
              "emollient", "emollients"],
}
