"""Build fhir_server/data/search_parameters.json and compartments.json from the official
R4 SearchParameters and CompartmentDefinitions.

Source: the npm package ``hl7.fhir.r4.examples@4.0.1`` (1,400 SearchParameter resources).
Usage: ``python scripts/build_search_parameters.py PACKAGE_DIR`` where PACKAGE_DIR is the
extracted ``package/`` folder (``npm pack hl7.fhir.r4.examples@4.0.1 && tar xzf ...``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "fhir_server" / "data"
OUT = DATA / "search_parameters.json"


def main(package: Path) -> None:
    params = []
    for path in sorted(package.glob("SearchParameter-*.json")):
        sp = json.loads(path.read_text())
        item = {
            "url": sp["url"], "code": sp["code"], "base": sp.get("base") or [], "type": sp["type"],
            "expression": sp.get("expression", ""), "description": sp.get("description", ""),
        }
        if sp.get("target"):
            item["target"] = sp["target"]
        if sp.get("component"):
            item["component"] = [{"definition": c["definition"], "expression": c["expression"]}
                                 for c in sp["component"]]
        params.append(item)
    OUT.write_text(json.dumps(params, indent=0, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(params)} search parameters -> {OUT} ({OUT.stat().st_size} bytes)")
    compartments = {}
    for path in sorted(package.glob("CompartmentDefinition-*.json")):
        cd = json.loads(path.read_text())
        if cd.get("url", "").startswith("http://hl7.org/fhir/CompartmentDefinition/"):
            compartments[cd["code"]] = {r["code"]: r["param"] for r in cd.get("resource", [])
                                        if r.get("param")}
    (DATA / "compartments.json").write_text(json.dumps(compartments, sort_keys=True) + "\n")
    print(f"{len(compartments)} compartments -> {DATA / 'compartments.json'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
