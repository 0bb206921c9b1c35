"""The community registry: initiatives (NRIs), Dynamic Coalitions, Best Practice Forums, MAG
terms and working groups, improvement recommendations, donors and the trust fund."""

from openigf.community.models.bpfs import BestPracticeForum, BpfFacilitator, BpfMeeting, BpfOutput
from openigf.community.models.coalitions import Coalition, CoalitionMember, CoalitionReport
from openigf.community.models.donors import Donor, Pledge, Receipt
from openigf.community.models.improvements import ImprovementTag, Recommendation
from openigf.community.models.mag import (
    MagPlanEntry,
    MagTerm,
    WorkingGroup,
    WorkingGroupMember,
)
from openigf.community.models.nris import (
    AnnualReport,
    Initiative,
    OrganisingTeamMember,
    RecognitionRequest,
)

__all__ = [
    "AnnualReport", "BestPracticeForum", "BpfFacilitator", "BpfMeeting", "BpfOutput",
    "Coalition", "CoalitionMember", "CoalitionReport", "Donor", "ImprovementTag", "Initiative",
    "MagPlanEntry", "MagTerm", "OrganisingTeamMember", "Pledge", "Receipt",
    "RecognitionRequest", "Recommendation", "WorkingGroup", "WorkingGroupMember",
]
