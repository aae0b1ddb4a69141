"""A real third-party client, the SMART Python client ``fhirclient``, against a live server."""

from __future__ import annotations

from fhirclient import client
from fhirclient.models.humanname import HumanName
from fhirclient.models.identifier import Identifier
from fhirclient.models.patient import Patient

from tests.conftest import LiveServer


def test_fhirclient_create_read_update_search(live_server: LiveServer) -> None:
    smart = client.FHIRClient(settings={"app_id": "fhir-ai-tests", "api_base": live_server.url})
    assert smart.prepare()  # reads and parses our CapabilityStatement
    server = smart.server

    patient = Patient()
    name = HumanName()
    name.family = "Rochat"
    name.given = ["Anouk"]
    patient.name = [name]
    ident = Identifier()
    ident.system = "urn:oid:2.16.756.5.32"
    ident.value = "7560000000001"
    patient.identifier = [ident]
    created = patient.create(server)
    assert created["resourceType"] == "Patient"
    pid = created["id"]

    read = Patient.read(pid, server)
    assert read.name[0].family == "Rochat"
    assert read.meta.versionId == "1"

    read.gender = "female"
    read.update(server)
    again = Patient.read(pid, server)
    assert again.gender == "female" and again.meta.versionId == "2"

    found = Patient.where(struct={"identifier": "urn:oid:2.16.756.5.32|7560000000001"}
                          ).perform_resources(server)
    assert [p.id for p in found] == [pid]
    by_id = Patient.where(struct={"_id": pid}).perform_resources(server)
    assert by_id[0].gender == "female"
