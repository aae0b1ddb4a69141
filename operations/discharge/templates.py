"""The letter's sentences, one Jinja2 template each, in French and English.

Every sentence is rendered from values taken from the record (never from a model), so each
can be traced to the resources listed in its section's ``entry``. Plain-text rendering
(the XHTML and the PDF escape and lay it out afterwards).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, StrictUndefined, Template

FR: dict[str, Any] = {
    "title": "Lettre de liaison de sortie d'hospitalisation",
    "type": "Compte rendu d'hospitalisation",
    "admission": "{{ who }}{% if age is not none %}, {{ age }} ans,{% endif %} a été {{ hosp }}"
                 "{% if start %} du {{ start }}{% endif %}{% if end %} au {{ end }}{% endif %}"
                 "{% if days is not none %} ({{ days }} jour{{ 's' if days > 1 }}){% endif %}"
                 "{% if reason %} pour {{ reason }}{% endif %}.",
    "diagnoses": "Diagnostic principal retenu : {{ main }}{% if others %} ; autres diagnostics :"
                 " {{ others | join(', ') }}{% endif %}.",
    "procedures": "Actes réalisés : {{ items | join(', ') }}.",
    "treatment": "Traitement : {{ items | join(' ; ') }}.",
    "biology": "Résultats marquants : {{ items | join(' ; ') }}.",
    "allergy_known": "Allergie(s) connue(s) : {{ items | join(', ') }}.",
    "discharge": "Sortie le {{ end }}{% if dest %} : {{ dest }}{% endif %}.",
    "nothing": "Aucune donnée clinique n'est enregistrée pour ce séjour.",
    "t_new": "introduction de {{ name }}",
    "t_stopped": "arrêt de {{ name }}",
    "t_completed": "fin du traitement par {{ name }}",
    "t_suspended": "suspension de {{ name }}",
    "t_switched": "relais de {{ prev }} par {{ name }}",
    "t_dose": "modification de la posologie de {{ name }}",
    "b_item": "{{ name }} {{ course }} ({{ values }})",
    "diag": "{{ text }}{% if code %} ({{ code }}){% endif %}"
            "{% if status %}, {{ status }}{% endif %}",
    "resolved": "résolu",
    "unconfirmed": "diagnostic non confirmé",
    "proc": "{{ text }}{% if date %} le {{ date }}{% endif %}",
    "med": "{{ name }}{% if dose %} : {{ dose }}{% endif %}{% if new %} (nouveau){% endif %}",
    "c_stopped": "Arrêt : {{ name }}{% if dose %} ({{ dose }}){% endif %}"
                 "{% if reason %} - motif : {{ reason }}{% endif %}.",
    "c_completed": "Traitement terminé : {{ name }}{% if dose %} ({{ dose }}){% endif %}.",
    "c_suspended": "Suspendu : {{ name }}{% if reason %} - motif : {{ reason }}{% endif %}.",
    "c_switched": "Relais : {{ prev }} remplacé par {{ name }}"
                  "{% if dose %} ({{ dose }}){% endif %}.",
    "c_dose": "Posologie modifiée : {{ name }} ({{ prev_dose }} → {{ dose }}).",
    "c_new": "Introduit pendant le séjour : {{ name }}{% if dose %} ({{ dose }}){% endif %}.",
    "allergy": "{{ substance }}{% if kind %} ({{ kind }}){% endif %}{% if reaction %} : "
               "{{ reaction }}{% endif %}{% if crit %}, criticité {{ crit }}{% endif %}.",
    "allergy_kind": "intolérance",
    "crit": {"high": "élevée", "low": "faible", "unable-to-assess": "non évaluable"},
    "no_allergy": "Pas d'allergie connue{% if what %} ({{ what }} : exclue){% endif %}"
                  "{% if date %}, renseigné le {{ date }}{% endif %}.",
    "result": "{{ name }} : {{ values }}{% if course %}, {{ course }}{% endif %}"
              "{% if flag %}, {{ flag }}{% endif %}{% if range %} (N : {{ range }}){% endif %}.",
    "report": "{{ name }}{% if date %} du {{ date }}{% endif %} : {{ conclusion }}",
    "finding": "{{ name }}{% if date %} du {{ date }}{% endif %} : {{ value }} ({{ flag }}).",
    "flags": {"positive": "positif", "detected": "détecté", "abnormal": "anormal",
              "high": "valeur élevée", "low": "valeur basse"},
    "value": "{{ value }} le {{ date }}",
    "course": {"rising": "en hausse", "falling": "en baisse", "stable": "stable",
               "peak": "pic puis baisse", "trough": "baisse puis remontée"},
    "peak": "pic à {{ value }} le {{ date }}",
    "trough": "nadir à {{ value }} le {{ date }}",
    "flag_single": {"high": "valeur élevée", "low": "valeur basse", "abnormal": "valeur anormale"},
    "flag_last": {"high": "dernière valeur élevée", "low": "dernière valeur basse",
                  "abnormal": "dernière valeur anormale"},
    "flag_all": {"high": "valeurs élevées", "low": "valeurs basses",
                 "abnormal": "valeurs anormales"},
    "normalised": "valeur normale à la sortie",
    "plan_item": "{{ text }}{% if date %} le {{ date }}{% endif %}.",
    "instruction_med": "{{ name }} : {{ text }}",
    "empty": {"11535-2": "Aucun diagnostic n'est enregistré pour ce séjour.",
              "75311-1": "Aucun traitement de sortie n'est enregistré.",
              "48765-2": "Aucune allergie n'est renseignée dans le dossier.",
              "8648-8": "Aucune donnée clinique n'est enregistrée pour ce séjour."},
    "hosp_female": "hospitalisée", "hosp_male": "hospitalisé", "hosp_other": "hospitalisé(e)",
    "the_patient": "Le patient",
}

EN: dict[str, Any] = {
    "title": "Hospital discharge summary",
    "type": "Discharge summary",
    "admission": "{{ who }}{% if age is not none %}, aged {{ age }}{% endif %}, was {{ hosp }}"
                 "{% if start %} from {{ start }}{% endif %}{% if end %} to {{ end }}{% endif %}"
                 "{% if days is not none %} ({{ days }} day{{ 's' if days > 1 }}){% endif %}"
                 "{% if reason %} for {{ reason }}{% endif %}.",
    "diagnoses": "Principal diagnosis: {{ main }}{% if others %}; other diagnoses:"
                 " {{ others | join(', ') }}{% endif %}.",
    "procedures": "Procedures: {{ items | join(', ') }}.",
    "treatment": "Treatment: {{ items | join('; ') }}.",
    "biology": "Key results: {{ items | join('; ') }}.",
    "allergy_known": "Known allergies: {{ items | join(', ') }}.",
    "discharge": "Discharged on {{ end }}{% if dest %}: {{ dest }}{% endif %}.",
    "nothing": "No clinical data is recorded for this stay.",
    "t_new": "{{ name }} started",
    "t_stopped": "{{ name }} stopped",
    "t_completed": "{{ name }} course completed",
    "t_suspended": "{{ name }} put on hold",
    "t_switched": "{{ prev }} switched to {{ name }}",
    "t_dose": "{{ name }} dose changed",
    "b_item": "{{ name }} {{ course }} ({{ values }})",
    "diag": "{{ text }}{% if code %} ({{ code }}){% endif %}"
            "{% if status %}, {{ status }}{% endif %}",
    "resolved": "resolved",
    "unconfirmed": "unconfirmed",
    "proc": "{{ text }}{% if date %} on {{ date }}{% endif %}",
    "med": "{{ name }}{% if dose %}: {{ dose }}{% endif %}{% if new %} (new){% endif %}",
    "c_stopped": "Stopped: {{ name }}{% if dose %} ({{ dose }}){% endif %}"
                 "{% if reason %} - reason: {{ reason }}{% endif %}.",
    "c_completed": "Course completed: {{ name }}{% if dose %} ({{ dose }}){% endif %}.",
    "c_suspended": "On hold: {{ name }}{% if reason %} - reason: {{ reason }}{% endif %}.",
    "c_switched": "Switched: {{ prev }} replaced by {{ name }}"
                  "{% if dose %} ({{ dose }}){% endif %}.",
    "c_dose": "Dose changed: {{ name }} ({{ prev_dose }} → {{ dose }}).",
    "c_new": "Started during the stay: {{ name }}{% if dose %} ({{ dose }}){% endif %}.",
    "allergy": "{{ substance }}{% if kind %} ({{ kind }}){% endif %}{% if reaction %}: "
               "{{ reaction }}{% endif %}{% if crit %}, {{ crit }} criticality{% endif %}.",
    "allergy_kind": "intolerance",
    "crit": {"high": "high", "low": "low", "unable-to-assess": "unassessable"},
    "no_allergy": "No known allergy{% if what %} ({{ what }}: excluded){% endif %}"
                  "{% if date %}, recorded on {{ date }}{% endif %}.",
    "result": "{{ name }}: {{ values }}{% if course %}, {{ course }}{% endif %}"
              "{% if flag %}, {{ flag }}{% endif %}{% if range %} (ref. {{ range }}){% endif %}.",
    "report": "{{ name }}{% if date %} on {{ date }}{% endif %}: {{ conclusion }}",
    "finding": "{{ name }}{% if date %} on {{ date }}{% endif %}: {{ value }} ({{ flag }}).",
    "flags": {"positive": "positive", "detected": "detected", "abnormal": "abnormal",
              "high": "high", "low": "low"},
    "value": "{{ value }} on {{ date }}",
    "course": {"rising": "rising", "falling": "falling", "stable": "stable",
               "peak": "peaked then fell", "trough": "fell then recovered"},
    "peak": "peak {{ value }} on {{ date }}",
    "trough": "nadir {{ value }} on {{ date }}",
    "flag_single": {"high": "high", "low": "low", "abnormal": "abnormal"},
    "flag_last": {"high": "last value high", "low": "last value low",
                  "abnormal": "last value abnormal"},
    "flag_all": {"high": "persistently high", "low": "persistently low",
                 "abnormal": "persistently abnormal"},
    "normalised": "normalised by discharge",
    "plan_item": "{{ text }}{% if date %} on {{ date }}{% endif %}.",
    "instruction_med": "{{ name }}: {{ text }}",
    "empty": {"11535-2": "No diagnosis is recorded for this stay.",
              "75311-1": "No discharge medication is recorded.",
              "48765-2": "No allergy information is recorded.",
              "8648-8": "No clinical data is recorded for this stay."},
    "hosp_female": "admitted", "hosp_male": "admitted", "hosp_other": "admitted",
    "the_patient": "The patient",
}

WORDS: dict[str, dict[str, Any]] = {"fr": FR, "en": EN}
_ENV = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=256)
def _template(lang: str, key: str) -> Template:
    return _ENV.from_string(str(WORDS[lang][key]))


def say(lang: str, key: str, **values: Any) -> str:
    """Render the sentence ``key`` in ``lang`` with ``values`` from the record."""
    return _template(lang, key).render(**values).strip()


def word(lang: str, key: str, sub: str | None = None) -> str:
    entry = WORDS[lang][key]
    return str(entry.get(sub, "") if isinstance(entry, dict) and sub is not None else entry)
