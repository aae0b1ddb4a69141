"""Registration of the terminology operations in the operation registry and of the write
hooks that keep the concept tables in step
(https://hl7.org/fhir/R4/terminology-service.html)."""

from __future__ import annotations

from fhir_server.ops import OperationSpec, register

from . import capabilities, search_hooks, store
from .op_diff import version_diff
from .op_expand import expand
from .op_lookup import lookup, subsumes
from .op_translate import translate
from .op_upload import upload
from .op_validate import batch_validate, validate_cs, validate_vs

OPS = "http://hl7.org/fhir/OperationDefinition/"


def install() -> None:
    store.install()
    search_hooks.install()
    capabilities.install()
    register(OperationSpec("expand", expand, OPS + "ValueSet-expand", type_level=True,
                           instance=True, resource_types=("ValueSet",), get_allowed=True,
                           documentation="Expand a value set"))
    register(OperationSpec("lookup", lookup, OPS + "CodeSystem-lookup", type_level=True,
                           instance=True, resource_types=("CodeSystem",), get_allowed=True,
                           documentation="Details of a concept"))
    register(OperationSpec("subsumes", subsumes, OPS + "CodeSystem-subsumes", type_level=True,
                           instance=True, resource_types=("CodeSystem",), get_allowed=True,
                           documentation="Subsumption between two concepts"))
    register(OperationSpec("version-diff", version_diff,
                           "http://fhir-ai.example.org/OperationDefinition/CodeSystem-version-diff",
                           type_level=True, instance=True, resource_types=("CodeSystem",),
                           get_allowed=True,
                           documentation="Concepts added, removed and changed between two "
                                         "versions of a code system"))
    register(OperationSpec("upload", upload,
                           "http://fhir-ai.example.org/OperationDefinition/CodeSystem-upload",
                           type_level=True, resource_types=("CodeSystem",),
                           documentation="Bulk upload of a code set file (ClaML, CSV, XLSX, "
                                         "FHIR JSON / XML), run as a job with progress"))
    register(OperationSpec("translate", translate, OPS + "ConceptMap-translate",
                           type_level=True, instance=True, resource_types=("ConceptMap",),
                           get_allowed=True, documentation="Translate a code"))
    register(OperationSpec("batch-validate-code", batch_validate,
                           "http://hl7.org/fhir/uv/tx-ecosystem/OperationDefinition/"
                           "ValueSet-batch-validate-code", type_level=True,
                           resource_types=("ValueSet",), documentation="Validate many codes"))
    # $validate-code exists on ValueSet and CodeSystem: one registry entry dispatching by type
    register(OperationSpec("validate-code", _validate_code, OPS + "ValueSet-validate-code",
                           type_level=True, instance=True,
                           resource_types=("ValueSet", "CodeSystem"), get_allowed=True,
                           documentation="Validate a code against a value set or code system"))


def _validate_code(req):  # type: ignore[no-untyped-def]
    if req.resource_type == "CodeSystem":
        return validate_cs(req)
    return validate_vs(req)


install()
