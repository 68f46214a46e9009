"""The five settings a case manager works in, and the kinds of work that belong under each."""

from __future__ import annotations

from enum import Enum

from casekit.cases.base import did_you_mean


class Setting(str, Enum):
    """The five settings a case manager works in (from the role text)."""

    nursing = "nursing"
    managed_care = "managed_care"
    school = "school"
    social_services = "social_services"
    shelter_treatment = "shelter_treatment"

    @property
    def label(self) -> str:
        return SETTING_LABELS[self]


SETTING_LABELS = {
    Setting.nursing: "Nursing (hospital, nursing home, hospice)",
    Setting.managed_care: "Managed care / insurance",
    Setting.school: "School",
    Setting.social_services: "Social services / public assistance",
    Setting.shelter_treatment: "Homeless shelter / treatment facility",
}

SETTING_UMBRELLAS = {
    Setting.nursing: ["hospital", "hospital_discharge", "discharge", "nursing_home", "skilled_nursing", "snf",
                      "hospice", "palliative", "home_health", "transitional_care", "rehab", "long_term_care"],
    Setting.managed_care: ["insurance", "health_plan", "utilization_review", "workers_comp", "workers_compensation",
                           "disability", "prior_authorization", "behavioral_health_authorization", "medicare",
                           "complex_care"],
    Setting.school: ["iep", "504", "section_504", "special_education", "mckinney_vento", "early_intervention",
                     "attendance", "transition"],
    Setting.social_services: ["public_assistance", "snap", "food_assistance", "tanf", "cash_assistance", "energy",
                              "liheap", "housing_voucher", "adult_protective_services", "aps", "kinship_care",
                              "child_welfare"],
    Setting.shelter_treatment: ["shelter", "homeless_shelter", "treatment", "treatment_facility", "residential",
                                "substance_use", "dv_shelter", "domestic_violence", "reentry", "re_entry",
                                "jail", "veteran", "foster_care"],
}
"""Kinds of work that are not settings of their own, under the setting they belong to: a hospice case is
``setting: nursing``. The validator uses this to tell an author where a case goes."""


def _norm(word: str) -> str:
    return str(word).strip().lower().replace("-", "_").replace(" ", "_").replace("'", "")


def setting_for(word: str) -> Setting | None:
    """The setting ``word`` names or belongs under (``hospice`` -> nursing), or None."""
    w = _norm(word)
    for setting in Setting:
        if w == setting.value:
            return setting
    for setting, kinds in SETTING_UMBRELLAS.items():
        if w in kinds:
            return setting
    return None


def unknown_setting_message(word: object) -> str:
    """Why ``word`` is not a setting, and which one to use."""
    allowed = ", ".join(s.value for s in Setting)
    umbrella = setting_for(str(word))
    if umbrella is not None:
        return (f"{word!r} is not a setting of its own; it belongs under `setting: {umbrella.value}` "
                f"({umbrella.label}). The settings are {allowed}")
    close = did_you_mean(_norm(str(word)), [s.value for s in Setting])
    return f"{word!r} is not a setting;{close} use one of {allowed}"


def check_settings(v):
    """A list of settings, each one of the five; an umbrella word gets told where it belongs."""
    if isinstance(v, list):
        bad = [w for w in v if not isinstance(w, Setting) and w not in {s.value for s in Setting}]
        if bad:
            raise ValueError("; ".join(unknown_setting_message(w) for w in bad))
    return v
