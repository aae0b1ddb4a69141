"""Terminology service: CodeSystem / ValueSet / ConceptMap storage and operations."""
