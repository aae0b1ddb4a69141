"""Access context: who is asking and what they may see.

Every repository call receives one. The default context allows everything; SMART on FHIR
scopes (https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html) map onto it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import forbidden

READ = "read"
WRITE = "write"


@dataclass(frozen=True)
class AccessContext:
    """The caller, their granted scopes and, for patient-level access, their compartment."""

    user: str = "anonymous"
    #: SMART-style scopes, e.g. ``system/*.read``, ``user/Patient.write``; ``*`` allows all.
    scopes: frozenset[str] = field(default_factory=lambda: frozenset({"*"}))
    patient: str | None = None

    def allows(self, resource_type: str, action: str) -> bool:
        if "*" in self.scopes:
            return True
        for scope in self.scopes:
            _, _, rest = scope.partition("/")
            rtype, _, perm = rest.partition(".")
            if rtype in ("*", resource_type) and perm in ("*", action, "cruds"):
                return True
        return False

    def require(self, resource_type: str, action: str) -> None:
        if not self.allows(resource_type, action):
            raise forbidden(f"Access to {action} {resource_type} is not granted to {self.user}")


SYSTEM = AccessContext(user="system")
