"""``$compose-discharge``: discharge letters drafted from the record (see DESIGN.md)."""
