"""The elections domain's tables (one module per area)."""

from consult.elections.models.counts import (
    CountReview,
    Declaration,
    ReviewKind,
    SecondRound,
    StationCount,
)
from consult.elections.models.election import (
    Contest,
    ContestKind,
    Election,
    ElectionStatus,
    ElectionText,
    Publication,
    PublicationKind,
)
from consult.elections.models.helpers import (
    ApplicationStatus,
    AssignmentStatus,
    CodeOfConduct,
    HelperApplication,
    HelperAssignment,
    HelperRole,
)
from consult.elections.models.people import (
    Candidate,
    CandidateStatement,
    CountingStaff,
    DeclaredBy,
    Proxy,
    Relation,
    StaffRole,
)
from consult.elections.models.rules import ElectionMode, RelationKind, Rules
from consult.elections.models.stations import MobileVoter, PollingStation, Shift
from consult.elections.models.voters import Objection, ObjectionDecision, Voter, VoterSource

__all__ = [
    "ApplicationStatus", "AssignmentStatus", "Candidate", "CandidateStatement",
    "CodeOfConduct", "Contest", "ContestKind", "CountReview", "CountingStaff", "Declaration",
    "DeclaredBy", "Election",
    "ElectionMode", "ElectionStatus", "ElectionText", "HelperApplication", "HelperAssignment",
    "HelperRole", "MobileVoter", "Objection", "ObjectionDecision", "PollingStation", "Proxy",
    "Publication", "PublicationKind", "Relation", "RelationKind", "ReviewKind", "Rules",
    "SecondRound", "Shift", "StaffRole", "StationCount", "Voter", "VoterSource",
]  # fmt: skip
