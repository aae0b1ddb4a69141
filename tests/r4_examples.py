"""The official FHIR R4 example resources, fetched once from the npm registry and cached.

The examples are those published with the specification (https://hl7.org/fhir/R4/downloads.html),
packaged as ``hl7.fhir.r4.examples@4.0.1`` (https://hl7.org/fhir/R4/packages.html). The package
is fetched with ``npm pack`` into ``.cache/`` at the repository root (git-ignored) and extracted
there once; tests that need it skip when npm is unavailable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

PACKAGE = "hl7.fhir.r4.examples"
VERSION = "4.0.1"
#: How many example resources the package holds (every ``*.json`` but the package metadata).
EXAMPLE_COUNT = 5306

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache"
#: Files in the package that are package metadata, not resources.
_NOT_RESOURCES = frozenset({"package.json", ".index.json"})


@lru_cache(maxsize=1)
def examples_dir() -> Path | None:
    """The extracted ``package/`` folder of the examples package, or None when it can't be had.

    The tarball is fetched with ``npm pack`` and extracted once into
    ``.cache/hl7.fhir.r4.examples-4.0.1/``; concurrent callers (pytest-xdist workers) are safe
    since the extraction is moved into place atomically.
    """
    target = CACHE / f"{PACKAGE}-{VERSION}"
    if (target / "package" / "package.json").is_file():
        return target / "package"
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix=".fetch-") as tmp:
        try:
            subprocess.run(
                [npm, "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", tmp],
                check=True,
                capture_output=True,
                timeout=300,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        tarballs = list(Path(tmp).glob("*.tgz"))
        if len(tarballs) != 1:
            return None
        staging = Path(tmp) / "extracted"
        with tarfile.open(tarballs[0]) as tar:
            tar.extractall(staging, filter="data")
        try:
            os.replace(staging, target)
        except OSError:
            if not (target / "package" / "package.json").is_file():
                raise
    return target / "package"


def example_files(directory: Path | None = None) -> list[Path]:
    """The resource files of the package, sorted by name (metadata files left out)."""
    folder = directory or examples_dir()
    if folder is None:
        return []
    return sorted(p for p in folder.glob("*.json") if p.name not in _NOT_RESOURCES and p.is_file())


def iter_examples(directory: Path | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(filename, resource)`` for every example resource in the package."""
    for path in example_files(directory):
        resource = orjson.loads(path.read_bytes())
        if isinstance(resource, dict) and "resourceType" in resource:
            yield path.name, resource
