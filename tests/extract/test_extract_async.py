"""``Prefer: respond-async`` on ``$extract`` (https://hl7.org/fhir/R4/async.html): 202, poll, the
same transaction Bundle as the synchronous call."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.extract.helpers import params, resources


def test_async_extract(client: TestClient) -> None:
    body = params({"name": "text", "valueString": "Antécédents : HTA. Kardégic 75 mg 1/j."})
    r = client.post("/fhir/$extract", json=body, headers={"Prefer": "respond-async"})
    assert r.status_code == 202, r.text
    path = r.headers["content-location"].replace("http://testserver", "")
    deadline = time.time() + 60
    while (done := client.get(path)).status_code == 202:
        assert time.time() < deadline, "job did not finish"
        time.sleep(0.1)
    assert done.status_code == 200, done.text
    bundle = done.json()
    assert bundle["type"] == "transaction"
    assert [c["code"]["coding"][0]["code"] for c in resources(bundle, "Condition")] == ["I10"]
    assert len(resources(bundle, "MedicationStatement")) == 1
