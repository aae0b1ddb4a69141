"""``$code``: ICD-10 / CIM-10 / tariff code suggestions from clinical text (see DESIGN.md)."""
