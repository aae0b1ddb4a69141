"""Measurement noise per analyte: when a change is a trend and when a series is stable.

The reference change value (RCV, Fraser 2001), in its log-normal form (Fokkema et al.,
Clin Chem 2006): two results of one patient differ significantly (two-sided, 95 %) when
``|ln(last / first)| > 1.96 * sqrt(2) * sqrt(ln(1 + CVa^2) + ln(1 + CVi^2))``, where CVa is
the analytical imprecision and CVi the within-subject biological variation. The limits are
asymmetric: a fall of CRP from 120 to 15 mg/L is significant, a rise from 120 to 225 is not.
The CVi below are rounded values of the EFLM Biological Variation Database
(https://biologicalvariation.eu/) and the CVa typical laboratory imprecision; both are
approximations a laboratory should replace with its own. Analytes not listed use
CVa = CVi = 2.5 % (limits of about +/- 10 %). Temperature and pH, interval scales, use an
absolute limit instead (0.5 °C, 0.05). See docs/summarize.md for the full rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z = 1.96 * math.sqrt(2.0)


@dataclass(frozen=True)
class Analyte:
    fr: str
    en: str
    cvi: float  # within-subject biological variation, %
    cva: float  # analytical imprecision, %
    #: g/mol, to put mass (mg/dL) and substance (mmol/L) concentrations in one series
    molar_mass: float | None = None
    #: an absolute limit instead of the RCV, for interval scales where ratios mean nothing
    #: (temperature in °C, pH)
    absolute: float | None = None

    @property
    def rcv(self) -> float:
        """The log-normal reference change value: a change is significant when
        ``|ln(last / first)|`` exceeds it (up: ``exp(rcv) - 1``, down: ``exp(-rcv) - 1``)."""
        return Z * math.sqrt(math.log1p((self.cva / 100) ** 2) + math.log1p((self.cvi / 100) ** 2))

    @property
    def analytical(self) -> float:
        """The same limit for analytical noise alone."""
        return Z * math.sqrt(math.log1p((self.cva / 100) ** 2))


DEFAULT = Analyte("", "", 2.5, 2.5)

_CREAT = Analyte("Créatinine", "Creatinine", 4.5, 3.0, 113.12)
_EGFR = Analyte("DFG estimé", "eGFR", 4.5, 3.0)
_HBA1C = Analyte("HbA1c", "HbA1c", 1.6, 2.0)
_GLUCOSE = Analyte("Glycémie", "Glucose", 5.0, 2.5, 180.156)
_TEMP = Analyte("Température", "Body temperature", 0.0, 0.0, absolute=0.5)  # °C
_PH = Analyte("pH", "pH", 0.0, 0.0, absolute=0.05)
_SPO2 = Analyte("SpO2", "SpO2", 1.0, 1.0)
_LDL = Analyte("LDL-cholestérol", "LDL cholesterol", 8.0, 3.0, 386.65)

#: LOINC code -> analyte (names in French and English, CVi, CVa)
ANALYTES: dict[str, Analyte] = {
    "2160-0": _CREAT, "14682-9": _CREAT, "38483-4": _CREAT,
    "33914-3": _EGFR, "62238-1": _EGFR, "48642-3": _EGFR, "48643-1": _EGFR,
    "98979-8": _EGFR, "69405-9": _EGFR, "50044-7": _EGFR,
    "4548-4": _HBA1C, "17856-6": _HBA1C,
    # IFCC mmol/mol: a series of its own (its values are not a fraction of the NGSP %)
    "59261-8": Analyte("HbA1c (IFCC)", "HbA1c (IFCC)", 1.6, 2.0),
    "2345-7": _GLUCOSE, "2339-0": _GLUCOSE, "1558-6": _GLUCOSE, "14749-6": _GLUCOSE,
    "15074-8": _GLUCOSE,
    "2823-3": Analyte("Potassium", "Potassium", 4.0, 2.0),
    "6298-4": Analyte("Potassium", "Potassium", 4.0, 2.0),
    "2951-2": Analyte("Sodium", "Sodium", 0.6, 0.7),
    "2947-0": Analyte("Sodium", "Sodium", 0.6, 0.7),
    "718-7": Analyte("Hémoglobine", "Hemoglobin", 2.7, 1.5, 16114.5),
    "777-3": Analyte("Plaquettes", "Platelets", 7.0, 3.0),
    "26515-7": Analyte("Plaquettes", "Platelets", 7.0, 3.0),
    "6690-2": Analyte("Leucocytes", "White blood cells", 11.0, 3.0),
    "26464-8": Analyte("Leucocytes", "White blood cells", 11.0, 3.0),
    "1988-5": Analyte("CRP", "CRP", 40.0, 5.0),
    "2093-3": Analyte("Cholestérol total", "Total cholesterol", 5.5, 3.0, 386.65),
    "13457-7": _LDL, "18262-6": _LDL, "2089-1": _LDL,
    "2571-8": Analyte("Triglycérides", "Triglycerides", 20.0, 5.0, 885.7),
    "3016-3": Analyte("TSH", "TSH", 18.0, 5.0),
    "1742-6": Analyte("ALAT", "ALT", 10.0, 5.0),
    "1920-8": Analyte("ASAT", "AST", 9.0, 5.0),
    "3094-0": Analyte("Urée", "Urea", 14.0, 3.0, 60.06),
    "1751-7": Analyte("Albumine", "Albumin", 2.5, 1.5),
    "29463-7": Analyte("Poids", "Body weight", 1.0, 0.5),
    "8480-6": Analyte("Pression systolique", "Systolic blood pressure", 7.0, 2.0),
    "8310-5": _TEMP, "8331-1": _TEMP, "8332-9": _TEMP, "8333-7": _TEMP,
    "2744-1": _PH, "11558-4": _PH, "2753-2": _PH,
    "59408-5": _SPO2, "2708-6": _SPO2, "2710-2": _SPO2,
    "8867-4": Analyte("Fréquence cardiaque", "Heart rate", 8.0, 2.0),
    "9279-1": Analyte("Fréquence respiratoire", "Respiratory rate", 10.0, 5.0),
    "39156-5": Analyte("IMC", "BMI", 1.0, 0.5),
    "8462-4": Analyte("Pression diastolique", "Diastolic blood pressure", 7.0, 2.0),
}


def analyte(loinc: str | None) -> Analyte:
    return ANALYTES.get(loinc or "", DEFAULT)
