"""More conditions of a general hospital (French / English, with shorthand), ICD-10 coded.

Extends :data:`.lexicon.CONDITIONS` by specialty: cardiology and vascular, respiratory,
digestive, kidney and urology, endocrine, neurology, psychiatry, rheumatology and bone,
skin, blood, cancer, infection, eye and ENT, women's health, and the presenting symptoms that
letters and emergency notes record. Terms are written as the edsnlp normalizer sees them
(lower case, no accents). Codes are WHO ICD-10 categories or subcategories, valid in CIM-10
(checked by tests/extract/test_lexicon.py). Abbreviations of four letters or fewer count only in
capitals (see ``pipeline._is_shorthand_ok``).
"""

from __future__ import annotations

from .lexicon_types import ConditionTerm, c

MORE: tuple[ConditionTerm, ...] = (
    # --- cardiology, vascular
    c("I50", "Heart failure", "insuffisance cardiaque congestive|decompensation cardiaque|"
      "insuffisance ventriculaire gauche|cardiopathie dilatee|icc|oap|oedeme aigu du poumon|"
      "oedeme pulmonaire", "hfref|hfpef|hfmref|heart failure with reduced ejection fraction|"
      "decompensated heart failure|acute decompensated heart failure|lvf|left ventricular "
      "failure|pulmonary oedema|pulmonary edema|ccf|congestive cardiac failure", True),
    c("I21", "Acute myocardial infarction", "sca st+|sca non st+|nstemi|stemi|ima",
      "acs|heart attack|myocardial infarct"),
    c("I25", "Chronic ischaemic heart disease", "cardiopathie ischemique stentee|"
      "maladie coronarienne|maladie coronaire|stenose coronaire",
      "ihd|coronary heart disease|coronary disease", True),
    c("I49.9", "Cardiac arrhythmia, unspecified", "trouble du rythme|arythmie|"
      "trouble du rythme cardiaque", "arrhythmia|cardiac arrhythmia"),
    c("I44", "Atrioventricular and left bundle-branch block", "bloc auriculo-ventriculaire|"
      "bloc auriculoventriculaire|bav|bloc de branche gauche|bbg",
      "heart block|atrioventricular block|av block|left bundle branch block|lbbb"),
    c("I47", "Paroxysmal tachycardia", "tachycardie supraventriculaire|tachycardie "
      "ventriculaire|tachycardie jonctionnelle|maladie de bouveret",
      "supraventricular tachycardia|svt|ventricular tachycardia"),
    c("I34", "Nonrheumatic mitral valve disorders", "insuffisance mitrale|valvulopathie "
      "mitrale|prolapsus mitral", "mitral regurgitation|mitral valve prolapse", True),
    c("I35", "Nonrheumatic aortic valve disorders", "insuffisance aortique|valvulopathie "
      "aortique|valvulopathie|stenose aortique", "aortic regurgitation|valvular heart disease|"
      "aortic valve disease", True),
    c("I42", "Cardiomyopathy", "cardiomyopathie|cardiomyopathie hypertrophique|myocardiopathie",
      "cardiomyopathy|hypertrophic cardiomyopathy|dilated cardiomyopathy", True),
    c("I30", "Acute pericarditis", "pericardite", "pericarditis"),
    c("I40", "Acute myocarditis", "myocardite", "myocarditis"),
    c("I33", "Acute and subacute endocarditis", "endocardite", "endocarditis|infective "
      "endocarditis"),
    c("I46", "Cardiac arrest", "arret cardiaque|arret cardio-respiratoire|acr",
      "cardiac arrest|cardiorespiratory arrest"),
    c("I70", "Atherosclerosis", "atherome|atherosclerose|arteriopathie obliterante",
      "atherosclerosis|arteriosclerosis", True),
    c("I73.9", "Peripheral vascular disease", "arteriopathie des membres inferieurs|"
      "arteriopathie peripherique|arteriopathie obliterante des membres inferieurs",
      "peripheral arterial disease|pvd|claudication|intermittent claudication", True),
    c("I65", "Occlusion and stenosis of precerebral arteries", "stenose carotidienne|"
      "stenose carotide", "carotid stenosis|carotid artery stenosis", True),
    c("I87.2", "Venous insufficiency (chronic)(peripheral)", "insuffisance veineuse|"
      "insuffisance veineuse chronique", "venous insufficiency|chronic venous insufficiency",
      True),
    c("I83", "Varicose veins of lower extremities", "varices des membres inferieurs|"
      "ulcere variqueux", "varicose ulcer|varicosities", True),
    c("I82", "Other venous embolism and thrombosis", "thrombose veineuse|thrombose veineuse "
      "superficielle|tvs|thrombose", "venous thrombosis|superficial thrombophlebitis|"
      "thrombosis|vte|venous thromboembolism"),
    c("I10", "Essential (primary) hypertension", "hypertension arterielle essentielle|"
      "hta essentielle|hta traitee|hypertension traitee", "essential hypertension|"
      "raised blood pressure", True),
    c("I64", "Stroke, not specified as haemorrhage or infarction", "accident vasculaire|"
      "attaque cerebrale|avc constitue", "cerebrovascular accident|cerebrovascular disease|"
      "stroke disease"),
    c("I67.9", "Cerebrovascular disease, unspecified", "leucoaraiose|microangiopathie "
      "cerebrale", "small vessel disease|cerebral small vessel disease", True),
    c("I60", "Subarachnoid haemorrhage", "hemorragie sous-arachnoidienne|hsa|hemorragie "
      "meningee", "subarachnoid haemorrhage|subarachnoid hemorrhage|sah"),
    c("S06.5", "Traumatic subdural haemorrhage", "hematome sous-dural|hsd",
      "subdural haematoma|subdural hematoma|sdh"),
    c("I77.6", "Arteritis, unspecified", "arterite", "arteritis"),
    c("M31.6", "Other giant cell arteritis", "maladie de horton|arterite a cellules geantes|"
      "arterite temporale", "giant cell arteritis|temporal arteritis|gca", True),
    c("R00.2", "Palpitations", "palpitations", "palpitations"),
    c("R00.1", "Bradycardia, unspecified", "bradycardie", "bradycardia"),
    c("R00.0", "Tachycardia, unspecified", "tachycardie", "tachycardia"),
    c("R01.1", "Cardiac murmur, unspecified", "souffle cardiaque|souffle systolique",
      "heart murmur|systolic murmur|cardiac murmur"),
    c("R60.0", "Localized oedema", "oedemes des membres inferieurs|oedeme des membres "
      "inferieurs|oedemes|omi", "leg swelling|ankle swelling|peripheral oedema|peripheral "
      "edema|pitting oedema|pitting edema|leg oedema|leg edema|ankle oedema|ankle edema"),
    c("R06.0", "Dyspnoea", "dyspnee|essoufflement|dyspnee d'effort|orthopnee",
      "dyspnoea|dyspnea|shortness of breath|sob|breathlessness|orthopnoea|orthopnea|"
      "exertional dyspnoea|exertional dyspnea|paroxysmal nocturnal dyspnoea|pnd"),
    # --- respiratory
    c("J45", "Asthma", "asthme allergique|asthme intermittent|asthme persistant",
      "allergic asthma|mild asthma|brittle asthma", True),
    c("J44", "Chronic obstructive pulmonary disease", "bronchite chronique|emphyseme|"
      "exacerbation de bpco|bpco exacerbee|decompensation de bpco|bronchopneumopathie "
      "chronique", "emphysema|chronic bronchitis|copd exacerbation|aecopd|infective "
      "exacerbation of copd", True),
    c("J47", "Bronchiectasis", "dilatation des bronches|ddb|bronchectasies",
      "bronchiectasis", True),
    c("J84.1", "Other interstitial pulmonary diseases with fibrosis", "fibrose pulmonaire|"
      "pneumopathie interstitielle|fibrose pulmonaire idiopathique|pid",
      "pulmonary fibrosis|interstitial lung disease|ild|idiopathic pulmonary fibrosis|ipf",
      True),
    c("J90", "Pleural effusion", "epanchement pleural|pleuresie", "pleural effusion"),
    c("J93", "Pneumothorax", "pneumothorax", "pneumothorax|ptx"),
    c("J18", "Pneumonia, organism unspecified", "pneumopathie communautaire|pneumonie "
      "communautaire|pneumopathie lobaire|infection pulmonaire|pneumopathie infectieuse basale",
      "community acquired pneumonia|cap|lower respiratory tract infection|lrti|"
      "aspiration pneumonia|chest sepsis"),
    c("A15", "Respiratory tuberculosis", "tuberculose pulmonaire|tuberculose|bk",
      "tuberculosis|pulmonary tuberculosis|tb"),
    c("D86", "Sarcoidosis", "sarcoidose", "sarcoidosis", True),
    c("J96", "Respiratory failure", "insuffisance respiratoire chronique|detresse "
      "respiratoire|insuffisance respiratoire aigue",
      "acute respiratory failure|type 2 respiratory failure|respiratory distress"),
    c("J98.1", "Pulmonary collapse", "atelectasie", "atelectasis"),
    c("R05", "Cough", "toux|toux seche|toux productive|toux chronique",
      "cough|dry cough|productive cough|chronic cough"),
    c("R04.2", "Haemoptysis", "hemoptysie", "haemoptysis|hemoptysis"),
    c("R06.2", "Wheezing", "sifflements|wheezing", "wheeze|wheezing"),
    c("R09.0", "Asphyxia / hypoxaemia", "hypoxemie|desaturation", "hypoxia|hypoxaemia|"
      "hypoxemia|desaturation"),
    c("J01", "Acute sinusitis", "sinusite", "sinusitis"),
    c("J02", "Acute pharyngitis", "angine|pharyngite", "pharyngitis|sore throat|tonsillitis"),
    c("H66", "Suppurative and unspecified otitis media", "otite|otite moyenne aigue",
      "otitis media|ear infection|otitis"),
    # --- digestive
    c("K44", "Diaphragmatic hernia", "hernie hiatale|hernie diaphragmatique",
      "hiatus hernia|hiatal hernia|diaphragmatic hernia", True),
    c("K40", "Inguinal hernia", "hernie inguinale", "inguinal hernia", True),
    c("K43", "Ventral hernia", "eventration|hernie ombilicale|hernie de la ligne blanche",
      "incisional hernia|umbilical hernia|ventral hernia", True),
    c("I51.9", "Heart disease, unspecified", "cardiopathie|maladie cardiaque|"
      "cardiopathie hypertensive", "heart disease|cardiac disease|heart problems|"
      "hypertensive heart disease", True),
    c("K21", "Gastro-oesophageal reflux disease", "reflux|pyrosis|oesophagite|"
      "oesophagite peptique", "reflux|acid reflux|oesophagitis|esophagitis|gord|"
      "reflux oesophagitis", True),
    c("R12", "Heartburn", "brulures d'estomac|brulures gastriques", "heartburn"),
    c("K57.3", "Diverticular disease of large intestine without perforation or abscess",
      "diverticulose|maladie diverticulaire|diverticules|diverticulose colique|"
      "diverticulose sigmoidienne", "diverticulosis|diverticular disease|diverticula", True),
    c("K57", "Diverticular disease of intestine", "sigmoidite|sigmoidite diverticulaire",
      "sigmoid diverticulitis|diverticulitis"),
    c("K58", "Irritable bowel syndrome", "syndrome de l'intestin irritable|colopathie "
      "fonctionnelle|sii|colon irritable", "irritable bowel syndrome|ibs|irritable bowel",
      True),
    c("K90.0", "Coeliac disease", "maladie coeliaque|intolerance au gluten",
      "coeliac disease|celiac disease|coeliac|celiac", True),
    c("K52.9", "Noninfective gastroenteritis and colitis, unspecified", "colite",
      "colitis"),
    c("K63.5", "Polyp of colon", "polype colique|polypes coliques|polypes|polype",
      "colonic polyp|colonic polyps|polyps|polyp"),
    c("K92.1", "Melaena", "melena|melaena|rectorragie|rectorragies", "melaena|melena|"
      "rectal bleeding|blood per rectum|pr bleeding"),
    c("K92.0", "Haematemesis", "hematemese", "haematemesis|hematemesis"),
    c("K26", "Duodenal ulcer", "ulcere duodenal", "duodenal ulcer", False),
    c("B98.0", "Helicobacter pylori as the cause of diseases", "helicobacter pylori|"
      "infection a helicobacter pylori|h. pylori|h pylori",
      "helicobacter pylori|h. pylori infection|h. pylori|h pylori|helicobacter"),
    c("K56", "Paralytic ileus and intestinal obstruction", "occlusion intestinale|"
      "syndrome occlusif|ileus|subocclusion", "bowel obstruction|intestinal obstruction|"
      "small bowel obstruction|sbo|ileus"),
    c("K65", "Peritonitis", "peritonite", "peritonitis"),
    c("K80", "Cholelithiasis", "lithiase vesiculaire|calculs biliaires|cholecystite aigue|"
      "angiocholite|lithiase de la voie biliaire principale", "gallstone|biliary colic|"
      "acute cholecystitis|cholangitis|choledocholithiasis"),
    c("K70", "Alcoholic liver disease", "hepatopathie alcoolique|hepatite alcoolique",
      "alcoholic liver disease|alcoholic hepatitis", True),
    c("K76.0", "Fatty liver", "nash|masld|steatose", "fatty liver disease|nash|masld|"
      "hepatic steatosis", True),
    c("K74", "Fibrosis and cirrhosis of liver", "cirrhose hepatique|cirrhose alcoolique|"
      "hepatopathie chronique", "liver cirrhosis|chronic liver disease|cld", True),
    c("K86.1", "Other chronic pancreatitis", "pancreatite chronique", "chronic pancreatitis",
      True),
    c("K59.0", "Constipation", "constipation|constipation chronique|constipe|constipee",
      "constipation|constipated"),
    c("A09", "Gastroenteritis and colitis of unspecified origin", "diarrhee|diarrhees|"
      "diarrhee aigue|gea", "diarrhoea|diarrhea|d&v|diarrhoea and vomiting"),
    c("R11", "Nausea and vomiting", "nausees|nausee|vomissements|vomissement|"
      "nausees et vomissements|nausees vomissements", "nausea|vomiting|nausea and vomiting|"
      "n&v|emesis"),
    c("R10.4", "Other and unspecified abdominal pain", "douleur abdominale|douleurs "
      "abdominales|douleur fid|douleur fig|douleur epigastrique|douleurs epigastriques|"
      "epigastralgies|epigastralgie|abdomen aigu", "abdominal pain|epigastric pain|"
      "rif pain|lif pain|ruq pain|abdominal discomfort|acute abdomen"),
    c("R14", "Flatulence and related conditions", "ballonnements|ballonnement|meteorisme",
      "bloating|abdominal bloating|flatulence"),
    c("R13", "Dysphagia", "dysphagie|troubles de la deglutition|fausses routes",
      "dysphagia|swallowing difficulty"),
    c("K62.5", "Haemorrhage of anus and rectum", "hemorroides|maladie hemorroidaire",
      "haemorrhoids|hemorrhoids|piles"),
    c("K50", "Crohn disease", "crohn|maladie de crohn ileale", "crohn's|crohns disease|"
      "crohn's colitis", True),
    c("K51", "Ulcerative colitis", "rch|colite ulcereuse", "uc|ulcerative proctitis", True),
    c("K35", "Acute appendicitis", "appendicite aigue", "acute appendicitis"),
    # --- kidney, urology
    c("N18", "Chronic kidney disease", "irc terminale|insuffisance renale terminale|"
      "insuffisance renale|mrc|insuffisance renale chronique moderee|"
      "nephropathie", "ckd 3|ckd 4|ckd 3a|ckd 3b|ckd stage 3|ckd stage 4|esrd|"
      "end stage renal disease|renal impairment|chronic renal impairment|nephropathy", True),
    c("E11.2", "Type 2 diabetes mellitus with renal complications", "nephropathie diabetique|"
      "glomerulopathie diabetique", "diabetic nephropathy|diabetic kidney disease", True),
    c("N17", "Acute kidney failure", "insuffisance renale aigue fonctionnelle|irf|"
      "insuffisance renale fonctionnelle|nta", "acute renal injury|acute kidney failure"),
    c("M32.1", "Systemic lupus erythematosus with organ involvement",
      "nephropathie lupique|nephrite lupique", "lupus nephritis", True),
    c("N04", "Nephrotic syndrome", "syndrome nephrotique", "nephrotic syndrome"),
    c("N30", "Cystitis", "cystite aigue", "acute cystitis|lower urinary tract infection"),
    c("N10", "Acute tubulo-interstitial nephritis", "pyelonephrite aigue|pna",
      "acute pyelonephritis"),
    c("N41", "Inflammatory diseases of prostate", "prostatite", "prostatitis"),
    c("N40", "Hyperplasia of prostate", "hypertrophie benigne de prostate|"
      "hypertrophie prostatique|adenome de prostate|adenome de la prostate|hypertrophie "
      "benigne prostatique", "enlarged prostate|prostatic hyperplasia|prostatism|luts", True),
    c("R33", "Retention of urine", "retention aigue d'urine|rau|globe vesical|retention "
      "urinaire", "urinary retention|acute urinary retention|aur"),
    c("R32", "Unspecified urinary incontinence", "incontinence urinaire|incontinence",
      "urinary incontinence|incontinence"),
    c("R31", "Unspecified haematuria", "hematurie", "haematuria|hematuria"),
    c("N13", "Obstructive and reflux uropathy", "hydronephrose|uropathie obstructive",
      "hydronephrosis|obstructive uropathy"),
    # --- endocrine, metabolic
    c("E11", "Type 2 diabetes mellitus", "diabete de type ii|diabete type ii|diabete "
      "insulinotraite|diabete insulino-requerant|diabete insulinorequerant|diabete sucre|"
      "diabete non insulino-dependant|dnid", "type ii diabetes|dm2|dm type 2|dm|t2 diabetes|"
      "type 2 dm|insulin-treated diabetes|diabetes mellitus type ii|diet-controlled diabetes",
      True),
    c("E10", "Type 1 diabetes mellitus", "diabete de type i|diabete insulinodependant|did",
      "type i diabetes|dm1|t1 diabetes|iddm", True),
    c("E16.2", "Hypoglycaemia, unspecified", "hypoglycemie|hypoglycemies",
      "hypoglycaemia|hypoglycemia|hypo|hypos"),
    c("E87.2", "Acidosis", "acidocetose|acidocetose diabetique|acidose", "ketoacidosis|"
      "diabetic ketoacidosis|dka|acidosis"),
    c("E03", "Hypothyroidism", "hypothyroidie substituee|hypothyroidie auto-immune|"
      "thyroidite de hashimoto|hashimoto", "hypothyroid|underactive thyroid|hashimoto's "
      "thyroiditis|hashimoto's", True),
    c("E05", "Thyrotoxicosis", "maladie de basedow|basedow|thyrotoxicose",
      "hyperthyroid|overactive thyroid|graves' disease|graves disease|thyrotoxicosis", True),
    c("E04", "Other nontoxic goitre", "goitre|nodule thyroidien|goitre multinodulaire",
      "goitre|goiter|thyroid nodule|multinodular goitre", True),
    c("E21", "Hyperparathyroidism", "hyperparathyroidie", "hyperparathyroidism", True),
    c("E27.1", "Primary adrenocortical insufficiency", "insuffisance surrenalienne|"
      "maladie d'addison", "adrenal insufficiency|addison's disease|addison disease", True),
    c("E66", "Obesity", "obesite morbide|obesite severe|surpoids", "morbid obesity|"
      "overweight", True),
    c("E78", "Disorders of lipoprotein metabolism", "dyslipidemie mixte|"
      "hypertriglyceridemie|hypercholesterolemie familiale", "hypertriglyceridaemia|"
      "hypertriglyceridemia|hypercholesterolaemia|hyperlipidaemia|dyslipidaemia", True),
    c("E79.0", "Hyperuricaemia", "hyperuricemie", "hyperuricaemia|hyperuricemia", True),
    c("E87.1", "Hypo-osmolality and hyponatraemia", "hyponatremie severe",
      "hyponatraemia|low sodium"),
    c("E87.0", "Hyperosmolality and hypernatraemia", "hypernatremie", "hypernatraemia|"
      "hypernatremia"),
    c("E87.6", "Hypokalaemia", "hypokaliemie severe", "hypokalaemia|low potassium"),
    c("E83.5", "Disorders of calcium metabolism", "hypercalcemie|hypocalcemie",
      "hypercalcaemia|hypercalcemia|hypocalcaemia|hypocalcemia"),
    c("E83.4", "Disorders of magnesium metabolism", "hypomagnesemie", "hypomagnesaemia|"
      "hypomagnesemia"),
    c("E55", "Vitamin D deficiency", "carence en vitamine d|hypovitaminose d|"
      "deficit en vitamine d", "low vitamin d|vitamin d insufficiency"),
    c("E53.8", "Deficiency of other specified B group vitamins", "carence en vitamine b12|"
      "carence en b12|carence en folates", "b12 deficiency|vitamin b12 deficiency|"
      "folate deficiency"),
    c("E44", "Protein-energy malnutrition", "denutrition severe|denutrition moderee",
      "severe malnutrition"),
    c("R63.4", "Abnormal weight loss", "amaigrissement|perte de poids",
      "weight loss|unintentional weight loss"),
    c("E86", "Volume depletion", "hypovolemie", "hypovolaemia|hypovolemia|volume depletion"),
    # --- neurology
    c("G20", "Parkinson disease", "syndrome parkinsonien|parkinsonisme|maladie de "
      "parkinson idiopathique", "parkinson's|parkinsonism|idiopathic parkinson's disease",
      True),
    c("R25.1", "Tremor, unspecified", "tremblement|tremblements|tremblement de repos",
      "tremor|resting tremor|tremors"),
    c("G25.0", "Essential tremor", "tremblement essentiel", "essential tremor|benign essential "
      "tremor|familial tremor", True),
    c("G30", "Alzheimer disease", "maladie d'alzheimer|alzheimer|demence type alzheimer|"
      "demence de type alzheimer", "alzheimer's disease|alzheimer's|alzheimer's dementia|"
      "alzheimer disease", True),
    c("F03", "Unspecified dementia", "troubles cognitifs majeurs|syndrome demential|"
      "troubles neurocognitifs|declin cognitif", "memory loss|cognitive decline|"
      "neurocognitive disorder|memory problems", True),
    c("F01", "Vascular dementia", "demence vasculaire", "vascular dementia", True),
    c("F05", "Delirium, not induced by alcohol", "confusion|syndrome confusionnel|etat "
      "confusionnel|confusion aigue|delirium", "confusion|acute confusion|delirium|"
      "acute confusional state|confused|delirious"),
    c("G40", "Epilepsy", "crise convulsive|crises convulsives|crise d'epilepsie|convulsions|"
      "comitialite", "seizure|seizures|fits|convulsions|epileptic seizure", True),
    c("G43", "Migraine", "migraine avec aura|migraine sans aura|crise migraineuse",
      "migraine with aura|migraine without aura", True),
    c("G44.2", "Tension-type headache", "cephalees de tension", "tension headache|"
      "tension-type headache"),
    c("G35", "Multiple sclerosis", "sclerose en plaque", "ms", True),
    c("G12.2", "Motor neuron disease", "sla|sclerose laterale amyotrophique|maladie de "
      "charcot", "motor neurone disease|mnd|amyotrophic lateral sclerosis|als", True),
    c("G70.0", "Myasthenia gravis", "myasthenie", "myasthenia gravis|myasthenia", True),
    c("G61.0", "Guillain-Barre syndrome", "syndrome de guillain-barre|guillain-barre",
      "guillain-barre syndrome|guillain-barre", False),
    c("G62.9", "Polyneuropathy, unspecified", "polyneuropathie|neuropathie peripherique|"
      "neuropathie|neuropathie diabetique", "peripheral neuropathy|neuropathy|"
      "polyneuropathy|diabetic neuropathy", True),
    c("G56.0", "Carpal tunnel syndrome", "syndrome du canal carpien|canal carpien",
      "carpal tunnel syndrome", True),
    c("G51.0", "Bell palsy", "paralysie faciale|paralysie faciale a frigore",
      "bell's palsy|facial palsy|facial nerve palsy"),
    c("G47.0", "Disorders of initiating and maintaining sleep", "insomnie|troubles du "
      "sommeil", "insomnia|sleep disturbance", True),
    c("G47.3", "Sleep apnoea", "syndrome d'apnees obstructives du sommeil|apnees du sommeil|"
      "sahos|saos appareille|apnee obstructive du sommeil", "obstructive sleep apnoea|"
      "sleep apnoea syndrome|osas|sleep-disordered breathing", True),
    c("G25.8", "Other specified extrapyramidal and movement disorders",
      "syndrome des jambes sans repos", "restless legs syndrome|restless legs|rls", True),
    c("G91", "Hydrocephalus", "hydrocephalie", "hydrocephalus", True),
    c("G93.1", "Anoxic brain damage", "encephalopathie anoxique", "hypoxic brain injury"),
    c("R42", "Dizziness and giddiness", "vertiges|vertige|sensations vertigineuses|"
      "etourdissements", "dizziness|vertigo|giddiness|lightheadedness"),
    c("R55", "Syncope and collapse", "perte de connaissance|pc|lipothymie|"
      "malaise vagal", "collapse|collapsed|loss of consciousness|loc|blackout|vasovagal syncope|"
      "faint"),
    c("R29.6", "Tendency to fall", "chute|chutes|chutes a repetition|chute a domicile",
      "falls|recurrent falls|mechanical fall|fall at home"),
    c("R47.0", "Dysphasia and aphasia", "aphasie|dysarthrie|trouble du langage",
      "aphasia|dysphasia|dysarthria|slurred speech"),
    c("G81", "Hemiplegia", "hemiplegie|hemiparesie|deficit moteur",
      "hemiplegia|hemiparesis|weakness of the arm|limb weakness"),
    c("R20", "Disturbances of skin sensation", "paresthesies|hypoesthesie|fourmillements",
      "paraesthesia|paresthesia|numbness|tingling"),
    c("S06", "Intracranial injury", "traumatisme cranien|tc|commotion cerebrale",
      "head injury|concussion|traumatic brain injury|tbi"),
    # --- psychiatry
    c("F32", "Depressive episode", "etat depressif|depression severe|trouble depressif|"
      "syndrome anxio-depressif|humeur depressive", "low mood|depressive disorder|"
      "clinical depression|mdd"),
    c("F41", "Other anxiety disorders", "troubles anxieux|trouble anxieux generalise|"
      "crise d'angoisse|attaques de panique|trouble panique|angoisse",
      "panic disorder|panic attacks|anxiety attacks|gad", True),
    c("F31", "Bipolar affective disorder", "troubles bipolaires|psychose maniaco-depressive|"
      "pmd", "bipolar affective disorder|manic depression", True),
    c("F43.1", "Post-traumatic stress disorder", "stress post-traumatique|etat de stress "
      "post-traumatique|espt", "ptsd|post-traumatic stress disorder", True),
    c("F42", "Obsessive-compulsive disorder", "trouble obsessionnel compulsif|toc",
      "obsessive compulsive disorder|ocd", True),
    c("F50", "Eating disorders", "anorexie mentale|boulimie|trouble du comportement "
      "alimentaire", "anorexia nervosa|bulimia|eating disorder", True),
    c("F29", "Unspecified nonorganic psychosis", "psychose|episode psychotique|"
      "trouble psychotique", "psychosis|psychotic episode|psychotic disorder", True),
    c("F60.3", "Emotionally unstable personality disorder", "trouble de la personnalite "
      "borderline|personnalite borderline|etat limite", "borderline personality disorder|"
      "emotionally unstable personality disorder|eupd|personality disorder", True),
    c("F84.0", "Childhood autism", "autisme|trouble du spectre autistique|tsa",
      "autism|autism spectrum disorder|asd", True),
    c("F90", "Hyperkinetic disorders", "tdah|trouble deficit de l'attention",
      "adhd|attention deficit hyperactivity disorder", True),
    c("F11", "Mental and behavioural disorders due to use of opioids", "toxicomanie|"
      "dependance aux opiaces|heroinomanie", "opioid dependence|heroin use|drug misuse|"
      "substance misuse|ivdu", True),
    c("F12", "Mental and behavioural disorders due to use of cannabinoids", "cannabisme|"
      "consommation de cannabis", "cannabis use|cannabis misuse", True),
    c("F10", "Mental and behavioural disorders due to use of alcohol", "ethylisme actif|"
      "consommation excessive d'alcool|oh chronique|mesusage d'alcool|sevrage alcoolique",
      "alcohol excess|alcohol misuse|alcohol abuse|etoh excess|alcohol withdrawal", True),
    c("F17", "Mental and behavioural disorders due to use of tobacco", "fumeur|"
      "fumeuse|tabac actif|tabagisme sevre|ancien fumeur|tabagisme ancien",
      "current smoker|ex-smoker|tobacco|cigarette smoker", True),
    c("Z72.0", "Tobacco use", "tabac", "tobacco consumption"),
    c("R45.8", "Suicidal ideation", "idees suicidaires|tentative de suicide|ts",
      "suicidal ideation|suicide attempt|overdose|self-harm"),
    # --- rheumatology, bone, musculoskeletal
    c("M32", "Systemic lupus erythematosus", "lupus|lupus erythemateux systemique|"
      "lupus erythemateux dissemine|lupus systemique|poussee lupique",
      "lupus|systemic lupus erythematosus|sle|systemic lupus", True),
    c("M35.0", "Sicca syndrome [Sjogren]", "syndrome de sjogren|sjogren|syndrome sec",
      "sjogren's syndrome|sjogren syndrome|sicca syndrome", True),
    c("M34", "Systemic sclerosis", "sclerodermie|sclerodermie systemique",
      "systemic sclerosis|scleroderma", True),
    c("I73.0", "Raynaud syndrome", "syndrome de raynaud|phenomene de raynaud|raynaud",
      "raynaud's phenomenon|raynaud's|raynaud phenomenon|raynaud's syndrome", True),
    c("M35.3", "Polymyalgia rheumatica", "pseudo-polyarthrite rhizomelique|ppr",
      "polymyalgia rheumatica|pmr", True),
    c("M45", "Ankylosing spondylitis", "spondylarthrite ankylosante|spondylarthrite|"
      "spa", "ankylosing spondylitis|axial spondyloarthritis", True),
    c("L40.5", "Arthropathic psoriasis", "rhumatisme psoriasique|arthrite psoriasique",
      "psoriatic arthritis", True),
    c("M06", "Rheumatoid arthritis", "polyarthrite rhumatoide seropositive",
      "seropositive rheumatoid arthritis", True),
    c("M10", "Gout", "acces goutteux|arthrite goutteuse|goutte articulaire",
      "gout flare|gouty arthritis|acute gout", True),
    c("M11", "Other crystal arthropathies", "chondrocalcinose|pseudo-goutte",
      "pseudogout|chondrocalcinosis|cppd", True),
    c("M00", "Pyogenic arthritis", "arthrite septique", "septic arthritis"),
    c("M13.9", "Arthritis, unspecified", "arthrite|arthrite aigue|monoarthrite|"
      "oligoarthrite|polyarthrite", "arthritis|monoarthritis|inflammatory arthritis|"
      "polyarthritis"),
    c("M25.5", "Pain in joint", "arthralgies|arthralgie|polyarthralgies|douleurs "
      "articulaires", "joint pain|joint pains|arthralgia|polyarthralgia"),
    c("M79.1", "Myalgia", "myalgies|myalgie", "myalgia|muscle pain|muscle aches"),
    c("M16", "Coxarthrosis [arthrosis of hip]", "coxarthrose|arthrose de hanche",
      "hip osteoarthritis|osteoarthritis of the hip|hip arthritis", True),
    c("M17", "Gonarthrosis [arthrosis of knee]", "arthrose du genou|arthrose des genoux",
      "osteoarthritis of the knee|knee arthritis", True),
    c("M19", "Other arthrosis", "polyarthrose|arthrose digitale", "oa|degenerative joint "
      "disease|arthrosis", True),
    c("M47", "Spondylosis", "cervicarthrose|lombarthrose|discarthrose|arthrose lombaire|"
      "arthrose rachidienne", "spondylosis|cervical spondylosis|lumbar spondylosis", True),
    c("M48.0", "Spinal stenosis", "canal lombaire etroit|stenose du canal rachidien",
      "spinal stenosis|lumbar canal stenosis", True),
    c("M51", "Other intervertebral disc disorders", "hernie discale|hernie discale lombaire",
      "disc prolapse|herniated disc|slipped disc|disc herniation"),
    c("M54.5", "Low back pain", "lombalgie chronique|lombosciatique|lombo-sciatique|"
      "sciatique|lombalgies chroniques|rachialgies|dorsalgies",
      "back pain|chronic back pain|sciatica|lower back pain|lbp"),
    c("M54.2", "Cervicalgia", "cervicalgie|cervicalgies", "neck pain|cervicalgia"),
    c("M81", "Osteoporosis", "osteoporose fracturaire|osteoporose post-menopausique|"
      "osteopenie", "osteopenia|postmenopausal osteoporosis", True),
    c("M80", "Osteoporosis with pathological fracture", "tassement vertebral|tassements "
      "vertebraux|fracture vertebrale", "vertebral fracture|vertebral compression fracture|"
      "osteoporotic fracture|fragility fracture", True),
    c("M86", "Osteomyelitis", "osteite|osteomyelite|osteo-arthrite", "osteomyelitis"),
    c("M62.8", "Other specified disorders of muscle", "rhabdomyolyse",
      "rhabdomyolysis"),
    c("M75.1", "Rotator cuff syndrome", "tendinopathie de la coiffe|rupture de la coiffe "
      "des rotateurs|periarthrite scapulo-humerale", "rotator cuff tear|frozen shoulder|"
      "rotator cuff tendinopathy"),
    c("M79.7", "Fibromyalgia", "fibromyalgie", "fibromyalgia", True),
    c("S72", "Fracture of femur", "fracture du col femoral|fracture pertrochanterienne|"
      "fracture col femur|fcf", "fractured neck of femur|nof fracture|fractured nof|"
      "neck of femur fracture|#nof"),
    c("S52", "Fracture of forearm", "fracture du poignet|fracture du radius|fracture de "
      "pouteau-colles", "wrist fracture|colles fracture|radius fracture|distal radius "
      "fracture"),
    c("S82", "Fracture of lower leg, including ankle", "fracture de la cheville|"
      "fracture bimalleolaire|fracture du tibia", "ankle fracture|tibial fracture"),
    c("S42", "Fracture of shoulder and upper arm", "fracture de l'humerus|fracture de la "
      "clavicule", "humerus fracture|humeral fracture|clavicle fracture"),
    c("S22", "Fracture of rib(s), sternum and thoracic spine", "fracture de cotes|"
      "fractures costales|fracture costale", "rib fracture|rib fractures|fractured ribs"),
    c("T14.2", "Fracture of unspecified body region", "fracture", "fracture"),
    # --- skin
    c("L40", "Psoriasis", "psoriasis cutane|psoriasis en plaques", "plaque psoriasis", True),
    c("L20", "Atopic dermatitis", "eczema atopique|dermatite atopique|eczema",
      "eczema|atopic dermatitis|atopic eczema", True),
    c("L50", "Urticaria", "urticaire chronique", "chronic urticaria", True),
    c("L89", "Pressure ulcer", "escarre sacree|escarre du talon", "pressure injury|"
      "sacral pressure ulcer|pressure ulcers|pressure sores"),
    c("L97", "Ulcer of lower limb", "ulcere de jambe|ulcere veineux|ulcere arteriel|"
      "plaie chronique", "leg ulcer|venous leg ulcer|venous ulcer|arterial ulcer"),
    c("L03", "Cellulitis", "cellulite|dermohypodermite bacterienne|"
      "dermohypodermite bacterienne non necrosante", "cellulitis of the leg"),
    c("L02", "Cutaneous abscess, furuncle and carbuncle", "abces cutane|furoncle|abces",
      "skin abscess|boil|abscess"),
    c("L30.9", "Dermatitis, unspecified", "dermatite|dermite", "dermatitis"),
    c("L70", "Acne", "acne", "acne", True),
    c("L80", "Vitiligo", "vitiligo", "vitiligo", True),
    c("L63", "Alopecia areata", "pelade", "alopecia areata", True),
    c("L29", "Pruritus", "prurit|prurit generalise", "pruritus|itch"),
    c("E11.5", "Type 2 diabetes mellitus with peripheral circulatory complications",
      "mal perforant plantaire|pied diabetique|mal perforant",
      "diabetic foot ulcer|diabetic foot"),
    # --- blood
    c("D64.9", "Anaemia, unspecified", "anemie normocytaire|anemie microcytaire|anemie "
      "macrocytaire|anemie inflammatoire|anemie chronique|anemie normochrome",
      "normocytic anaemia|microcytic anaemia|macrocytic anaemia|anaemia of chronic disease|"
      "normocytic anemia|microcytic anemia|macrocytic anemia", False),
    c("D50", "Iron deficiency anaemia", "anemie par carence martiale|carence en fer|"
      "ferritine basse", "iron deficiency|low ferritin|ida|iron-deficiency anaemia"),
    c("D51", "Vitamin B12 deficiency anaemia", "anemie de biermer|maladie de biermer|"
      "anemie pernicieuse", "pernicious anaemia|pernicious anemia|b12 deficiency anaemia",
      True),
    c("D68.9", "Coagulation defect, unspecified", "trouble de la coagulation|"
      "thrombophilie|hemophilie", "coagulopathy|thrombophilia|haemophilia|hemophilia", True),
    c("D69.6", "Thrombocytopenia, unspecified", "thrombocytopenie|plaquettes basses",
      "low platelets|thrombocytopaenia"),
    c("D70", "Agranulocytosis", "neutropenie|agranulocytose|neutropenie febrile",
      "neutropenia|neutropaenia|febrile neutropenia|agranulocytosis"),
    c("D57", "Sickle-cell disorders", "drepanocytose", "sickle cell disease|sickle cell "
      "anaemia|sickle cell anemia", True),
    c("D56", "Thalassaemia", "thalassemie", "thalassaemia|thalassemia", True),
    c("D75.1", "Secondary polycythaemia", "polyglobulie", "polycythaemia|polycythemia"),
    c("D47.3", "Essential (haemorrhagic) thrombocythaemia", "thrombocytemie essentielle",
      "essential thrombocythaemia|essential thrombocythemia", True),
    c("D45", "Polycythaemia vera", "maladie de vaquez|polyglobulie primitive",
      "polycythaemia vera|polycythemia vera", True),
    c("C90.0", "Multiple myeloma", "myelome|myelome multiple|maladie de kahler",
      "myeloma|multiple myeloma", True),
    c("C91.1", "Chronic lymphocytic leukaemia", "leucemie lymphoide chronique|llc",
      "chronic lymphocytic leukaemia|chronic lymphocytic leukemia|cll", True),
    c("D47.2", "Monoclonal gammopathy", "gammapathie monoclonale|mgus",
      "monoclonal gammopathy|mgus", True),
    c("C81", "Hodgkin lymphoma", "maladie de hodgkin|lymphome de hodgkin",
      "hodgkin lymphoma|hodgkin's lymphoma|hodgkin's disease"),
    # --- cancer
    c("C80", "Malignant neoplasm, without specification of site", "cancer|neoplasie|"
      "tumeur maligne|neoplasme|carcinome|adenocarcinome", "cancer|malignancy|carcinoma|"
      "adenocarcinoma|neoplasm|tumour|tumor"),
    c("C79", "Secondary malignant neoplasm of other sites", "metastases|metastase|"
      "metastases osseuses|metastases hepatiques|metastases cerebrales",
      "metastases|metastatic disease|bone metastases|liver metastases|brain metastases"),
    c("C20", "Malignant neoplasm of rectum", "cancer du rectum|adenocarcinome rectal",
      "rectal cancer|rectal carcinoma"),
    c("C18", "Malignant neoplasm of colon", "cancer colorectal|cancer du colon sigmoide|"
      "adenocarcinome du colon", "bowel cancer|colon carcinoma|colorectal carcinoma"),
    c("C22", "Malignant neoplasm of liver", "carcinome hepatocellulaire|chc|cancer du foie",
      "hepatocellular carcinoma|hcc|liver cancer"),
    c("C15", "Malignant neoplasm of oesophagus", "cancer de l'oesophage",
      "oesophageal cancer|esophageal cancer"),
    c("C32", "Malignant neoplasm of larynx", "cancer du larynx|cancer orl|cancer "
      "des voies aerodigestives superieures", "laryngeal cancer|head and neck cancer"),
    c("C34", "Malignant neoplasm of bronchus and lung", "cancer pulmonaire|carcinome "
      "bronchique non a petites cellules|cbnpc|cancer bronchopulmonaire",
      "nsclc|small cell lung cancer|sclc|lung adenocarcinoma|non-small cell lung cancer"),
    c("C50", "Malignant neoplasm of breast", "cancer mammaire|tumeur du sein|"
      "adenocarcinome mammaire", "carcinoma of the breast|ductal carcinoma"),
    c("C53", "Malignant neoplasm of cervix uteri", "cancer du col de l'uterus|cancer du col",
      "cervical cancer"),
    c("C54", "Malignant neoplasm of corpus uteri", "cancer de l'endometre|cancer de l'uterus",
      "endometrial cancer|uterine cancer"),
    c("C56", "Malignant neoplasm of ovary", "cancer de l'ovaire|cancer ovarien",
      "ovarian cancer"),
    c("C64", "Malignant neoplasm of kidney", "cancer du rein|carcinome renal",
      "renal cell carcinoma|kidney cancer|rcc"),
    c("C73", "Malignant neoplasm of thyroid gland", "cancer de la thyroide|cancer "
      "thyroidien", "thyroid cancer"),
    c("C71", "Malignant neoplasm of brain", "glioblastome|tumeur cerebrale|gliome",
      "glioblastoma|brain tumour|brain tumor|glioma"),
    c("C44", "Other malignant neoplasms of skin", "carcinome basocellulaire|"
      "carcinome epidermoide cutane|cancer cutane", "basal cell carcinoma|bcc|"
      "squamous cell carcinoma|skin cancer"),
    c("C61", "Malignant neoplasm of prostate", "cancer prostatique|adenocarcinome de la "
      "prostate", "prostate carcinoma|carcinoma of the prostate|prostatic cancer"),
    c("D25", "Leiomyoma of uterus", "fibrome uterin|fibrome|myome uterin",
      "uterine fibroids|fibroids|fibroid", True),
    # --- infection
    c("A41", "Other sepsis", "etat septique|sepsis severe|bacteriemie|septicemie",
      "bacteraemia|bacteremia|urosepsis|severe sepsis|septicaemia"),
    c("N39.0", "Urinary tract infection", "infection urinaire basse|infection urinaire "
      "febrile", "urine infection|urinary infection|cauti|utis|"
      "recurrent utis|urinary tract infections"),
    c("A04.7", "Enterocolitis due to Clostridium difficile", "colite a clostridium|"
      "clostridium difficile|c. difficile", "c. difficile|clostridium difficile|c diff|"
      "c. diff|clostridioides difficile"),
    c("U07.1", "COVID-19", "infection covid|sars-cov-2", "coronavirus|covid-19 infection"),
    c("A49.0", "Staphylococcal infection, unspecified site", "sarm|staphylocoque dore",
      "mrsa"),
    c("B37", "Candidiasis", "candidose|mycose|muguet", "candidiasis|thrush|fungal infection"),
    c("B00", "Herpesviral infections", "herpes|herpes labial", "herpes simplex|cold sores"),
    c("G03.9", "Meningitis, unspecified", "meningite", "meningitis"),
    c("G04", "Encephalitis, myelitis and encephalomyelitis", "encephalite", "encephalitis"),
    c("B54", "Unspecified malaria", "paludisme", "malaria"),
    c("A46", "Erysipelas", "erysipele de jambe", "erysipelas of the leg"),
    c("T81.4", "Infection following a procedure", "infection du site operatoire|iso",
      "wound infection|surgical site infection|ssi"),
    c("R50.9", "Fever, unspecified", "febrile|fievre|etat febrile|hyperthermie",
      "febrile|pyrexial|high temperature|fevers"),
    c("R68.8", "Other specified general symptoms", "frissons|sueurs nocturnes",
      "rigors|chills|night sweats|drenching night sweats"),
    c("R53", "Malaise and fatigue", "asthenie|fatigue|alteration de l'etat general|aeg",
      "fatigue|tiredness|lethargy|malaise"),
    # --- eye, ENT
    c("H40", "Glaucoma", "glaucome chronique|glaucome a angle ouvert|glaucome aigu|"
      "hypertonie oculaire", "open-angle glaucoma|primary open-angle glaucoma|poag|"
      "ocular hypertension", True),
    c("H35.3", "Degeneration of macula and posterior pole", "dmla|degenerescence maculaire",
      "amd|macular degeneration|age-related macular degeneration", True),
    c("H36.0", "Diabetic retinopathy", "retinopathie diabetique|retinopathie",
      "diabetic retinopathy|retinopathy", True),
    c("H54", "Visual impairment including blindness", "cecite|malvoyance|baisse d'acuite "
      "visuelle", "blindness|visual impairment|poor vision|reduced vision", True),
    c("H91", "Other hearing loss", "surdite|hypoacousie|presbyacousie|baisse d'audition|"
      "baisse de l'audition|surdite de perception|perte auditive", "deafness|"
      "hearing loss|hard of hearing|presbycusis|reduced hearing", True),
    c("D33.3", "Benign neoplasm of cranial nerves", "neurinome de l'acoustique|neurinome|"
      "schwannome vestibulaire", "acoustic neuroma|vestibular schwannoma"),
    c("H93.1", "Tinnitus", "acouphenes", "tinnitus", True),
    c("H81", "Disorders of vestibular function", "maladie de meniere|vppb|nevrite "
      "vestibulaire", "meniere's disease|bppv|labyrinthitis|vestibular neuritis"),
    c("H10", "Conjunctivitis", "conjonctivite", "conjunctivitis"),
    c("H26", "Other cataract", "cataracte operee|cataracte bilaterale",
      "bilateral cataracts|cataracts"),
    c("R04.0", "Epistaxis", "epistaxis", "epistaxis|nosebleed|nose bleed"),
    c("R59", "Enlarged lymph nodes", "adenopathie|adenopathies|adenopathies cervicales|"
      "polyadenopathie|ganglions", "lymphadenopathy|lymph node enlargement|enlarged lymph "
      "nodes|swollen glands|cervical lymphadenopathy"),
    c("L50", "Urticaria", "urticaire|urticaire generalisee", "urticaria|hives|urticarial rash"),
    c("T78.3", "Angioneurotic oedema", "oedeme des levres|oedeme du visage|oedeme de la face|"
      "gonflement des levres", "lip swelling|facial swelling|swollen lips|tongue swelling|"
      "swelling of the lips"),
    c("L89", "Pressure ulcer", "escarre du sacrum|escarres du talon",
      "pressure damage|pressure area damage|pressure injuries"),
    c("W19", "Unspecified fall", "chute de sa hauteur|chute mecanique",
      "after a fall|after fall|following a fall|had a fall|a fall at home|fall from standing|"
      "fall from standing height|found on the floor|fall from|fell from|fell off|"
      "fall off"),
    c("G50.0", "Trigeminal neuralgia", "nevralgie du trijumeau|nevralgie trigeminale",
      "trigeminal neuralgia", True),
    c("G50.1", "Atypical facial pain", "douleur faciale|douleurs faciales|algie faciale",
      "facial pain|atypical facial pain"),
    c("N32.8", "Other specified disorders of bladder", "vessie hyperactive|hyperactivite "
      "vesicale|instabilite vesicale", "overactive bladder|bladder overactivity|oab|"
      "detrusor overactivity", True),
    c("T14.1", "Open wound of unspecified body region", "plaie|plaies|plaie du cuir chevelu|"
      "plaie de la main|plaie superficielle", "wound|laceration|scalp laceration|"
      "skin tear|open wound"),
    c("T14.0", "Superficial injury of unspecified body region", "dermabrasion|dermabrasions|"
      "ecorchure|ecorchures|excoriation|excoriations|contusion|contusions|hematome",
      "abrasion|abrasions|graze|grazes|bruise|bruising|contusion|contusions|haematoma|"
      "hematoma"),
    c("I62.9", "Intracranial haemorrhage (nontraumatic), unspecified", "hematome "
      "intracranien|hemorragie intracranienne|saignement intracranien|hemorragie "
      "intracerebrale", "intracranial haemorrhage|intracranial hemorrhage|intracranial bleed|"
      "brain bleed|intracerebral haemorrhage"),
    c("F30", "Manic episode", "episode maniaque|acces maniaque|manie|etat maniaque|hypomanie",
      "manic episode|mania|hypomania|hypomanic episode"),
    c("R63.5", "Abnormal weight gain", "prise de poids", "weight gain"),
    c("I51.9", "Heart disease, unspecified", "probleme cardiaque|problemes cardiaques",
      "heart condition|cardiac problems|heart trouble", True),
    c("R17", "Unspecified jaundice", "ictere|ictere cutaneo-muqueux|jaunisse",
      "jaundice|icterus|jaundiced"),
    c("H53.1", "Subjective visual disturbances", "photophobie|phosphenes|flou visuel|"
      "diplopie|troubles visuels|trouble visuel|baisse de vision", "photophobia|"
      "blurred vision|diplopia|double vision|visual disturbance|visual disturbances|"
      "visual loss"),
    c("T84.5", "Infection and inflammatory reaction due to internal joint prosthesis",
      "infection sur prothese|infection de prothese|infection de la prothese|"
      "infection periprothetique", "prosthetic joint infection|pji|infected prosthesis|"
      "periprosthetic infection"),
    c("L57.0", "Actinic keratosis", "keratose actinique|keratoses actiniques|keratose "
      "solaire", "actinic keratosis|actinic keratoses|solar keratosis|solar keratoses"),
    c("N93.9", "Abnormal uterine and vaginal bleeding, unspecified", "saignement vaginal|"
      "saignements vaginaux|metrorragie|saignement genital", "vaginal bleeding|pv bleeding|"
      "postmenopausal bleeding"),
    c("R77.8", "Other specified abnormalities of plasma proteins (raised PSA)",
      "psa eleve|elevation du psa|augmentation du psa",
      "raised psa|elevated psa|rising psa|high psa"),
    c("R35", "Polyuria", "nycturie|pollakiurie|polyurie", "nocturia|urinary frequency|"
      "polyuria"),
    c("R30.0", "Dysuria", "brulures mictionnelles|dysurie|signes fonctionnels urinaires",
      "dysuria|burning on urination|urinary symptoms"),
    c("I12.9", "Hypertensive renal disease without renal failure", "nephroangiosclerose|"
      "nephropathie hypertensive", "hypertensive nephropathy|hypertensive renal disease",
      True),
    c("B99", "Other and unspecified infectious diseases", "infection|infections|syndrome "
      "infectieux|signes infectieux|foyer infectieux", "infection|infections|"
      "source of infection"),
    c("R29.1", "Meningismus", "raideur meningee|syndrome meninge|raideur de nuque",
      "meningism|neck stiffness|nuchal rigidity"),
    c("R29.8", "Other symptoms involving the nervous system", "deficit neurologique|"
      "deficit neurologique focal|signes de localisation", "focal neurological deficit|"
      "neurological deficit|focal neurology"),
    c("C25", "Malignant neoplasm of pancreas", "tumeur du pancreas|tumeur de la tete du "
      "pancreas|masse pancreatique|adenocarcinome pancreatique", "pancreatic tumour|"
      "pancreatic tumor|pancreatic mass|pancreatic carcinoma"),
    c("K76.9", "Liver disease, unspecified", "hepatopathie|maladie hepatique|atteinte "
      "hepatique", "liver disease|hepatic disease|liver impairment"),
    c("I25.1", "Atherosclerotic heart disease", "stenose de l'iva|stenose de la coronaire|"
      "stenose coronarienne|lesion coronaire|lesions coronaires|lesion tritronculaire",
      "lad stenosis|coronary stenosis|coronary artery stenosis|triple vessel disease|"
      "coronary lesion", True),
    c("M25.6", "Stiffness of joint", "raideur matinale|derouillage matinal|raideur "
      "articulaire", "morning stiffness|joint stiffness|early morning stiffness"),
    c("I71.0", "Dissection of aorta", "dissection aortique|dissection de l'aorte",
      "aortic dissection|dissection of the aorta"),
    c("B44.8", "Other forms of aspergillosis", "aspergillose bronchopulmonaire allergique|"
      "abpa|aspergillose", "allergic bronchopulmonary aspergillosis|abpa|aspergillosis", True),
    c("R18", "Ascites", "ascite", "ascites"),
    c("K72.9", "Hepatic failure, unspecified", "encephalopathie hepatique|insuffisance "
      "hepatocellulaire|insuffisance hepatique", "hepatic encephalopathy|liver failure|"
      "hepatic failure"),
    c("I85", "Oesophageal varices", "varices oesophagiennes|varices oeso-gastriques|vo",
      "oesophageal varices|esophageal varices|varices"),
    c("I26.0", "Pulmonary embolism with mention of acute cor pulmonale", "coeur pulmonaire "
      "aigu|retentissement ventriculaire droit", "right heart strain|rv strain|right "
      "ventricular strain|acute cor pulmonale"),
    c("E26.0", "Primary hyperaldosteronism", "hyperaldosteronisme primaire|"
      "hyperaldosteronisme|syndrome de conn", "primary hyperaldosteronism|hyperaldosteronism|"
      "conn's syndrome", True),
    c("D35.0", "Benign neoplasm of adrenal gland", "adenome surrenalien|incidentalome "
      "surrenalien|adenome de la surrenale", "adrenal adenoma|adrenal incidentaloma", True),
    c("E24", "Cushing syndrome", "syndrome de cushing|maladie de cushing|hypercorticisme",
      "cushing's syndrome|cushing syndrome|cushing's disease", True),
    c("E88.8", "Other specified metabolic disorders", "syndrome metabolique",
      "metabolic syndrome", True),
    c("R73.0", "Abnormal glucose tolerance test", "prediabete|intolerance au glucose|"
      "hyperglycemie moderee a jeun", "prediabetes|pre-diabetes|impaired glucose tolerance|"
      "impaired fasting glucose", True),
    c("I51.7", "Cardiomegaly", "hypertrophie ventriculaire gauche|hvg|cardiomegalie",
      "left ventricular hypertrophy|lvh|cardiomegaly", True),
    c("R50.9", "Fever, unspecified", "apyretique", "afebrile|apyrexial"),
    c("F10.2", "Alcohol dependence syndrome", "addiction a l'alcool|dependance a l'alcool|"
      "alcoolodependance|dependance alcoolique", "alcohol addiction|alcohol dependency|"
      "dependence on alcohol", True),
    c("R61", "Hyperhidrosis", "hypersudation|sueurs|sueurs profuses|diaphorese",
      "hyperhidrosis|sweating|sweaty|diaphoresis|clammy"),
    # --- women's health, pregnancy
    c("N80", "Endometriosis", "endometriose|adenomyose", "endometriosis|adenomyosis", True),
    c("E28.2", "Polycystic ovarian syndrome", "syndrome des ovaires polykystiques|sopk",
      "polycystic ovary syndrome|polycystic ovarian syndrome|pcos", True),
    c("N95.1", "Menopausal and female climacteric states", "menopause|syndrome "
      "climaterique", "menopause|menopausal symptoms", True),
    c("N92", "Excessive, frequent and irregular menstruation", "menorragies|"
      "menometrorragies|metrorragies", "menorrhagia|heavy menstrual bleeding|"
      "heavy periods"),
    c("N94.6", "Dysmenorrhoea, unspecified", "dysmenorrhee", "dysmenorrhoea|dysmenorrhea|"
      "painful periods"),
    c("O14", "Gestational hypertension with significant proteinuria", "pre-eclampsie|"
      "preeclampsie|toxemie gravidique", "pre-eclampsia|preeclampsia"),
    c("O13", "Gestational hypertension", "hta gravidique|hypertension gravidique",
      "gestational hypertension|pregnancy-induced hypertension"),
    c("O03", "Spontaneous abortion", "fausse couche|fausse couche spontanee|fcs",
      "miscarriage|spontaneous abortion"),
    c("O00", "Ectopic pregnancy", "grossesse extra-uterine|geu", "ectopic pregnancy"),
    c("O72", "Postpartum haemorrhage", "hemorragie de la delivrance|hemorragie du "
      "post-partum|hpp", "postpartum haemorrhage|postpartum hemorrhage|pph"),
    c("N63", "Unspecified lump in breast", "nodule du sein|nodule mammaire",
      "breast lump"),
    # --- other
    c("T78.3", "Angioneurotic oedema", "oedeme de quincke|angio-oedeme", "angioedema"),
    c("T78.2", "Anaphylactic shock, unspecified", "choc anaphylactique|anaphylaxie",
      "anaphylaxis|anaphylactic shock"),
    c("R57", "Shock, not elsewhere classified", "etat de choc|choc cardiogenique|"
      "choc hemorragique", "cardiogenic shock|haemorrhagic shock"),
    c("T39", "Poisoning by nonopioid analgesics", "intoxication au paracetamol|"
      "intoxication medicamenteuse volontaire|imv", "paracetamol overdose|"
      "deliberate self-poisoning"),
    c("T51", "Toxic effect of alcohol", "intoxication ethylique aigue|ivresse|"
      "alcoolisation aigue", "alcohol intoxication|acute alcohol intoxication"),
    c("R64", "Cachexia", "cachexie", "cachexia"),
    c("R52", "Pain, not elsewhere classified", "douleur chronique|douleurs chroniques|"
      "douleur osseuse|douleurs osseuses|douleurs diffuses", "chronic pain|bone pain|"
      "widespread pain"),
    c("R07.4", "Chest pain, unspecified", "douleur thoracique atypique|douleurs "
      "thoraciques|precordialgies|douleur retrosternale", "chest pains|central chest pain|"
      "atypical chest pain|chest tightness|retrosternal chest pain"),
    c("R51", "Headache", "cephalee|maux de tete|cephalees chroniques", "headache|"
      "headaches|head ache"),
    c("R40", "Somnolence, stupor and coma", "coma|somnolence|troubles de la vigilance|"
      "obnubilation", "coma|drowsiness|reduced consciousness|reduced gcs"),
    c("R26", "Abnormalities of gait and mobility", "troubles de la marche|trouble de la "
      "marche|ataxie|instabilite a la marche", "gait disturbance|unsteady gait|ataxia|"
      "reduced mobility|poor mobility"),
    c("Z94.0", "Kidney transplant status", "greffe renale|transplantation renale|"
      "transplante renal|greffe renal|transplantee renale", "kidney transplant|renal "
      "transplant|renal transplant recipient", True),
    c("D84.9", "Immunodeficiency, unspecified", "immunodepression|immunodeprime|"
      "immunodeprimee|immunosuppression", "immunosuppressed|immunocompromised|"
      "immunosuppression", True),
    c("K12.3", "Oral mucositis (ulcerative)", "mucite|mucite buccale", "mucositis|oral "
      "mucositis"),
    c("R10.2", "Pelvic and perineal pain", "douleur pelvienne|douleurs pelviennes",
      "pelvic pain"),
    c("D57.3", "Sickle-cell trait", "trait drepanocytaire", "sickle cell trait", True),
    c("K07.6", "Temporomandibular joint disorders", "dysfonction de l'atm|syndrome de l'atm|"
      "dysfonction temporo-mandibulaire", "tmj dysfunction|temporomandibular joint "
      "dysfunction|tmj disorder", True),
    c("T88.5", "Other complications of anaesthesia", "nvpo|nausees vomissements "
      "post-operatoires", "ponv|postoperative nausea and vomiting"),
    c("H20", "Iridocyclitis", "uveite|uveite anterieure|iridocyclite", "uveitis|anterior "
      "uveitis|iritis"),
    c("M77.9", "Enthesopathy, unspecified", "enthesopathie|enthesopathies|enthesite",
      "enthesopathy|enthesitis"),
    c("H54.9", "Unspecified visual impairment", "perte de vision|perte de la vue|cecite brutale",
      "loss of vision|vision loss|sudden visual loss"),
    c("Q21.1", "Atrial septal defect", "foramen ovale permeable|fop|cia|communication "
      "interauriculaire", "patent foramen ovale|pfo|atrial septal defect", True),
    c("E84", "Cystic fibrosis", "mucoviscidose", "cystic fibrosis|cf", True),
    c("Q90", "Down syndrome", "trisomie 21", "down syndrome|down's syndrome|trisomy 21",
      True),
    c("G80", "Cerebral palsy", "infirmite motrice cerebrale|paralysie cerebrale",
      "cerebral palsy", True),
    c("B24", "Unspecified human immunodeficiency virus [HIV] disease", "seropositivite vih|"
      "vih positif", "hiv positive|hiv-positive", True),
    c("B18", "Chronic viral hepatitis", "hepatite chronique|hepatite virale c|hepatite "
      "virale b", "chronic hepatitis|chronic hepatitis b|chronic hepatitis c|hep c|hep b",
      True),
    c("I26", "Pulmonary embolism", "embolie pulmonaire bilaterale|embolies pulmonaires",
      "pulmonary emboli|pulmonary embolus|bilateral pulmonary emboli"),
    c("I80", "Phlebitis and thrombophlebitis", "thrombose veineuse profonde du membre "
      "inferieur|thrombophlebite", "thrombophlebitis|leg dvt"),
    c("I48", "Atrial fibrillation and flutter", "arythmie complete par fibrillation "
      "auriculaire|fa paroxystique|fa permanente|fibrillation auriculaire paroxystique|"
      "fibrillation atriale paroxystique|flutter|ac/fa", "paroxysmal atrial fibrillation|paf|"
      "permanent af|fast af|atrial fibrillation with rapid ventricular response|flutter",
      True),
    c("F10.3", "Alcohol withdrawal state", "syndrome de sevrage alcoolique|delirium tremens",
      "delirium tremens"),
)
