"""``$summarize``: report and lab-history summaries as a document Bundle (see DESIGN.md).

``operation`` registers the operation; see docs/summarize.md for the rules (abnormal results,
trend / stability rule, report sentences, chart) and the development records.
"""

from . import operation  # noqa: F401  (registers $summarize)
