"""AI operations ($extract, $code, $summarize, $triage-image, $compose-discharge); one module each.

Importing the package registers them in the operation registry (``fhir_server.ops``), together
with the transparency operations shared by all of them: ``$ai-review`` and ``$ai-metrics``.
"""

from . import code, discharge, extract, metrics, review, summarize  # noqa: F401  (register)
