"""Briefs: the analyses assembled into the documents relationship managers prepare.

* :func:`negotiation_brief` — before a negotiation with an organisation (:mod:`.negotiation`);
* :func:`community_plan` — community relations around a municipality or authority (:mod:`.community`);
* :func:`change_report` — what changed between two dates (:mod:`.changes`).

Shared pieces live in :mod:`.common` (citations, routes, recommendations), :mod:`.findings` and :mod:`.risks`
(the negotiation brief's sections) and :mod:`.community_sections` (coalitions, engagement order, repairs).

Every finding and recommendation carries ``evidence``: :class:`Citation` of the people, organisations,
relationships and interactions it rests on. Where the network lacks the data for a section, the section is empty
and ``missing`` says what is absent. Results are frozen dataclasses; ``dataclasses.asdict`` gives JSON-ready data
(dates as ISO strings).
"""

from relgraph.analysis.briefs.changes import (
    ChangeReport,
    RankMove,
    StatusChange,
    ThreadChange,
    TieChange,
    change_report,
    change_report_between,
    month_before,
)
from relgraph.analysis.briefs.common import (
    Citation,
    OurTie,
    PersonRef,
    RecentInteraction,
    Recommendation,
    Route,
    RouteHop,
)
from relgraph.analysis.briefs.community import (
    Bridge,
    Coalition,
    CommunityCoverage,
    CommunityPlan,
    EngagementEntry,
    Group,
    Official,
    Repair,
    community_plan,
)
from relgraph.analysis.briefs.negotiation import (
    Coverage,
    CoverageEntry,
    NegotiationBrief,
    PathsTo,
    RelatedOrganization,
    Risk,
    Stakeholder,
    StructureLink,
    negotiation_brief,
)

__all__ = [
    "Bridge",
    "ChangeReport",
    "Citation",
    "Coalition",
    "CommunityCoverage",
    "CommunityPlan",
    "Coverage",
    "CoverageEntry",
    "EngagementEntry",
    "Group",
    "NegotiationBrief",
    "Official",
    "OurTie",
    "PathsTo",
    "PersonRef",
    "RankMove",
    "RecentInteraction",
    "Recommendation",
    "RelatedOrganization",
    "Repair",
    "Risk",
    "Route",
    "RouteHop",
    "Stakeholder",
    "StatusChange",
    "StructureLink",
    "ThreadChange",
    "TieChange",
    "change_report",
    "change_report_between",
    "community_plan",
    "month_before",
    "negotiation_brief",
]
