"""Model manifests: what a model folder holds and how to run it.

A model folder (``<models dir>/<name>/``) has a ``manifest.json``: name, version, task,
languages, licence, source (the registry package the weights come from), ``files`` (path,
sha256, bytes), input / output names, pre- and post-processing parameters, and the model card
(``card``: a markdown file of the folder). Operators register their own ONNX model by dropping
such a folder into the models directory.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .hashing import sha256


@dataclass
class Manifest:
    name: str
    version: str
    task: str
    languages: list[str]
    licence: str
    source: dict[str, Any] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    preprocessing: dict[str, Any] = field(default_factory=dict)
    postprocessing: dict[str, Any] = field(default_factory=dict)
    card: str = "MODEL_CARD.md"
    publisher: str = "fhir-ai-server"
    folder: Path = field(default=Path("."), compare=False)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        data = json.loads((folder / "manifest.json").read_text())
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "folder"}
        return cls(**known, folder=folder)

    def save(self) -> None:
        data = {k: v for k, v in asdict(self).items() if k != "folder"}
        (self.folder / "manifest.json").write_text(json.dumps(data, indent=2) + "\n")

    def path(self, key: str) -> Path:
        return self.folder / str(self.files[key]["path"])

    @property
    def card_text(self) -> str:
        p = self.folder / self.card
        return p.read_text() if p.exists() else f"# {self.name} {self.version}\n"

    def verify(self) -> list[str]:
        """Problems found (missing files, sha256 mismatches); empty when the model is intact."""
        problems = []
        for key, entry in self.files.items():
            p = self.folder / str(entry["path"])
            if not p.exists():
                problems.append(f"{self.name}: {key} file {entry['path']} is missing")
            elif sha256(p) != entry["sha256"]:
                problems.append(f"{self.name}: {key} file {entry['path']} fails its sha256")
        return problems

    def as_ai_model(self) -> Any:
        """The description used for the model's FHIR Device (operations.devices)."""
        from operations.devices import AiModel

        return AiModel(self.name, self.version, self.card_text, self.publisher)
