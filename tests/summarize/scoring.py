"""Scores a ``$summarize`` document against the facts of a development record.

Reads the document as a clinician would: the rows of the abnormal-results table (date, value
and flag word), the lines of the trends section (name, direction word), the conclusions
quoted; and checks that every date and number in the narratives occurs in a source resource.

``python -m tests.summarize.scoring`` loads every record into a fresh SQLite database, runs
the operation through HTTP and prints the figures.
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RECORDS = Path(__file__).parent / "records"
SECTION = "http://fhir-ai.example.org/CodeSystem/summary-section"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FLAG_WORDS = {"fr": {"high": "élevé", "low": "bas", "abnormal": "anormal"},
              "en": {"high": "high", "low": "low", "abnormal": "abnormal"}}
DIRECTION_WORDS = {"fr": {"up": "en hausse", "down": "en baisse"},
                   "en": {"up": "rising", "down": "falling"}}


def records() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for path in sorted(RECORDS.glob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        out.append((path.stem, json.loads(path.read_text("utf-8")), expected))
    return out


def section(document: dict[str, Any], code: str) -> dict[str, Any]:
    comp = document["entry"][0]["resource"]
    return next(s for s in comp["section"] if s["code"]["coding"][0] == {
        "system": SECTION, "code": code, "display": s["code"]["coding"][0]["display"]})


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def rows(sec: dict[str, Any]) -> list[str]:
    return [plain(r) for r in re.findall(r"<tr>(.*?)</tr>", sec["text"]["div"])]


def items(sec: dict[str, Any]) -> list[str]:
    return [plain(r).strip() for r in re.findall(r"<li>(.*?)</li>", sec["text"]["div"])]


def fmt_date(iso: str, lang: str) -> str:
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}" if lang == "fr" else f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def fmt_number(value: Any, lang: str) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


# -- nothing invented ----------------------------------------------------------------------
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
DATE_FR = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
DATE_EN = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        out = []
        for k, v in node.items():
            if k == "data" and isinstance(v, str):
                out.append(base64.b64decode(v).decode("utf-8", errors="replace"))
            else:
                out += _strings(v)
        return out
    if isinstance(node, list):
        return [s for x in node for s in _strings(x)]
    return [str(node)]


def source_facts(resources: list[dict[str, Any]]) -> tuple[set[float], set[str]]:
    numbers: set[float] = set()
    dates: set[str] = set()
    for text in _strings(resources):
        dates.update(re.findall(r"\d{4}-\d{2}-\d{2}", text))
        numbers.update(float(n.replace(",", ".")) for n in NUMBER.findall(text))
    return numbers, dates


def invented(narrative: str, numbers: set[float], dates: set[str]) -> list[str]:
    """Dates and numbers of ``narrative`` that no source resource holds."""
    bad = []
    for d, m, y in DATE_FR.findall(narrative):
        if f"{y}-{m}-{d}" not in dates:
            bad.append(f"{d}/{m}/{y}")
    for d, mon, y in DATE_EN.findall(narrative):
        if f"{y}-{MONTHS.index(mon) + 1:02d}-{int(d):02d}" not in dates:
            bad.append(f"{d} {mon} {y}")
    rest = DATE_EN.sub(" ", DATE_FR.sub(" ", narrative))
    bad += [n for n in NUMBER.findall(rest) if float(n.replace(",", ".")) not in numbers]
    return bad


# -- scoring -------------------------------------------------------------------------------
@dataclass
class Score:
    abnormal_expected: int = 0
    abnormal_found: int = 0
    trends_expected: int = 0
    trends_right: int = 0
    stable_expected: int = 0
    stable_right: int = 0
    stable_called_trend: int = 0
    extra_trends: int = 0
    extra_abnormal: int = 0
    invented: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def line(self) -> str:
        return (f"abnormal {self.abnormal_found}/{self.abnormal_expected}, trends "
                f"{self.trends_right}/{self.trends_expected} right direction, stable "
                f"{self.stable_right}/{self.stable_expected} (called a trend: "
                f"{self.stable_called_trend}), extra trends {self.extra_trends}, extra abnormal "
                f"{self.extra_abnormal}, invented "
                f"numbers/dates {len(self.invented)}")


def score(name: str, record: dict[str, Any], expected: dict[str, Any],
          document: dict[str, Any]) -> Score:
    lang = expected["language"]
    sources = {e["resource"]["id"]: e["resource"] for e in record["entry"]}
    s = Score()
    table = rows(section(document, "abnormal-results"))
    for item in expected["abnormal"]:
        s.abnormal_expected += 1
        obs = sources[item["observation"]]
        when = fmt_date(obs.get("effectiveDateTime") or (obs.get("effectivePeriod") or {}).get(
            "start") or obs["issued"], lang)
        value = fmt_number(obs["valueQuantity"]["value"], lang) if "valueQuantity" in obs \
            else obs["valueCodeableConcept"]["text"]
        word = FLAG_WORDS[lang][item["flag"]]
        hit = [r for r in table if when in r and f" {value} " in f" {r} "]
        if hit and all(word in r for r in hit):
            s.abnormal_found += 1
        else:
            s.errors.append(f"{name}: abnormal {item} not reported as {word!r}: {hit}")
    expected_refs = {f"Observation/{i['observation']}" for i in expected["abnormal"]}
    for entry in section(document, "abnormal-results").get("entry", []):
        if entry["reference"] not in expected_refs:
            s.extra_abnormal += 1
            s.errors.append(f"{name}: unexpected abnormal result {entry['reference']}")
    lines = items(section(document, "trends"))
    words = DIRECTION_WORDS[lang]

    def line_of(label: str) -> str | None:
        return next((x for x in lines if x.startswith(label + " — ")), None)

    for item in expected["trends"]:
        s.trends_expected += 1
        line = line_of(item["name"])
        if line and words[item["direction"]] in line:
            s.trends_right += 1
        else:
            s.errors.append(f"{name}: trend {item} reported as {line!r}")
    for item in expected["stable"]:
        s.stable_expected += 1
        line = line_of(item["name"])
        if line and any(w in line for w in words.values()):
            s.stable_called_trend += 1
            s.errors.append(f"{name}: stable {item['name']} called a trend: {line!r}")
        elif line:
            s.stable_right += 1
        else:
            s.errors.append(f"{name}: stable series {item['name']} not listed")
    named = {i["name"] for i in expected["trends"]}
    for line in lines:
        label = line.split(" — ")[0]
        if label not in named and any(w in line for w in words.values()):
            s.extra_trends += 1
            s.errors.append(f"{name}: unexpected trend {line!r}")
    comp = document["entry"][0]["resource"]
    narrative = " ".join(plain(sec["text"]["div"]) for sec in comp["section"])
    for text in expected.get("contains", []):
        if text not in narrative:
            s.errors.append(f"{name}: missing {text!r}")
    for text in expected.get("not_contains", []):
        if text in narrative:
            s.errors.append(f"{name}: must not say {text!r}")
    numbers, dates = source_facts([e["resource"] for e in record["entry"]])
    s.invented = [f"{name}: {x}" for x in invented(narrative, numbers, dates)]
    return s


def run(client: Any) -> tuple[Score, dict[str, dict[str, Any]]]:
    """Load every record, summarize each through HTTP; (total score, documents by record)."""
    total = Score()
    documents = {}
    for name, record, expected in records():
        r = client.post("/fhir", json=record)
        assert r.status_code == 200, r.text
        r = client.post(f"/fhir/{expected['target']}/$summarize", json={
            "resourceType": "Parameters",
            "parameter": [{"name": "language", "valueCode": expected["language"]}]})
        assert r.status_code == 200, r.text
        documents[name] = r.json()
        total.add(score(name, record, expected, documents[name]))
    return total, documents


if __name__ == "__main__":
    import tempfile

    from fastapi.testclient import TestClient

    from fhir_server.app import create_app
    from fhir_server.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(database_url=f"sqlite:///{tmp}/fhir.db"))
        with TestClient(app) as c:
            result, _ = run(c)
        app.state.engine.dispose()
    print(result.line())
    for e in result.errors + result.invented:
        print(" -", e)
