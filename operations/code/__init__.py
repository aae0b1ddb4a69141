"""``$code``: ICD-10 / CIM-10 / tariff code suggestions from clinical text (see DESIGN.md)."""

from . import operation  # noqa: F401,E402  (registers the operation)
