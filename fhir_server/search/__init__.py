"""FHIR search (https://hl7.org/fhir/R4/search.html): parameter definitions, write-time
indexing and query compilation for SQLite and PostgreSQL."""
