"""``$summarize``: report and lab-history summaries as a document Bundle (see DESIGN.md)."""
