"""Search latency benchmark of the FHIR server over real HTTP, on SQLite and PostgreSQL.

What is measured
----------------
For each backend (SQLite in a temporary file, then a fresh PostgreSQL database that is
dropped afterwards) the script starts the real server as a subprocess (``fhir-ai serve`` on
a loopback port, as ``benchmarks/crud.py`` does), loads a generated clinical data set and
times 20 representative searches.

Data set (``--patients``, default 400; deterministic for a given ``--seed``): a few
Organizations and Practitioners, then per patient one Patient, 10 Encounters, 70
Observations (vital signs incl. blood-pressure panels with components, and laboratory
results, LOINC codes, UCUM quantities), 8 Conditions (SNOMED CT, with an ICD-10 coding) and
10 MedicationRequests (RxNorm), dated over 2020-2025 and referencing each other
(subject, encounter, performer, requester, service provider). 400 patients make about
39,600 resources and take about 10 minutes for both backends on a busy 2-CPU machine (the
load is most of it); ``--patients 1000`` (about 99,000 resources) about 20 minutes.
They are written with client-assigned ids (``PUT`` entries) in transaction Bundles of
``--bundle-size`` entries (default about 300: three patients with all their resources),
``--load-concurrency`` Bundles at a time (default 3); the load throughput (resources/s,
wall clock) is printed. Planner statistics are then gathered (``ANALYZE``) on both
backends, as PostgreSQL's autovacuum does on its own after a bulk load; the server does not
do it on SQLite, where without statistics the planner probes the (type, parameter, code)
index once per candidate row and a token search over 7,000
Observations already takes seconds (``--no-analyze`` shows it).

Queries: each is sent ``--repeat`` times (default 30) after one unmeasured warm-up, one at
a time from a single client, stopping early after ``--query-seconds`` (default 10) of
measured time (a warm-up slower than that is the only sample). Queries about one patient
rotate over patients. Latency is the client's wall clock per request (connection kept
alive); every non-200 answer is an error, and a query that finds fewer resources than it
should is flagged (too small a data set). The table gives p50 and p95 per query and
backend side by side, against the target p95 <= 50 ms.

Usage: ``python benchmarks/search.py [--patients 1000] [--backends sqlite,postgresql]
[--repeat 30]``; ``--patients 30 --repeat 5`` is a quick check. ``--keep`` leaves the
databases in place (their URLs are printed) for EXPLAIN. Exit status 1 when a backend
could not be benchmarked or a request failed.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crud import (  # noqa: E402  (the server start-up and PostgreSQL set-up are shared)
    BASE_PATH,
    DEFAULT_PG_URL,
    process_cpu_seconds,
    running_server,
)

#: About 40,000 resources: both backends in about 10 minutes on a busy 2-CPU machine.
DEFAULT_PATIENTS = 400
TARGET_P95_MS = 50.0
TARGET_LINE = ("target: p95 <= 50 ms for every query (HAPI's p50 is 26-35 ms from 1k to 64k "
               "patients on 12 CPUs)")
CLIENT_TIMEOUT_S = 120.0
HEADERS = {"Accept": "application/fhir+json", "Content-Type": "application/fhir+json"}

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
COND_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
MRN = "urn:oid:1.2.250.1.213.1.4.8"
NPI = "http://hl7.org/fhir/sid/us-npi"

FAMILIES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Müller",
            "Schmid", "Keller", "Weber", "Huber", "Meyer", "Rossi", "Bianchi", "Nguyen",
            "Smith", "Johnson", "Kowalski", "Novak", "Silva", "Dupont"]
GIVEN_F = ["Léa", "Chloé", "Emma", "Sofia", "Amina", "Anna", "Laura", "Julie", "Camille",
           "Sarah", "Inès", "Manon", "Lucie", "Zoé", "Nina"]
GIVEN_M = ["Lucas", "Noah", "Jean", "Omar", "Louis", "Hugo", "Gabriel", "Arthur", "Paul",
           "Luca", "Marco", "Thomas", "Adam", "Nathan", "Yanis"]
CITIES = [("Genève", "1205", "CH"), ("Lausanne", "1003", "CH"), ("Lyon", "69003", "FR"),
          ("Paris", "75011", "FR"), ("Zürich", "8001", "CH"), ("Bern", "3011", "CH")]
ORGANIZATIONS = ["Hôpital Cantonal de Genève", "Clinique des Alpes", "Centre Hospitalier de Lyon",
                 "Hôpital Saint-Louis", "Universitätsspital Zürich", "Inselspital Bern"]

#: (LOINC code, display, UCUM unit, low, high, decimals, weight in the observation mix)
VITALS = [
    ("8867-4", "Heart rate", "/min", 50, 120, 0, 10),
    ("8310-5", "Body temperature", "Cel", 36.0, 39.5, 1, 6),
    ("29463-7", "Body weight", "kg", 45, 120, 1, 6),
    ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 17, 40, 1, 4),
    ("9279-1", "Respiratory rate", "/min", 10, 28, 0, 4),
    ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", 88, 100, 0, 4),
]
LABS = [
    ("2339-0", "Glucose [Mass/volume] in Blood", "mg/dL", 60, 300, 0, 6),
    ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.5, 11, 1, 4),
    ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.5, 3.0, 2, 4),
    ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 8, 18, 1, 4),
    ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 120, 320, 0, 3),
    ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.0, 6.0, 1, 3),
    ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 128, 150, 0, 3),
    ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 3, 15, 1, 2),
    ("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", 0, 120, 1, 1),
]
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional", 12)
#: (SNOMED CT code, display, ICD-10 code)
CONDITIONS = [
    ("44054006", "Diabetes mellitus type 2", "E11.9"),
    ("38341003", "Hypertensive disorder", "I10"),
    ("195967001", "Asthma", "J45.9"),
    ("13645005", "Chronic obstructive pulmonary disease", "J44.9"),
    ("35489007", "Depressive disorder", "F32.9"),
    ("55822004", "Hyperlipidemia", "E78.5"),
    ("49436004", "Atrial fibrillation", "I48.91"),
    ("414545008", "Ischemic heart disease", "I25.9"),
    ("431855005", "Chronic kidney disease stage 1", "N18.1"),
    ("69896004", "Rheumatoid arthritis", "M06.9"),
    ("73211009", "Diabetes mellitus", "E14.9"),
    ("230690007", "Cerebrovascular accident", "I63.9"),
    ("40930008", "Hypothyroidism", "E03.9"),
    ("235595009", "Gastroesophageal reflux disease", "K21.9"),
    ("36971009", "Sinusitis", "J32.9"),
    ("444814009", "Viral sinusitis", "J01.90"),
]
#: (RxNorm code, display, dosage text)
MEDICATIONS = [
    ("860975", "metformin hydrochloride 500 MG Oral Tablet", "500 mg twice daily"),
    ("314076", "lisinopril 10 MG Oral Tablet", "10 mg once daily"),
    ("617312", "atorvastatin 40 MG Oral Tablet", "40 mg at night"),
    ("197361", "amlodipine 5 MG Oral Tablet", "5 mg once daily"),
    ("310798", "hydrochlorothiazide 25 MG Oral Tablet", "25 mg once daily"),
    ("745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "2 puffs as needed"),
    ("312938", "sertraline 50 MG Oral Tablet", "50 mg once daily"),
    ("855332", "warfarin sodium 5 MG Oral Tablet", "5 mg once daily"),
    ("198211", "simvastatin 40 MG Oral Tablet", "40 mg at night"),
    ("849574", "naproxen sodium 220 MG Oral Tablet", "220 mg every 12 hours"),
    ("966221", "levothyroxine sodium 0.05 MG Oral Tablet", "50 ug every morning"),
    ("308136", "amlodipine 2.5 MG Oral Tablet", "2.5 mg once daily"),
]
ENCOUNTER_CLASSES = [("AMB", "ambulatory", 7), ("IMP", "inpatient encounter", 1),
                     ("EMER", "emergency", 2)]
ENCOUNTER_TYPES = [("185349003", "Encounter for check up"), ("390906007", "Follow-up encounter"),
                   ("50849002", "Emergency room admission"), ("183452005", "Emergency hospital "
                   "admission"), ("270427003", "Patient-initiated encounter")]
START = datetime(2020, 1, 1, tzinfo=UTC)
SPAN_DAYS = 6 * 365


# --------------------------------------------------------------------------- data set

@dataclass(frozen=True)
class Shape:
    """How many resources of each kind per patient."""

    encounters: int = 10
    observations: int = 70
    conditions: int = 8
    medications: int = 10

    @property
    def per_patient(self) -> int:
        return 1 + self.encounters + self.observations + self.conditions + self.medications


def org_id(i: int) -> str:
    return f"org{i:02d}"


def practitioner_id(i: int) -> str:
    return f"prac{i:03d}"


def patient_id(i: int) -> str:
    return f"pat{i:05d}"


def shared_resources(n_practitioners: int) -> list[dict[str, Any]]:
    """The Organizations and Practitioners every patient refers to."""
    out: list[dict[str, Any]] = []
    for i, name in enumerate(ORGANIZATIONS):
        city, postal, country = CITIES[i % len(CITIES)]
        out.append({"resourceType": "Organization", "id": org_id(i), "active": True,
                    "identifier": [{"system": "urn:oid:2.51.1.3", "value": f"76010{i:08d}"}],
                    "type": [{"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/organization-type",
                        "code": "prov", "display": "Healthcare Provider"}]}],
                    "name": name,
                    "address": [{"city": city, "postalCode": postal, "country": country}]})
    rng = random.Random(7)
    for i in range(n_practitioners):
        female = i % 2 == 0
        out.append({"resourceType": "Practitioner", "id": practitioner_id(i), "active": True,
                    "identifier": [{"system": NPI, "value": f"{1000000000 + i * 7919}"}],
                    "name": [{"family": rng.choice(FAMILIES), "prefix": ["Dr"],
                              "given": [rng.choice(GIVEN_F if female else GIVEN_M)]}],
                    "gender": "female" if female else "male"})
    return out


def _when(rng: random.Random) -> datetime:
    return START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _pick_weighted(rng: random.Random, items: list[Any], weight_index: int) -> Any:
    return rng.choices(items, weights=[it[weight_index] for it in items])[0]


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def _observation(pid: str, oid: str, rng: random.Random, enc: tuple[str, datetime],
                 performer: str) -> dict[str, Any]:
    kind = rng.random()
    when = enc[1] + timedelta(minutes=rng.randrange(0, 240))
    obs: dict[str, Any] = {"resourceType": "Observation", "id": oid, "status": "final",
                           "subject": {"reference": f"Patient/{pid}"},
                           "encounter": {"reference": f"Encounter/{enc[0]}"},
                           "effectiveDateTime": _iso(when), "issued": _iso(when),
                           "performer": [{"reference": f"Practitioner/{performer}"}]}
    if kind < BP_PANEL[2] / 60:
        systolic, diastolic = rng.randint(95, 190), rng.randint(55, 115)
        obs["category"] = [{"coding": [{"system": OBS_CATEGORY, "code": "vital-signs",
                                        "display": "Vital Signs"}]}]
        obs["code"] = {"coding": [{"system": LOINC, "code": BP_PANEL[0],
                                   "display": BP_PANEL[1]}], "text": "Blood pressure"}
        obs["component"] = [
            {"code": {"coding": [{"system": LOINC, "code": "8480-6",
                                  "display": "Systolic blood pressure"}]},
             "valueQuantity": _quantity(systolic, "mm[Hg]")},
            {"code": {"coding": [{"system": LOINC, "code": "8462-4",
                                  "display": "Diastolic blood pressure"}]},
             "valueQuantity": _quantity(diastolic, "mm[Hg]")}]
        return obs
    lab = kind >= 0.55
    code, display, unit, low, high, decimals, _ = _pick_weighted(
        rng, LABS if lab else VITALS, 6)
    value = round(rng.uniform(low, high), decimals)
    obs["category"] = [{"coding": [{"system": OBS_CATEGORY,
                                    "code": "laboratory" if lab else "vital-signs",
                                    "display": "Laboratory" if lab else "Vital Signs"}]}]
    obs["code"] = {"coding": [{"system": LOINC, "code": code, "display": display}],
                   "text": display}
    obs["valueQuantity"] = _quantity(int(value) if decimals == 0 else value, unit)
    return obs


def patient_resources(i: int, shape: Shape, n_practitioners: int, seed: int
                      ) -> list[dict[str, Any]]:
    """Patient ``i`` and everything about it (deterministic)."""
    rng = random.Random(seed * 1_000_003 + i)
    pid = patient_id(i)
    female = rng.random() < 0.52
    org = org_id(rng.randrange(len(ORGANIZATIONS)))
    city, postal, country = rng.choice(CITIES)
    practitioners = [practitioner_id(rng.randrange(n_practitioners)) for _ in range(3)]
    out: list[dict[str, Any]] = [{
        "resourceType": "Patient", "id": pid, "active": True,
        "identifier": [{"use": "usual", "system": MRN, "value": f"MRN{i:07d}"}],
        "name": [{"use": "official", "family": rng.choice(FAMILIES),
                  "given": [rng.choice(GIVEN_F if female else GIVEN_M)]}],
        "telecom": [{"system": "phone", "value": f"+41 79 {rng.randrange(10**7):07d}",
                     "use": "mobile"}],
        "gender": "female" if female else "male",
        "birthDate": f"{rng.randint(1930, 2015)}-{rng.randint(1, 12):02d}-"
                     f"{rng.randint(1, 28):02d}",
        "address": [{"use": "home", "line": [f"{rng.randint(1, 200)} rue du Rhône"],
                     "city": city, "postalCode": postal, "country": country}],
        "managingOrganization": {"reference": f"Organization/{org}"},
        "generalPractitioner": [{"reference": f"Practitioner/{practitioners[0]}"}],
    }]
    encounters = []
    for k in range(shape.encounters):
        eid = f"{pid}-e{k:02d}"
        start = _when(rng)
        cls, cls_display, _ = _pick_weighted(rng, ENCOUNTER_CLASSES, 2)
        etype = rng.choice(ENCOUNTER_TYPES)
        hours = rng.randint(24, 24 * 8) if cls == "IMP" else rng.randint(1, 4)
        encounters.append((eid, start))
        out.append({"resourceType": "Encounter", "id": eid, "status": "finished",
                    "class": {"system": ACT_CODE, "code": cls, "display": cls_display},
                    "type": [{"coding": [{"system": SNOMED, "code": etype[0],
                                          "display": etype[1]}]}],
                    "subject": {"reference": f"Patient/{pid}"},
                    "participant": [{"individual": {
                        "reference": f"Practitioner/{rng.choice(practitioners)}"}}],
                    "period": {"start": _iso(start),
                               "end": _iso(start + timedelta(hours=hours))},
                    "serviceProvider": {"reference": f"Organization/{org}"}})
    for k in range(shape.observations):
        out.append(_observation(pid, f"{pid}-o{k:03d}", rng, rng.choice(encounters),
                                rng.choice(practitioners)))
    for k, (code, display, icd) in enumerate(rng.sample(CONDITIONS, shape.conditions)):
        eid, when = rng.choice(encounters)
        active = rng.random() < 0.7
        out.append({"resourceType": "Condition", "id": f"{pid}-c{k:02d}",
                    "clinicalStatus": {"coding": [{"system": CLINICAL,
                                                   "code": "active" if active else "resolved"}]},
                    "verificationStatus": {"coding": [{"system": VERIFICATION,
                                                       "code": "confirmed"}]},
                    "category": [{"coding": [{"system": COND_CATEGORY,
                                              "code": "problem-list-item"}]}],
                    "code": {"coding": [{"system": SNOMED, "code": code, "display": display},
                                        {"system": ICD10, "code": icd}], "text": display},
                    "subject": {"reference": f"Patient/{pid}"},
                    "encounter": {"reference": f"Encounter/{eid}"},
                    "onsetDateTime": _iso(when - timedelta(days=rng.randrange(0, 2000))),
                    "recordedDate": _iso(when)})
    for k in range(shape.medications):
        code, display, dose = rng.choice(MEDICATIONS)
        eid, when = rng.choice(encounters)
        status = rng.choices(["active", "completed", "stopped"], weights=[5, 4, 1])[0]
        out.append({"resourceType": "MedicationRequest", "id": f"{pid}-m{k:02d}",
                    "status": status, "intent": "order",
                    "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": code,
                                                              "display": display}],
                                                  "text": display},
                    "subject": {"reference": f"Patient/{pid}"},
                    "encounter": {"reference": f"Encounter/{eid}"},
                    "authoredOn": _iso(when),
                    "requester": {"reference": f"Practitioner/{rng.choice(practitioners)}"},
                    "dosageInstruction": [{"text": dose}]})
    return out


def transaction(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": f"{r['resourceType']}/{r['id']}", "resource": r,
         "request": {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}}
        for r in resources]}


def bundles(patients: int, shape: Shape, n_practitioners: int, bundle_size: int, seed: int
            ) -> Iterator[list[dict[str, Any]]]:
    """The data set as lists of resources, one transaction each (whole patients together)."""
    yield shared_resources(n_practitioners)
    batch: list[dict[str, Any]] = []
    for i in range(patients):
        batch.extend(patient_resources(i, shape, n_practitioners, seed))
        if len(batch) + shape.per_patient > bundle_size:
            yield batch
            batch = []
    if batch:
        yield batch


# --------------------------------------------------------------------------- loading

@dataclass
class LoadResult:
    resources: int = 0
    bundles: int = 0
    seconds: float = 0.0
    server_cpu_s: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.resources / self.seconds if self.seconds > 0 else 0.0


def load(base_url: str, args: argparse.Namespace, server_pid: int) -> LoadResult:
    """Send the data set as transaction Bundles, ``args.load_concurrency`` at a time."""
    import httpx
    import orjson

    shape, result = Shape(), LoadResult()
    lock = threading.Lock()
    headers = {**HEADERS, "Prefer": "return=minimal"}
    limits = httpx.Limits(max_connections=args.load_concurrency)
    cpu0, start = process_cpu_seconds(server_pid), time.perf_counter()
    progress = max(1, args.patients * shape.per_patient // 10)
    with httpx.Client(base_url=base_url, headers=headers, timeout=600.0, limits=limits,
                      trust_env=False) as client:

        def send(resources: list[dict[str, Any]]) -> None:
            body = orjson.dumps(transaction(resources))
            try:
                resp = client.post(BASE_PATH, content=body)
                error = None if resp.status_code == 200 else \
                    f"{resp.status_code}: {resp.text[:300]}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            with lock:
                before = result.resources
                if error:
                    result.errors.append(error)
                else:
                    result.resources += len(resources)
                    result.bundles += 1
                if result.resources // progress != before // progress:
                    done = time.perf_counter() - start
                    print(f"    {result.resources} resources in {done:.0f} s "
                          f"({result.resources / done:.0f}/s)", flush=True)

        data = bundles(args.patients, shape, args.practitioners, args.bundle_size, args.seed)
        send(next(data))  # organizations and practitioners first: everything refers to them
        with ThreadPoolExecutor(args.load_concurrency) as pool:
            pending: list[Any] = []
            for batch in data:  # generated lazily, at most 2 Bundles ahead per sender
                pending.append(pool.submit(send, batch))
                if len(pending) >= 2 * args.load_concurrency:
                    pending.pop(0).result()
            for f in pending:
                f.result()
    result.seconds = time.perf_counter() - start
    result.server_cpu_s = process_cpu_seconds(server_pid) - cpu0
    return result


# --------------------------------------------------------------------------- queries

@dataclass(frozen=True)
class Query:
    name: str
    #: request path and query under the FHIR base; ``{pid}`` is replaced by a patient id
    path: str
    #: what it exercises
    feature: str
    #: the first page should hold at least this many resources
    min_results: int = 1
    #: ``next`` links followed (not timed) before the timed request: paging
    follow_next: int = 0


def queries(args: argparse.Namespace) -> list[Query]:
    family = FAMILIES[0]
    org = ORGANIZATIONS[1]
    return [
        Query("token", "Observation?code=8867-4", "token, code only"),
        Query("token-system", f"Observation?code={LOINC}|2339-0", "token, system|code"),
        Query("token-two", f"Condition?code={SNOMED}|44054006&clinical-status=active",
              "two token parameters"),
        Query("reference", "Observation?subject=Patient/{pid}", "reference"),
        Query("ref-date-sort", "Observation?patient=Patient/{pid}&date=ge2023-01-01"
              "&_sort=-date", "reference + date + _sort"),
        Query("date-range", "Observation?date=ge2024-03-01&date=lt2024-03-08", "date range"),
        Query("date-day", "Encounter?date=2024-06-03", "date, one day (period overlap)"),
        Query("string", "Patient?name=mar", "string (starts with, accent-insensitive)"),
        Query("chained", f"Observation?subject:Patient.name={family}&code=2339-0",
              "chained reference + token"),
        Query("chained-2", f"Encounter?subject:Patient.organization.name={org}",
              "two-level chain"),
        Query("has", f"Patient?_has:Condition:patient:code={SNOMED}|69896004",
              "_has (reverse chain)"),
        Query("include", "MedicationRequest?patient=Patient/{pid}"
              "&_include=MedicationRequest:requester", "_include"),
        Query("revinclude", f"Patient?name={family}&_revinclude=Encounter:subject",
              "_revinclude"),
        Query("sort-page1", "Observation?code=8867-4&_sort=-date&_count=50",
              "_sort + _count, first page"),
        Query("sort-page3", "Observation?code=8867-4&_sort=-date&_count=50",
              "_sort + paging: third page through next links", follow_next=2),
        Query("total", "Observation?code=2339-0&_total=accurate", "_total=accurate"),
        Query("composite", f"Observation?code-value-quantity={LOINC}|2339-0$gt250",
              "composite (code + quantity)"),
        Query("quantity", f"Observation?value-quantity=ge180|{UCUM}|mg/dL"
              f"&value-quantity=le200|{UCUM}|mg/dL", "quantity range with unit"),
        Query("compartment", "Patient/{pid}/Observation", "compartment search"),
        Query("everything", "Patient/{pid}/$everything", "$everything (about 100 resources)"),
    ]


@dataclass
class QueryResult:
    backend: str
    query: Query
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: entries in the first response (and Bundle.total when given)
    entries: int = 0
    total: int | None = None
    #: fewer results than the query should find on this data set (too small a data set?)
    too_few: bool = False

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return math.nan
        ordered = sorted(self.latencies_ms)
        rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
        return ordered[rank - 1]


def _local(url: str) -> str:
    """A link of the server as a path + query for the client (its host may differ)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _next_link(bundle: dict[str, Any]) -> str | None:
    for link in bundle.get("link") or []:
        if link.get("relation") == "next":
            return str(link["url"])
    return None


