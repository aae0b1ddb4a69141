"""Outcomes as values and the one error type turned into an OperationOutcome response.

See https://hl7.org/fhir/R4/operationoutcome.html and https://hl7.org/fhir/R4/http.html#2.21.0.2.
"""

from __future__ import annotations

from typing import Any


def issue(
    severity: str, code: str, diagnostics: str, expression: str | None = None
) -> dict[str, Any]:
    item: dict[str, Any] = {"severity": severity, "code": code, "diagnostics": diagnostics}
    if expression:
        item["expression"] = [expression]
    return item


def operation_outcome(issues: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "OperationOutcome", "issue": issues}


def information(text: str) -> dict[str, Any]:
    return operation_outcome([issue("information", "informational", text)])


class OperationOutcomeError(Exception):
    """An error that carries its HTTP status and OperationOutcome issues."""

    def __init__(
        self, status: int, issues: list[dict[str, Any]], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(issues[0]["diagnostics"] if issues else str(status))
        self.status = status
        self.issues = issues
        self.headers = headers or {}

    @property
    def outcome(self) -> dict[str, Any]:
        return operation_outcome(self.issues)


def _err(status: int, code: str, text: str, expression: str | None = None) -> OperationOutcomeError:
    return OperationOutcomeError(status, [issue("error", code, text, expression)])


def bad_request(text: str, expression: str | None = None) -> OperationOutcomeError:
    return _err(400, "invalid", text, expression)


def forbidden(text: str) -> OperationOutcomeError:
    return _err(403, "forbidden", text)


def unauthorized(text: str) -> OperationOutcomeError:
    return OperationOutcomeError(
        401, [issue("error", "login", text)], {"WWW-Authenticate": "Bearer"}
    )


def not_found(text: str) -> OperationOutcomeError:
    return _err(404, "not-found", text)


def not_allowed(text: str) -> OperationOutcomeError:
    return _err(405, "not-supported", text)


def not_acceptable(text: str) -> OperationOutcomeError:
    return _err(406, "not-supported", text)


def conflict(text: str) -> OperationOutcomeError:
    return _err(409, "conflict", text)


def gone(text: str) -> OperationOutcomeError:
    return _err(410, "deleted", text)


def precondition_failed(text: str) -> OperationOutcomeError:
    return _err(412, "conflict", text)


def too_large(text: str) -> OperationOutcomeError:
    return _err(413, "too-costly", text)


def unsupported_media_type(text: str) -> OperationOutcomeError:
    return _err(415, "not-supported", text)


def unprocessable(issues: list[dict[str, Any]]) -> OperationOutcomeError:
    return OperationOutcomeError(422, issues)


def multiple_matches(text: str) -> OperationOutcomeError:
    return _err(412, "multiple-matches", text)
