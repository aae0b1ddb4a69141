"""A signed AI-drafted Composition cannot be changed, only superseded.

Once an AI-asserted (AIAST) Composition is ``final`` (signed through ``$ai-review``), any
later update, patch or deletion of it is refused with 409 Conflict, inside the same
transaction, so nothing is written. The one change allowed is ``entered-in-error`` (a signed
letter withdrawn, e.g. by ``$ai-review`` with ``decision=reject``). A correction is a new
Composition whose ``relatesTo`` has code ``replaces`` and the final one as target
(https://hl7.org/fhir/R4/composition.html#status, "documents are immutable once final").
"""

from __future__ import annotations

from fhir_server.errors import OperationOutcomeError, conflict
from fhir_server.storage.repository import Repository, Stored, Tx, on_write

from ..transparency import is_ai_output

LOCKED = ("final", "amended")


def refuse_change_of_final(tx: Tx, stored: Stored) -> None:
    if stored.version_id <= 1:
        return
    repo = Repository(tx.conn.engine, tx.ctx).bound(tx.conn)
    try:
        before = repo.vread("Composition", stored.id, str(stored.version_id - 1)).resource or {}
    except OperationOutcomeError:  # the previous version is a deletion: nothing to protect
        return
    if before.get("status") not in LOCKED or not is_ai_output(before):
        return
    after = stored.resource or {}
    if not stored.deleted and after.get("status") == "entered-in-error":
        return
    raise conflict(f"Composition/{stored.id} is {before['status']} (signed): it cannot be "
                   "changed; create a new Composition whose relatesTo 'replaces' it")


on_write("Composition", refuse_change_of_final)
