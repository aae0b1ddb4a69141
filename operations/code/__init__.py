"""``$code``: ICD-10 / CIM-10 / tariff code suggestions from clinical text (see DESIGN.md)."""

from . import operation, vectors  # noqa: F401,E402  (register the operation and job)
