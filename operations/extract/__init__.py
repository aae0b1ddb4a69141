"""``$extract``: structured facts from clinical letters, forms and documents.

Importing the package registers the operation (see :mod:`.operation`).
"""

from . import operation  # noqa: F401  (registers $extract)
