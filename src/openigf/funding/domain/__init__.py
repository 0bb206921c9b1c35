"""Every write of funding, by part: ``travel`` (travel support), ``grants`` (NRI grants) and
``decisions`` (scores, and decisions previewed then sent as previewed)."""

from openigf.funding.domain.decisions import DecisionPlan, score_set
from openigf.funding.domain.grants import GrantDecision, grant_apply, grant_decide, grant_plan
from openigf.funding.domain.travel import (
    NotEligible,
    TravelDecision,
    floor_words,
    travel_apply,
    travel_call_save,
    travel_decide,
    travel_eligibility,
    travel_eligibility_of_all,
    travel_plan,
    travel_select,
    trip_report_save,
)

__all__ = ["DecisionPlan", "GrantDecision", "NotEligible", "TravelDecision", "floor_words",
           "grant_apply", "grant_decide", "grant_plan", "score_set", "travel_apply",
           "travel_call_save", "travel_decide", "travel_eligibility",
           "travel_eligibility_of_all", "travel_plan", "travel_select", "trip_report_save"]
