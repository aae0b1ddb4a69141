"""One FHIR Device per model version (AI-Device profile of HL7 "AI Transparency on FHIR").

https://build.fhir.org/ig/HL7/aitransparency-ig/StructureDefinition-AI-Device.html: a Device
with type ``AIdeviceTypeCS#Artificial-Intelligence``, ``deviceName`` and ``version``; the model
card is a DocumentReference (markdown) whose ``subject`` is the Device. Both are keyed by an
identifier (``name|version``) so that they are created once and updated when the card changes.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from fhir_server.storage.repository import Repository, Tx

from .transparency import (
    AI_DEVICE_PROFILE,
    AI_DEVICE_TYPE,
    MODEL_CARD_IDENTIFIER,
    MODEL_IDENTIFIER,
    model_key,
)


class ModelDescription(Protocol):
    """What the transparency layer needs to know about a model version."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def card(self) -> str: ...
    @property
    def publisher(self) -> str: ...


@dataclass(frozen=True)
class AiModel:
    """A plain :class:`ModelDescription` (also what models_onnx manifests turn into)."""

    name: str
    version: str
    card: str = ""
    publisher: str = "fhir-ai-server"

    @property
    def key(self) -> str:
        return model_key(self.name, self.version)


def _key(model: ModelDescription) -> str:
    return model_key(model.name, model.version)


def _identifier_query(system: str, value: str) -> str:
    """``identifier=system|value`` with the value URL-encoded (a '+' would read as a space)."""
    return "identifier=" + quote(f"{system}|{value}", safe="|:/")


def device_query(model: ModelDescription) -> str:
    return _identifier_query(MODEL_IDENTIFIER, _key(model))


def card_query(model: ModelDescription) -> str:
    return _identifier_query(MODEL_CARD_IDENTIFIER, _key(model))


def device_resource(model: ModelDescription) -> dict[str, Any]:
    """The AI-Device for ``model``."""
    return {
        "resourceType": "Device",
        "meta": {"profile": [AI_DEVICE_PROFILE]},
        "identifier": [{"system": MODEL_IDENTIFIER, "value": _key(model)}],
        "status": "active",
        "manufacturer": model.publisher,
        "deviceName": [{"name": model.name, "type": "model-name"}],
        "type": {"coding": [dict(AI_DEVICE_TYPE)], "text": "AI model"},
        "version": [{"value": model.version}],
    }


def model_card_resource(model: ModelDescription, device_ref: str) -> dict[str, Any]:
    """The model card as a DocumentReference about the Device."""
    card = model.card or f"# {model.name} {model.version}\n"
    return {
        "resourceType": "DocumentReference",
        "identifier": [{"system": MODEL_CARD_IDENTIFIER, "value": _key(model)}],
        "status": "current",
        "type": {"text": "AI model card"},
        "subject": {"reference": device_ref},
        "description": f"Model card of {model.name} {model.version}",
        "content": [{"attachment": {
            "contentType": "text/markdown", "language": "en",
            "data": base64.b64encode(card.encode()).decode(),
            "title": f"{model.name} {model.version} model card"}}],
    }


def ensure_device(tx: Tx, model: ModelDescription) -> str:
    """Create or update the Device and its model card inside ``tx``; returns ``Device/id``."""
    device = tx.conditional_update("Device", [("identifier", f"{MODEL_IDENTIFIER}|{_key(model)}")],
                                   device_resource(model))
    ref = f"Device/{device.id}"
    tx.conditional_update("DocumentReference",
                          [("identifier", f"{MODEL_CARD_IDENTIFIER}|{_key(model)}")],
                          model_card_resource(model, ref))
    return ref


def ensure_devices(repo: Repository, models: list[ModelDescription]) -> list[str]:
    """Create or update the Device and model card of every model in one transaction (for
    the server's start: Devices then exist before the first AI call)."""
    refs: list[str] = repo.write(lambda tx: [ensure_device(tx, m) for m in models])
    return refs
