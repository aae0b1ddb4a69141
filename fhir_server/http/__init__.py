"""HTTP layer: FastAPI routes, request parsing and FHIR responses."""
