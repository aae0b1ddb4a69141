"""Search index extraction at write time.

The REST core indexes what conditional interactions need: ``identifier`` tokens
(https://hl7.org/fhir/R4/search.html#token). Other parameters plug in here.
"""

from __future__ import annotations

from typing import Any


def token_rows(
    resource_type: str, resource_id: str, resource: dict[str, Any]
) -> list[dict[str, Any]]:
    """Rows for the ``search_token`` table."""
    rows: list[dict[str, Any]] = []
    value = resource.get("identifier")
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    for ident in items:
        if isinstance(ident, dict) and ident.get("value") is not None:
            rows.append(
                {
                    "resource_type": resource_type,
                    "resource_id": resource_id,
                    "param": "identifier",
                    "system": ident.get("system"),
                    "code": str(ident["value"]),
                }
            )
    return rows
