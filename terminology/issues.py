"""OperationOutcome issues of the terminology operations.

Issues carry a ``tx-issue-type`` coding and the message id extension, so that clients can
act on them (https://hl7.org/fhir/R4/operationoutcome.html,
http://hl7.org/fhir/tools/CodeSystem/tx-issue-type).
"""

from __future__ import annotations

from typing import Any

from fhir_server.errors import OperationOutcomeError

TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type"
MESSAGE_ID = "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id"
Json = dict[str, Any]


def tx_issue(severity: str, code: str, tx_type: str | None, text: str,
             message_id: str | None = None, path: str | None = None) -> Json:
    out: Json = {}
    if message_id:
        out["extension"] = [{"url": MESSAGE_ID, "valueString": message_id}]
    out["severity"] = severity
    out["code"] = code
    details: Json = {}
    if tx_type:
        details["coding"] = [{"system": TX_ISSUE_TYPE, "code": tx_type}]
    details["text"] = text
    out["details"] = details
    if path:
        out["location"] = [path]
        out["expression"] = [path]
    return out


class TxError(OperationOutcomeError):
    """A terminology error answered with an OperationOutcome of tx issues."""

    def __init__(self, status: int, issues: list[Json]) -> None:
        Exception.__init__(self, issues[0]["details"]["text"] if issues else str(status))
        self.status = status
        self.issues = issues
        self.headers = {}


def tx_error(status: int, code: str, tx_type: str | None, text: str,
             message_id: str | None = None) -> TxError:
    return TxError(status, [tx_issue("error", code, tx_type, text, message_id)])


def not_found_vs(canonical: str) -> TxError:
    return tx_error(404, "not-found", "not-found",
                    f"A definition for the value Set '{canonical}' could not be found",
                    "Unable_to_resolve_value_Set_")