def run_query(client: Any, backend: str, query: Query, args: argparse.Namespace
              ) -> QueryResult:
    result = QueryResult(backend, query)
    rng = random.Random(args.seed)
    pids = [patient_id(rng.randrange(args.patients)) for _ in range(args.repeat + 1)]

    def url_for(n: int) -> str | None:
        url = f"{BASE_PATH}/{query.path.format(pid=pids[n])}"
        for _ in range(query.follow_next):
            resp = client.get(url)
            if resp.status_code != 200:
                result.errors.append(f"{resp.status_code}: {resp.text[:200]}")
                return None
            link = _next_link(resp.json())
            if link is None:  # fewer pages than that: too small a data set
                result.too_few = True
                return None
            url = _local(link)
        return url

    budget_end = None
    for n in range(args.repeat + 1):  # the first run is a warm-up
        url = url_for(n)
        if url is None:
            break
        t0 = time.perf_counter()
        try:
            resp = client.get(url)
        except Exception as exc:
            result.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        elapsed = (time.perf_counter() - t0) * 1000.0
        if resp.status_code != 200:
            result.errors.append(f"{resp.status_code}: {resp.text[:200]}")
            continue
        if n == 0:
            body = resp.json()
            result.entries = len(body.get("entry") or [])
            result.total = body.get("total")
            result.too_few = result.entries < query.min_results
            if elapsed > args.query_seconds * 1000.0:  # too slow to repeat: one sample
                result.latencies_ms.append(elapsed)
                break
            budget_end = time.perf_counter() + args.query_seconds
            continue
        result.latencies_ms.append(elapsed)
        if budget_end is not None and time.perf_counter() > budget_end:
            break
    return result


