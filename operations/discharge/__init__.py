"""``$compose-discharge``: discharge letters drafted from the record (see DESIGN.md and
docs/discharge.md). Importing the package registers the operation and the rule that a signed
AI-drafted Composition cannot be changed."""

from . import finality, operation  # noqa: F401  (register)
