"""FHIR R4 REST core: app factory, routing, storage, search, transactions, errors, jobs.

Implements the RESTful API of https://hl7.org/fhir/R4/http.html.
"""

FHIR_VERSION = "4.0.1"
__version__ = "0.1.0"