def run_queries(base_url: str, backend: str, args: argparse.Namespace) -> list[QueryResult]:
    import httpx

    out = []
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=CLIENT_TIMEOUT_S,
                      trust_env=False) as client:
        for query in queries(args):
            r = run_query(client, backend, query, args)
            out.append(r)
            print(f"    {query.name:<13} p50 {r.percentile(50):8.1f} ms  p95 "
                  f"{r.percentile(95):8.1f} ms  ({len(r.latencies_ms)} runs, "
                  f"{r.entries} entries{'' if r.total is None else f', total {r.total}'})"
                  + (f"  ERRORS: {r.errors[0]}" if r.errors else ""), flush=True)
    return out


# --------------------------------------------------------------------------- databases

@contextmanager
def database(backend: str, tmp: Path, pg_url: str, keep: bool) -> Iterator[str]:
    """A fresh database URL for ``backend``; dropped afterwards unless ``keep``."""
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="fhir-search-bench-")) if keep else tmp
        yield f"sqlite:///{folder / 'bench.db'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = f"fhirai_search_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
        finally:
            if not keep:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def analyze(url: str) -> float:
    """``ANALYZE`` the database: planner statistics (seconds taken)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    t0 = time.perf_counter()
    try:
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()
    return time.perf_counter() - t0


@dataclass
class BackendResult:
    backend: str
    load: LoadResult
    queries: list[QueryResult]


def bench_backend(backend: str, args: argparse.Namespace, tmp: Path) -> BackendResult:
    with database(backend, tmp, args.pg_url, args.keep) as url, \
            running_server(url, tmp / f"server-{backend}.log") as (pid, base_url):
        print(f"  {backend}: server pid {pid} at {base_url}{BASE_PATH}"
              + (f", database {url}, server log in {tmp}" if args.keep else ""), flush=True)
        loaded = load(base_url, args, pid)
        print(f"  {backend}: loaded {loaded.resources} resources in {loaded.bundles} Bundles, "
              f"{loaded.seconds:.1f} s: {loaded.rate:.0f} resources/s "
              f"(server CPU {loaded.server_cpu_s:.0f} s), {len(loaded.errors)} errors",
              flush=True)
        for error in loaded.errors[:3]:
            print(f"    e.g. {error}")
        if args.analyze:
            print(f"  {backend}: ANALYZE in {analyze(url):.1f} s", flush=True)
        return BackendResult(backend, loaded, run_queries(base_url, backend, args))


# --------------------------------------------------------------------------- report

def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}"


def report(results: list[BackendResult], args: argparse.Namespace) -> None:
    backends = [r.backend for r in results]
    by = {(r.backend, q.query.name): q for r in results for q in r.queries}
    print(f"\n== search latency, {args.patients} patients "
          f"(~{args.patients * Shape().per_patient} resources), ms ==")
    head = f"{'query':<13} {'feature':<46}"
    for b in backends:
        head += f" {b + ' p50':>15} {b + ' p95':>15}"
    print(head + "  results")
    missed: list[str] = []
    for query in queries(args):
        line = f"{query.name:<13} {query.feature:<46}"
        hits: list[str] = []
        for b in backends:
            r = by.get((b, query.name))
            if r is None:
                line += f" {'-':>15} {'-':>15}"
                continue
            p95 = r.percentile(95)
            flag = "*" if r.errors or math.isnan(p95) or p95 > TARGET_P95_MS else " "
            line += f" {_ms(r.percentile(50)):>15} {_ms(p95):>14}{flag}"
            if flag == "*":
                missed.append(f"{query.name} on {b}")
            hits.append(f"{r.entries}" + ("" if r.total is None else f"/{r.total}")
                        + (" (too few!)" if r.too_few else ""))
        print(f"{line}  {' vs '.join(dict.fromkeys(hits))}")
    print("(* misses the target or failed; results: entries in the first page / Bundle.total, "
          "per backend when they differ)")
    print("\n== load ==")
    for r in results:
        print(f"  {r.backend:<10} {r.load.resources} resources in {r.load.seconds:.1f} s: "
              f"{r.load.rate:.0f} resources/s ({r.load.bundles} transaction Bundles of "
              f"<= {args.bundle_size} entries, {args.load_concurrency} at a time)")
    print(f"\n{TARGET_LINE}")
    if missed:
        print(f"  missed ({len(missed)}): {', '.join(missed)}")
    elif not results:
        print("  nothing measured")
    else:
        print("  met by every query on every backend")
    for r in results:
        for q in r.queries:
            for e in q.errors[:2]:
                print(f"  error {r.backend} {q.query.name}: {e}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--patients", type=int, default=DEFAULT_PATIENTS,
                        help="patients in the data set, about 99 resources each (default "
                             f"{DEFAULT_PATIENTS}; 1000 for about 100,000 resources)")
    parser.add_argument("--backends", default="sqlite,postgresql",
                        help="comma-separated, among sqlite and postgresql")
    parser.add_argument("--repeat", type=int, default=30,
                        help="measured runs per query (default 30)")
    parser.add_argument("--query-seconds", type=float, default=10.0,
                        help="stop repeating a query after this many seconds (default 10)")
    parser.add_argument("--bundle-size", type=int, default=300,
                        help="at most this many entries per transaction Bundle (default 300)")
    parser.add_argument("--load-concurrency", type=int, default=3,
                        help="transaction Bundles sent at a time (default 3)")
    parser.add_argument("--practitioners", type=int, default=40)
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL,
                        help="admin URL of a PostgreSQL server; a fresh database is created "
                             "on it and dropped afterwards")
    parser.add_argument("--no-analyze", dest="analyze", action="store_false",
                        help="do not gather planner statistics (ANALYZE) after the load")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases (for EXPLAIN); their URLs are printed")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(args.backends) - {"sqlite", "postgresql"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    if min(args.patients, args.repeat, args.bundle_size, args.load_concurrency,
           args.practitioners) < 1 or args.query_seconds <= 0:
        parser.error("sizes, counts and --query-seconds must be positive")
    if args.bundle_size < Shape().per_patient:
        parser.error(f"--bundle-size must hold one patient ({Shape().per_patient} entries)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    print(f"FHIR search benchmark: {args.patients} patients (~{args.patients * Shape().per_patient}"
          f" resources), {args.repeat} runs per query, machine with {os.cpu_count()} CPUs\n")
    results: list[BackendResult] = []
    failed: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="fhir-search-bench-"))
    try:
        for backend in args.backends:
            try:
                results.append(bench_backend(backend, args, tmp))
            except Exception as exc:
                failed.append(backend)
                print(f"{backend}: benchmark failed: {type(exc).__name__}: {exc}",
                      file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    report(results, args)
    for backend in failed:
        print(f"\n{backend}: NOT BENCHMARKED (see the error above)")
    errors = sum(len(q.errors) for r in results for q in r.queries) + sum(
        len(r.load.errors) for r in results)
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
