"""A demo stakeholder network, dated relative to ``today`` so that it never goes stale.

:func:`build_demo_network` returns the same :class:`~relgraph.model.Network` for the same ``today``. Every
interaction lies in the 18 months before ``today`` (none after it); moving ``today`` moves every date by the
same number of days. The constants below name the ids that tests and analyses check against.

The story
---------
We are Aldermoor Engineering Ltd (``org-aldermoor``, role ``own``), a Harbourview maker of warehouse
automation. Sixteen of our staff appear (``internal``), with REPORTS_TO up to our CEO Helen Okafor.

(a) Negotiation. Our key client Northwind Logistics (``org-northwind``: client, value 4.2 M a year, OWNed by
Halvorsen Holdings) is renegotiating its automation contract. Its buying committee, on WORKS_AT with
decision_role and seniority: decision makers CEO Ingrid Halvorsen and CFO Marcus Bell; champion COO Anna
Berg; influencers the heads of procurement and warehouse operations, the general counsel and the IT manager;
gatekeeper Claire Dubois, the CEO's executive assistant; blocker Rajesh Iyer, technical director (stance -2),
a former colleague of Victor Hale, sales director of our competitor Graystone Automation (``org-graystone``).
The CFO listens to the blocker: Rajesh INFLUENCES Marcus and they KNOW each other well.

(b) Community relations. We want to expand our plant on the Old Docks in Harbourview Municipality
(``org-harbourview``): mayor, deputy mayor, town clerk, planning officials, an economic-development manager
and a community-liaison officer WORK_AT it; five councillors are MEMBER_OF it. The Coastal Environment Agency
(``org-coastal-env``, public_authority, regulator) REGULATES us and the municipality; the municipality, as
planning authority, REGULATES us. Community groups: Old Docks Residents' Association, Save Harbour Meadows
Alliance, Harbourview Business Forum, Harbourview Youth Sports Club; the NGO Coastwatch Environmental Trust.
Eastholm District Council is a second municipality, reached by our operations director.

Around them: seven suppliers SUPPLY us (Brennan Freight with negative sentiment after late deliveries); we
SUPPLY three clients; Kinetica Integrators and the university robotics lab PARTNER_WITH us; Graystone
COMPETES_WITH us and supplies the prospect Coastline Retail (tagged payment-risk); Northwind REFERRED the
prospect Bluefin Cold Chain and Anna Berg REFERRED its CEO Diego Ramos.

Planted structures
------------------
1. Single threads. Every route from our staff to anyone at Harbourview (and on to the agency and the
   community groups) runs through our community-relations manager Priya Raman (SINGLE_THREAD_COLLEAGUE); she
   is also the only colleague who meets them. Northwind's CEO has exactly one KNOWS tie, to our CEO
   (CLIENT_CEO_TIE), and only our CEO meets her.
2. Cooling. Key-account manager James Whitaker and the CFO Marcus Bell (COOLING_TIE): contact about every 16
   days from 18 months ago until about 9 months ago, nothing since, while the CFO listens to the blocker.
   Active ties (James and Anna Berg, Priya and Seán O'Brien, Sofía Márquez and procurement) have contact
   in the last few weeks.
3. Opponent coalition (OPPONENTS): Maureen Doyle (residents' chair), Zanele Dlamini (Coastwatch director),
   Councillor Rhys Morgan and Gareth Evans, stance -1/-2, all KNOW one another and are all MEMBER_OF the Save
   Harbour Meadows Alliance (COALITION_GROUP). We have no KNOWS tie and no interaction with any of them.
4. Broker: Tomás Herrera, the municipality's community-liaison officer (BROKER), is the only person with
   KNOWS ties both to municipality officials and to community-group members; without him the two fall apart.
5. Negative ties: Mei Chen and Rajesh Iyer (NEGATIVE_TIE, -0.6), Peter Lam and Maureen Doyle, Łukasz
   Wiśniewski and Siobhán Brennan; Brennan's SUPPLIES; negative interactions in the technical reviews with
   Rajesh, the Brennan escalations, the public consultation and the deferred planning hearing.

Unknowns are left on purpose: some people have no influence, interest or stance, and many KNOWS ties no
stated strength, so derived values matter.

Row formats (``|`` separates fields, ``-`` means unknown or none):

- organisations: ``id|name|kind roles|sector|place|value|influence interest stance``
- people, grouped by employer: ``id|name|title|decision_role seniority|influence interest stance``
- memberships: ``person|organization|title|decision_role seniority``
- KNOWS: ``a|b|strength|sentiment|months known|how we know``
- organisation links: ``source|TYPE|target|sentiment|months|note``
- contact streams: ``key|first last every (days ago)|channels|mood|summary/summary`` and the participants,
  ours first; each contact is about the first outsider's organisation
- one-off interactions: ``id|days ago|channel|sentiment|organization|summary`` and the participants
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from relgraph.model import (
    Channel,
    DecisionRole,
    Interaction,
    Network,
    Organization,
    OrgKind,
    OrgRole,
    Person,
    Relationship,
    RelType,
    Seniority,
)

__all__ = [
    "BLOCKER",
    "BROKER",
    "CHAMPION",
    "CLIENT_CEO",
    "CLIENT_CEO_TIE",
    "CLIENT_CFO",
    "COALITION_GROUP",
    "COMPETITOR",
    "COOLING_TIE",
    "DECISION_MAKERS",
    "GATEKEEPER",
    "KEY_ACCOUNT_MANAGER",
    "KEY_CLIENT",
    "KEY_CLIENT_OWNER",
    "MAYOR",
    "MUNICIPALITY",
    "NEGATIVE_TIE",
    "OPPONENTS",
    "OUR_CEO",
    "OWN_ORG",
    "PROSPECT",
    "REGULATOR",
    "SECOND_MUNICIPALITY",
    "SINGLE_THREAD_COLLEAGUE",
    "build_demo_network",
]

OWN_ORG = "org-aldermoor"
KEY_CLIENT = "org-northwind"
KEY_CLIENT_OWNER = "org-halvorsen"
COMPETITOR = "org-graystone"
PROSPECT = "org-bluefin"
MUNICIPALITY = "org-harbourview"
SECOND_MUNICIPALITY = "org-eastholm"
REGULATOR = "org-coastal-env"
COALITION_GROUP = "org-meadows-alliance"
OUR_CEO = "p-helen-okafor"
KEY_ACCOUNT_MANAGER = "p-james-whitaker"
SINGLE_THREAD_COLLEAGUE = "p-priya-raman"
CLIENT_CEO = "p-ingrid-halvorsen"
CLIENT_CFO = "p-marcus-bell"
CHAMPION = "p-anna-berg"
BLOCKER = "p-rajesh-iyer"
GATEKEEPER = "p-claire-dubois"
DECISION_MAKERS = frozenset({CLIENT_CEO, CLIENT_CFO})
MAYOR = "p-margaret-osei"
BROKER = "p-tomas-herrera"
CLIENT_CEO_TIE = (OUR_CEO, CLIENT_CEO)
COOLING_TIE = (KEY_ACCOUNT_MANAGER, CLIENT_CFO)
NEGATIVE_TIE = ("p-mei-chen", BLOCKER)
OPPONENTS = frozenset({"p-maureen-doyle", "p-zanele-dlamini", "p-rhys-morgan", "p-gareth-evans"})

_SEED = 20_240_611
_DAYS_PER_MONTH = 30
_JITTER_DAYS = 3
_DECISION_ROLES = frozenset(role.value for role in DecisionRole)

_ORGANIZATIONS = (
    "org-aldermoor|Aldermoor Engineering Ltd|company own|Industrial automation|Harbourview|-|- - -",
    "org-northwind|Northwind Logistics|company client|Logistics|Leeds|4200000|5 4 1",
    "org-halvorsen|Halvorsen Holdings ASA|company|Investment|Oslo, Norway|-|4 2 -",
    "org-meridian|Meridian Foods plc|company client|Food manufacturing|Birmingham|950000|3 3 1",
    "org-pellucid|Pellucid Pharma|company client|Pharmaceuticals|Cambridge|620000|3 2 1",
    "org-bluefin|Bluefin Cold Chain|company prospect|Cold storage|Hull|-|3 4 1",
    "org-coastline|Coastline Retail Group|company prospect|Retail|Bristol|-|2 3 0",
    "org-graystone|Graystone Automation|company competitor|Industrial automation|Sheffield|-|4 4 -2",
    "org-ferrovia|Ferrovia Steel S.p.A.|company supplier|Steel|Brescia, Italy|-|2 3 1",
    "org-voltaic|Voltaic Components|company supplier|Electronics|Reading|-|2 3 1",
    "org-clearpath|Clearpath Software|company supplier|Software|Manchester|-|2 4 1",
    "org-brennan|Brennan Freight|company supplier|Freight|Harbourview|-|2 3 -1",
    "org-helix|Helix Sensors GmbH|company supplier|Sensors|Stuttgart, Germany|-|2 3 1",
    "org-tidewater|Tidewater Facilities|company supplier|Facilities services|Harbourview|-|1 2 0",
    "org-quayside|Quayside Electrical|company supplier|Electrical contracting|Harbourview|-|1 3 -",
    "org-kinetica|Kinetica Integrators|company partner|Systems integration|Leeds|-|3 4 2",
    "org-hv-university|Harbourview University Robotics Lab|other partner|Research|Harbourview|-|2 3 2",
    "org-automation-assoc|UK Automation Association|other|Trade association|London|-|3 2 -",
    "org-harbourview|Harbourview Municipality|municipality regulator|Government|Harbourview|-|5 4 0",
    "org-eastholm|Eastholm District Council|municipality|Government|Eastholm|-|3 2 1",
    "org-coastal-env|Coastal Environment Agency|public_authority regulator|Environment|Portlow|-|5 3 -1",
    "org-hv-port|Harbourview Port Authority|public_authority|Ports|Harbourview|-|3 2 0",
    "org-old-docks-residents|Old Docks Residents' Association|community_group|-|Harbourview|-|3 5 -2",
    "org-meadows-alliance|Save Harbour Meadows Alliance|community_group|-|Harbourview|-|3 5 -2",
    "org-hv-business-forum|Harbourview Business Forum|community_group|-|Harbourview|-|3 3 1",
    "org-hv-youth-sports|Harbourview Youth Sports Club|community_group|Sport|Harbourview|-|1 2 -",
    "org-coastwatch|Coastwatch Environmental Trust|ngo|Environment|Portlow|-|3 5 -1",
)

_PEOPLE: dict[str, tuple[str, ...]] = {
    OWN_ORG: (
        "p-helen-okafor|Helen Okafor|Chief Executive Officer|executive|5 5 2",
        "p-david-lindqvist|David Lindqvist|Chief Financial Officer|executive|4 4 2",
        "p-oliver-grant|Oliver Grant|Commercial Director|executive|4 5 2",
        "p-james-whitaker|James Whitaker|Key Account Manager|senior|3 5 2",
        "p-sofia-marquez|Sofía Márquez|Account Executive|manager|3 5 2",
        "p-grace-liu|Grace Liu|Bid Manager|manager|- - -",
        "p-zoe-angstrom|Zoë Ångström|Partnerships Manager|manager|3 4 2",
        "p-eilidh-ross|Eilidh Ross|Marketing Manager|manager|- - -",
        "p-kenji-watanabe|Kenji Watanabe 渡辺健二|Head of Engineering|executive|4 4 2",
        "p-mei-chen|Mei Chen 陈美|Lead Systems Engineer|senior|3 4 2",
        "p-tom-fairbairn|Tom Fairbairn|Solutions Engineer|staff|2 4 -",
        "p-rafael-costa|Rafael Costa|Automation Engineer|staff|2 3 -",
        "p-ines-carvalho|Inês Carvalho|Field Service Engineer|staff|- - -",
        "p-amara-nwosu|Amara Nwosu|Operations Director|executive|4 4 2",
        "p-lukasz-wisniewski|Łukasz Wiśniewski|Procurement Lead|manager|3 4 2",
        "p-priya-raman|Priya Raman|Community Relations Manager|manager|3 5 2",
    ),
    KEY_CLIENT: (
        "p-ingrid-halvorsen|Ingrid Halvorsen|Chief Executive Officer|decision_maker executive|5 3 0",
        "p-marcus-bell|Marcus Bell|Chief Financial Officer|decision_maker executive|5 4 1",
        "p-anna-berg|Anna Berg|Chief Operating Officer|champion executive|4 5 2",
        "p-rajesh-iyer|Rajesh Iyer|Technical Director|blocker senior|4 5 -2",
        "p-claire-dubois|Claire Dubois|Executive Assistant to the CEO|gatekeeper staff|2 2 0",
        "p-nikos-papadopoulos|Nikos Papadopoulos|Head of Procurement|influencer senior|3 4 0",
        "p-hannah-brooks|Hannah Brooks|General Counsel|influencer senior|3 3 -",
        "p-fatima-zahra|Fatima Zahra|Head of Warehouse Operations|influencer manager|3 4 1",
        "p-sven-olsen|Sven Olsen|IT Infrastructure Manager|influencer manager|2 3 -",
        "p-lena-hoffmann|Lena Hoffmann|Operations Engineer|user staff|1 4 1",
        "p-ewa-nowak|Ewa Nowak|Site Manager, Leeds Hub|user manager|2 4 1",
        "p-chidi-eze|Chidi Eze|Financial Controller|user staff|- - -",
        "p-tariq-hussain|Tariq Hussain|Fleet Manager|user manager|- 2 -",
    ),
    KEY_CLIENT_OWNER: ("p-erik-halvorsen|Erik Halvorsen|Chairman|executive|5 2 -",),
    COMPETITOR: (
        "p-victor-hale|Victor Hale|Sales Director|senior|3 4 -2",
        "p-yuki-tanaka|Yuki Tanaka 田中由紀|Chief Technology Officer|executive|4 2 -",
        "p-dominic-reyes|Dominic Reyes|Account Manager|staff|- - -",
    ),
    PROSPECT: (
        "p-diego-ramos|Diego Ramos|Chief Executive Officer|decision_maker executive|4 3 1",
        "p-olga-petrova|Olga Petrova|Operations Director|champion senior|3 5 2",
    ),
    "org-coastline": (
        "p-graham-shaw|Graham Shaw|Procurement Director|decision_maker senior|3 3 0",
    ),
    "org-meridian": (
        "p-ruth-campbell|Ruth Campbell|Engineering Director|decision_maker senior|4 4 1",
        "p-ahmed-khan|Ahmed Khan|Maintenance Manager|user manager|2 4 2",
        "p-colin-baxter|Colin Baxter|Procurement Manager|gatekeeper manager|2 3 0",
    ),
    "org-pellucid": (
        "p-isabelle-martin|Isabelle Martin|Head of Facilities|decision_maker senior|3 3 1",
        "p-oren-levi|Oren Levi|Validation Engineer|user staff|- - -",
    ),
    "org-ferrovia": (
        "p-marco-bianchi|Marco Bianchi|Key Account Manager|manager|2 4 1",
        "p-giulia-russo|Giulia Russo|Logistics Coordinator|staff|- - -",
    ),
    "org-voltaic": (
        "p-arjun-mehta|Arjun Mehta|Sales Manager|manager|2 4 1",
        "p-sarah-kim|Sarah Kim|Applications Engineer|staff|- 3 -",
    ),
    "org-clearpath": (
        "p-noah-schmidt|Noah Schmidt|Customer Success Lead|manager|2 4 1",
        "p-amelie-roux|Amélie Roux|Product Manager|manager|- - -",
    ),
    "org-brennan": (
        "p-siobhan-brennan|Siobhán Brennan|Managing Director|executive|3 3 -1",
        "p-connor-walsh|Connor Walsh|Dispatch Supervisor|staff|- - -",
    ),
    "org-helix": (
        "p-jurgen-muller|Jürgen Müller|Head of Sales|senior|3 3 1",
        "p-ayse-yilmaz|Ayşe Yılmaz|Field Applications Engineer|staff|- 4 -",
    ),
    "org-tidewater": ("p-kwame-mensah|Kwame Mensah|Contracts Manager|manager|2 3 0",),
    "org-quayside": ("p-niamh-kelly|Niamh Kelly|Director|executive|2 3 1",),
    "org-kinetica": (
        "p-bjorn-eriksson|Björn Eriksson|Managing Partner|executive|3 4 2",
        "p-lucia-fernandez|Lucía Fernández|Project Lead|manager|- 4 1",
    ),
    "org-hv-university": (
        "p-nadia-haddad|Prof. Nadia Haddad|Director, Robotics Lab|senior|3 3 2",
        "p-samuel-adeyemi|Samuel Adeyemi|Research Fellow|staff|- - -",
    ),
    MUNICIPALITY: (
        "p-margaret-osei|Margaret Osei|Mayor of Harbourview|decision_maker executive|5 3 0",
        "p-william-ashdown|William Ashdown|Deputy Mayor|decision_maker executive|4 3 -",
        "p-jonathan-pryce|Jonathan Pryce|Town Clerk|gatekeeper executive|4 3 0",
        "p-fiona-mackay|Fiona Mackay|Head of Planning|decision_maker senior|4 4 0",
        "p-ravi-patel|Ravi Patel|Senior Planning Officer|influencer manager|3 4 -",
        "p-elif-demir|Elif Demir|Planning Officer|user staff|2 3 -",
        "p-hugo-lefevre|Hugo Lefèvre|Sustainability Officer|influencer staff|2 4 -",
        "p-sean-obrien|Seán O'Brien|Economic Development Manager|champion manager|3 5 2",
        "p-tomas-herrera|Tomás Herrera|Community Liaison Officer|influencer manager|3 5 1",
    ),
    REGULATOR: (
        "p-gwen-price|Gwen Price|Permits Officer|gatekeeper manager|3 4 0",
        "p-oskar-lindgren|Oskar Lindgren|Regional Director|decision_maker executive|4 2 -",
    ),
    SECOND_MUNICIPALITY: (
        "p-gordon-fraser|Gordon Fraser|Economic Development Officer|champion manager|2 4 1",
        "p-naledi-mokoena|Naledi Mokoena|Planning Officer|staff|- - -",
    ),
    "org-hv-port": ("p-ian-mcleod|Ian McLeod|Harbour Master|senior|3 2 0",),
    "org-coastwatch": (
        "p-zanele-dlamini|Zanele Dlamini|Director|decision_maker executive|4 5 -2",
        "p-ben-carter|Ben Carter|Campaigns Officer|staff|2 5 -",
    ),
    "": (  # no employer on record: councillors and community-group members
        "p-beatrice-moreau|Béatrice Moreau|Councillor, Chair of Planning Committee|-|4 4 1",
        "p-hamid-rahimi|Hamid Rahimi|Councillor|-|3 3 0",
        "p-karen-lloyd|Karen Lloyd|Councillor|-|3 - -",
        "p-anjali-sharma|Anjali Sharma|Councillor|-|- - -",
        "p-rhys-morgan|Rhys Morgan|Councillor (Green)|-|3 5 -1",
        "p-maureen-doyle|Maureen Doyle|Chair, Old Docks Residents' Association|-|4 5 -2",
        "p-gareth-evans|Gareth Evans|Alliance Organiser|-|2 5 -1",
        "p-leila-farouk|Leila Farouk|Secretary, Old Docks Residents' Association|-|- 4 -",
        "p-peter-lam|Peter Lam|Chair, Harbourview Business Forum|-|3 4 1",
        "p-joanna-kowalczyk|Joanna Kowalczyk|Treasurer, Harbourview Business Forum|-|- 3 1",
        "p-dwayne-roberts|Dwayne Roberts|Head Coach, Youth Sports Club|-|2 3 -",
        "p-aisha-bello|Aisha Bello|Volunteer, Youth Sports Club|-|- - -",
    ),
}

_TAGS: dict[str, tuple[str, ...]] = {
    "leadership": (OUR_CEO, "p-david-lindqvist", "p-oliver-grant", "p-kenji-watanabe"),
    "sales": (KEY_ACCOUNT_MANAGER, "p-sofia-marquez", "p-grace-liu", "p-oliver-grant"),
    "engineering": ("p-kenji-watanabe", "p-mei-chen", "p-tom-fairbairn", "p-rafael-costa"),
    "buying-committee": (CLIENT_CEO, CLIENT_CFO, CHAMPION, BLOCKER, GATEKEEPER),
    "elected": (MAYOR, "p-william-ashdown", "p-beatrice-moreau", "p-hamid-rahimi", "p-rhys-morgan"),
    "planning": ("p-fiona-mackay", "p-ravi-patel", "p-elif-demir", "p-naledi-mokoena"),
    "opponent": tuple(sorted(OPPONENTS)),
    "environment": ("p-zanele-dlamini", "p-ben-carter", "p-hugo-lefevre", "org-coastwatch"),
    "competitor": ("p-victor-hale", "p-yuki-tanaka", "p-dominic-reyes"),
    "key-account": (KEY_CLIENT, KEY_ACCOUNT_MANAGER),
    "payment-risk": ("org-coastline",),
    "late-deliveries": ("org-brennan",),
    "old-docks-expansion": (MUNICIPALITY, COALITION_GROUP, "org-old-docks-residents", BROKER),
}

_CONTACTS: dict[str, tuple[str | None, str | None]] = {
    OUR_CEO: ("helen.okafor@aldermoor.example", "+44 20 7946 0100"),
    KEY_ACCOUNT_MANAGER: ("james.whitaker@aldermoor.example", "+44 20 7946 0101"),
    "p-sofia-marquez": ("sofia.marquez@aldermoor.example", "+44 20 7946 0102"),
    SINGLE_THREAD_COLLEAGUE: ("priya.raman@aldermoor.example", "+44 20 7946 0103"),
    CHAMPION: ("anna.berg@northwind.example", "+44 113 496 0200"),
    CLIENT_CFO: ("marcus.bell@northwind.example", None),
    GATEKEEPER: ("claire.dubois@northwind.example", "+44 113 496 0201"),
    "p-erik-halvorsen": (None, "+47 22 00 00 00"),
    "p-jurgen-muller": ("j.mueller@helix-sensors.example", "+49 711 555 0100"),
    MAYOR: ("mayor@harbourview.example", "+44 20 7946 0500"),
    BROKER: ("tomas.herrera@harbourview.example", "+44 20 7946 0501"),
    "p-gwen-price": ("gwen.price@coastal-env.example", None),
}

_NOTES = {
    BLOCKER: "Prefers Graystone's platform; worked with Victor Hale at Dunmore Robotics.",
    CLIENT_CFO: "Warm until last year; now takes his technical cues from Rajesh Iyer.",
    GATEKEEPER: "Controls the CEO's diary; every meeting request goes through her.",
    BROKER: "Runs the residents' liaison forum; trusted by the groups and by the town hall.",
    "p-maureen-doyle": "Leads the objections to the Old Docks expansion.",
    "org-coastline": "Two suppliers report late payments; check credit before bidding.",
    "org-brennan": "Three late deliveries in the last year; penalty clause invoked once.",
}

_MEMBERSHIPS = (
    "p-beatrice-moreau|org-harbourview|Councillor, Chair of Planning Committee|decision_maker",
    "p-hamid-rahimi|org-harbourview|Councillor|influencer",
    "p-karen-lloyd|org-harbourview|Councillor|-",
    "p-anjali-sharma|org-harbourview|Councillor|-",
    "p-rhys-morgan|org-harbourview|Councillor|blocker",
    "p-maureen-doyle|org-old-docks-residents|Chair|executive",
    "p-leila-farouk|org-old-docks-residents|Secretary|staff",
    "p-gareth-evans|org-old-docks-residents|Member|-",
    "p-maureen-doyle|org-meadows-alliance|Founding member|-",
    "p-zanele-dlamini|org-meadows-alliance|Founding member|-",
    "p-rhys-morgan|org-meadows-alliance|Member|-",
    "p-gareth-evans|org-meadows-alliance|Organiser|staff",
    "p-peter-lam|org-hv-business-forum|Chair|executive",
    "p-joanna-kowalczyk|org-hv-business-forum|Treasurer|-",
    "p-dwayne-roberts|org-hv-youth-sports|Head Coach|-",
    "p-aisha-bello|org-hv-youth-sports|Volunteer|-",
    "p-erik-halvorsen|org-northwind|Board Chair|influencer executive",
    "p-helen-okafor|org-automation-assoc|Board Member|-",
    "p-yuki-tanaka|org-automation-assoc|Board Member|-",
)

#: ``a>b``: a REPORTS_TO b.
_REPORTS_TO = (
    "p-david-lindqvist>p-helen-okafor p-oliver-grant>p-helen-okafor p-kenji-watanabe>p-helen-okafor",
    "p-amara-nwosu>p-helen-okafor p-priya-raman>p-helen-okafor p-james-whitaker>p-oliver-grant",
    "p-sofia-marquez>p-oliver-grant p-grace-liu>p-oliver-grant p-zoe-angstrom>p-oliver-grant",
    "p-eilidh-ross>p-oliver-grant p-mei-chen>p-kenji-watanabe p-tom-fairbairn>p-kenji-watanabe",
    "p-rafael-costa>p-mei-chen p-ines-carvalho>p-mei-chen p-lukasz-wisniewski>p-david-lindqvist",
    "p-marcus-bell>p-ingrid-halvorsen p-anna-berg>p-ingrid-halvorsen p-hannah-brooks>p-ingrid-halvorsen",
    "p-claire-dubois>p-ingrid-halvorsen p-rajesh-iyer>p-anna-berg p-fatima-zahra>p-anna-berg",
    "p-nikos-papadopoulos>p-marcus-bell p-chidi-eze>p-marcus-bell p-sven-olsen>p-rajesh-iyer",
    "p-lena-hoffmann>p-rajesh-iyer p-ewa-nowak>p-fatima-zahra p-tariq-hussain>p-fatima-zahra",
    "p-dominic-reyes>p-victor-hale p-olga-petrova>p-diego-ramos p-ahmed-khan>p-ruth-campbell",
    "p-oren-levi>p-isabelle-martin p-giulia-russo>p-marco-bianchi p-sarah-kim>p-arjun-mehta",
    "p-connor-walsh>p-siobhan-brennan p-ayse-yilmaz>p-jurgen-muller p-lucia-fernandez>p-bjorn-eriksson",
    "p-samuel-adeyemi>p-nadia-haddad p-jonathan-pryce>p-margaret-osei p-fiona-mackay>p-jonathan-pryce",
    "p-ravi-patel>p-fiona-mackay p-elif-demir>p-fiona-mackay p-hugo-lefevre>p-fiona-mackay",
    "p-sean-obrien>p-jonathan-pryce p-tomas-herrera>p-jonathan-pryce p-gwen-price>p-oskar-lindgren",
    "p-ben-carter>p-zanele-dlamini",
)

#: ``a|b|strength|note``: a INFLUENCES b.
_INFLUENCES = (
    "p-rajesh-iyer|p-marcus-bell|0.8|The CFO defers to Rajesh on anything technical",
    "p-anna-berg|p-ingrid-halvorsen|0.6|Anna's operational case carries weight with the CEO",
    "p-claire-dubois|p-ingrid-halvorsen|-|Decides what reaches the CEO's desk",
    "p-erik-halvorsen|p-ingrid-halvorsen|0.7|The owner's chairman",
    "p-nikos-papadopoulos|p-marcus-bell|-|Procurement recommendation goes to the CFO",
    "p-victor-hale|p-rajesh-iyer|0.6|Old colleagues; Victor pitches Graystone through him",
    "p-beatrice-moreau|p-margaret-osei|0.6|Chairs the planning committee",
    "p-fiona-mackay|p-beatrice-moreau|-|Officer's recommendation to the committee",
    "p-maureen-doyle|p-rhys-morgan|0.7|Coalition line set by the residents' chair",
    "p-zanele-dlamini|p-maureen-doyle|0.5|Environmental case behind the objections",
)

_KNOWS = (
    # our own people
    "p-helen-okafor|p-david-lindqvist|0.9|-|96|leadership team",
    "p-helen-okafor|p-oliver-grant|0.8|-|72|leadership team",
    "p-helen-okafor|p-amara-nwosu|0.8|-|84|leadership team",
    "p-helen-okafor|p-priya-raman|0.6|-|40|monthly one-to-one",
    "p-oliver-grant|p-james-whitaker|0.8|-|60|line manager",
    "p-oliver-grant|p-sofia-marquez|-|-|30|line manager",
    "p-james-whitaker|p-sofia-marquez|0.7|-|30|Northwind account team",
    "p-kenji-watanabe|p-mei-chen|0.8|-|70|engineering team",
    "p-mei-chen|p-tom-fairbairn|-|-|36|engineering team",
    "p-mei-chen|p-rafael-costa|0.7|-|48|engineering team",
    "p-rafael-costa|p-ines-carvalho|-|-|18|field service rota",
    "p-amara-nwosu|p-lukasz-wisniewski|0.6|-|55|operations meetings",
    "p-amara-nwosu|p-priya-raman|-|-|40|expansion project board",
    "p-oliver-grant|p-zoe-angstrom|-|-|24|line manager",
    "p-grace-liu|p-sofia-marquez|-|-|20|bid team",
    "p-eilidh-ross|p-priya-raman|-|-|20|community newsletter",
    # the key client, Northwind
    "p-helen-okafor|p-ingrid-halvorsen|0.5|-|70|met at a Halvorsen investor day",
    "p-james-whitaker|p-marcus-bell|0.7|-|50|account lead since the first contract",
    "p-james-whitaker|p-anna-berg|0.8|-|50|day-to-day counterpart; champions the renewal",
    "p-sofia-marquez|p-nikos-papadopoulos|0.5|-|14|procurement contact for the renewal",
    "p-sofia-marquez|p-claire-dubois|0.3|-|10|scheduling through the CEO's office",
    "p-sofia-marquez|p-hannah-brooks|-|-|4|contract redlines",
    "p-mei-chen|p-rajesh-iyer|0.4|-0.6|40|technical counterpart; clashed over the retrofit spec",
    "p-tom-fairbairn|p-sven-olsen|-|-|30|integration project",
    "p-tom-fairbairn|p-lena-hoffmann|0.6|-|30|commissioning at the Leeds hub",
    "p-rafael-costa|p-lena-hoffmann|0.5|-|24|site support",
    "p-rafael-costa|p-ewa-nowak|-|-|24|site support",
    "p-mei-chen|p-fatima-zahra|0.6|-|36|warehouse automation roadmap",
    "p-david-lindqvist|p-chidi-eze|-|-|30|invoicing",
    "p-amara-nwosu|p-tariq-hussain|-|-|12|fleet charging pilot",
    "p-anna-berg|p-fatima-zahra|0.8|-|80|told by Anna Berg",
    "p-anna-berg|p-marcus-bell|0.6|-|80|executive team",
    "p-marcus-bell|p-rajesh-iyer|0.9|-|100|Marcus relies on Rajesh's technical judgement",
    "p-chidi-eze|p-marcus-bell|0.7|-|60|finance team",
    "p-rajesh-iyer|p-sven-olsen|0.7|-|60|technology team",
    "p-lena-hoffmann|p-rajesh-iyer|-|-|40|technology team",
    "p-claire-dubois|p-hannah-brooks|-|-|50|CEO's office",
    "p-hannah-brooks|p-nikos-papadopoulos|-|-|40|contract reviews",
    "p-ewa-nowak|p-fatima-zahra|0.7|-|48|warehouse operations",
    "p-fatima-zahra|p-tariq-hussain|-|-|36|warehouse operations",
    # competitor, prospects and other clients
    "p-rajesh-iyer|p-victor-hale|0.8|-|120|former colleagues at Dunmore Robotics (LinkedIn)",
    "p-victor-hale|p-yuki-tanaka|0.7|-|60|Graystone leadership",
    "p-dominic-reyes|p-victor-hale|0.6|-|36|Graystone sales team",
    "p-helen-okafor|p-yuki-tanaka|0.3|-|48|UK Automation Association board",
    "p-anna-berg|p-diego-ramos|0.7|-|90|former colleagues",
    "p-olga-petrova|p-sofia-marquez|0.4|-|3|referred by Anna Berg",
    "p-diego-ramos|p-sofia-marquez|-|-|3|referred by Anna Berg",
    "p-diego-ramos|p-olga-petrova|0.8|-|60|Bluefin leadership",
    "p-grace-liu|p-graham-shaw|-|-|8|tender pre-qualification",
    "p-ruth-campbell|p-sofia-marquez|0.6|-|40|account contact",
    "p-ahmed-khan|p-sofia-marquez|-|-|30|account contact",
    "p-ahmed-khan|p-ruth-campbell|0.6|-|40|told by Ruth Campbell",
    "p-colin-baxter|p-grace-liu|-|-|20|purchase orders",
    "p-colin-baxter|p-ruth-campbell|-|-|30|Meridian procurement",
    "p-isabelle-martin|p-james-whitaker|0.5|-|36|account contact",
    "p-isabelle-martin|p-oren-levi|-|-|30|Pellucid facilities",
    "p-mei-chen|p-oren-levi|-|-|24|validation support",
    # suppliers and partners
    "p-lukasz-wisniewski|p-marco-bianchi|0.7|-|60|supplier account manager",
    "p-giulia-russo|p-marco-bianchi|-|-|30|Ferrovia logistics",
    "p-arjun-mehta|p-lukasz-wisniewski|0.6|-|48|supplier account manager",
    "p-arjun-mehta|p-kenji-watanabe|-|-|36|component design-ins",
    "p-arjun-mehta|p-sarah-kim|-|-|30|Voltaic sales team",
    "p-rafael-costa|p-sarah-kim|-|-|20|application support",
    "p-mei-chen|p-noah-schmidt|0.7|-|36|WMS integration",
    "p-amelie-roux|p-noah-schmidt|-|-|24|Clearpath product team",
    "p-lukasz-wisniewski|p-siobhan-brennan|0.3|-0.3|40|freight contract; late deliveries",
    "p-amara-nwosu|p-siobhan-brennan|-|-|40|freight contract",
    "p-connor-walsh|p-siobhan-brennan|-|-|30|Brennan dispatch",
    "p-ian-mcleod|p-siobhan-brennan|-|-|60|port operations",
    "p-jurgen-muller|p-kenji-watanabe|0.5|-|60|sensor supply",
    "p-ayse-yilmaz|p-rafael-costa|-|-|24|sensor calibration",
    "p-ayse-yilmaz|p-jurgen-muller|-|-|30|Helix sales team",
    "p-amara-nwosu|p-kwame-mensah|-|-|30|plant maintenance",
    "p-lukasz-wisniewski|p-niamh-kelly|-|-|24|electrical works",
    "p-bjorn-eriksson|p-zoe-angstrom|0.8|-|48|partner programme",
    "p-lucia-fernandez|p-zoe-angstrom|0.6|-|30|joint projects",
    "p-bjorn-eriksson|p-lucia-fernandez|-|-|40|Kinetica team",
    "p-bjorn-eriksson|p-jurgen-muller|-|-|50|Kinetica-Helix partnership",
    "p-kenji-watanabe|p-nadia-haddad|0.7|-|84|university alumni",
    "p-mei-chen|p-samuel-adeyemi|-|-|20|research collaboration",
    "p-nadia-haddad|p-samuel-adeyemi|-|-|36|robotics lab",
    "p-amara-nwosu|p-ian-mcleod|0.5|-|36|berth scheduling for heavy loads",
    "p-amara-nwosu|p-gordon-fraser|0.6|-|30|Eastholm warehouse site",
    "p-gordon-fraser|p-naledi-mokoena|-|-|24|Eastholm council",
    # Harbourview municipality and the agency: reached only through Priya Raman
    "p-priya-raman|p-sean-obrien|0.8|-|40|met at the Harbourview jobs fair",
    "p-fiona-mackay|p-priya-raman|0.5|-|30|planning pre-application",
    "p-priya-raman|p-ravi-patel|-|-|20|planning case officer",
    "p-priya-raman|p-tomas-herrera|0.6|-|24|residents' liaison forum",
    "p-jonathan-pryce|p-priya-raman|-|-|30|town hall correspondence",
    "p-margaret-osei|p-priya-raman|0.3|-|18|introduced by Seán O'Brien",
    "p-gwen-price|p-priya-raman|0.4|-|24|discharge permit",
    "p-margaret-osei|p-william-ashdown|0.8|-|60|told by Tomás Herrera",
    "p-jonathan-pryce|p-margaret-osei|0.8|-|60|town hall",
    "p-beatrice-moreau|p-margaret-osei|0.6|-|48|town hall",
    "p-fiona-mackay|p-jonathan-pryce|-|-|50|town hall",
    "p-jonathan-pryce|p-sean-obrien|-|-|40|town hall",
    "p-jonathan-pryce|p-tomas-herrera|-|-|40|town hall",
    "p-tomas-herrera|p-william-ashdown|0.7|-|36|deputy mayor's community portfolio",
    "p-fiona-mackay|p-ravi-patel|0.8|-|60|planning team",
    "p-elif-demir|p-fiona-mackay|-|-|30|planning team",
    "p-elif-demir|p-ravi-patel|-|-|30|planning team",
    "p-fiona-mackay|p-hugo-lefevre|-|-|20|sustainability reviews",
    "p-beatrice-moreau|p-hamid-rahimi|-|-|48|council",
    "p-beatrice-moreau|p-karen-lloyd|-|-|48|council",
    "p-anjali-sharma|p-hamid-rahimi|-|-|36|council",
    "p-beatrice-moreau|p-fiona-mackay|-|-|40|planning committee",
    "p-fiona-mackay|p-gwen-price|0.6|-|50|environmental consultations",
    "p-gwen-price|p-oskar-lindgren|-|-|60|agency team",
    "p-margaret-osei|p-oskar-lindgren|-|-|36|regional forum",
    # community groups: reached only through Tomás Herrera
    "p-maureen-doyle|p-tomas-herrera|0.6|-|48|told by Tomás Herrera",
    "p-rhys-morgan|p-tomas-herrera|-|-|24|told by Tomás Herrera",
    "p-tomas-herrera|p-zanele-dlamini|0.4|-|24|told by Tomás Herrera",
    "p-peter-lam|p-tomas-herrera|0.7|-|60|told by Tomás Herrera",
    "p-dwayne-roberts|p-tomas-herrera|0.5|-|36|told by Tomás Herrera",
    "p-maureen-doyle|p-zanele-dlamini|0.8|-|30|Meadows Alliance",
    "p-maureen-doyle|p-rhys-morgan|0.7|-|30|Meadows Alliance",
    "p-gareth-evans|p-maureen-doyle|0.9|-|60|residents' association",
    "p-rhys-morgan|p-zanele-dlamini|0.7|-|30|Meadows Alliance",
    "p-gareth-evans|p-zanele-dlamini|0.6|-|20|Meadows Alliance",
    "p-gareth-evans|p-rhys-morgan|0.6|-|20|Meadows Alliance",
    "p-leila-farouk|p-maureen-doyle|0.7|-|60|residents' association",
    "p-gareth-evans|p-leila-farouk|-|-|40|residents' association",
    "p-maureen-doyle|p-peter-lam|0.2|-0.5|60|public row over the Old Docks plan",
    "p-joanna-kowalczyk|p-peter-lam|0.8|-|48|business forum",
    "p-dwayne-roberts|p-peter-lam|-|-|36|forum sponsors the club",
    "p-aisha-bello|p-dwayne-roberts|-|-|24|youth sports club",
    "p-ben-carter|p-zanele-dlamini|0.8|-|36|Coastwatch",
)

#: Links between organisations, plus the one referral from person to person.
_ORG_LINKS = (
    "org-ferrovia|SUPPLIES|org-aldermoor|-|84|structural steel",
    "org-voltaic|SUPPLIES|org-aldermoor|-|60|drives and controllers",
    "org-clearpath|SUPPLIES|org-aldermoor|0.5|36|warehouse management software",
    "org-brennan|SUPPLIES|org-aldermoor|-0.4|48|freight; three late deliveries this year",
    "org-helix|SUPPLIES|org-aldermoor|-|72|sensors",
    "org-tidewater|SUPPLIES|org-aldermoor|-|30|plant maintenance",
    "org-quayside|SUPPLIES|org-aldermoor|-|12|electrical works",
    "org-aldermoor|SUPPLIES|org-northwind|0.6|50|automation contract up for renewal",
    "org-aldermoor|SUPPLIES|org-meridian|0.5|40|line automation",
    "org-aldermoor|SUPPLIES|org-pellucid|-|36|cleanroom conveyors",
    "org-graystone|SUPPLIES|org-coastline|-|24|automation",
    "org-aldermoor|PARTNERS_WITH|org-kinetica|0.7|48|integration partner",
    "org-aldermoor|PARTNERS_WITH|org-hv-university|0.8|84|knowledge-transfer partnership",
    "org-helix|PARTNERS_WITH|org-kinetica|-|50|-",
    "org-aldermoor|COMPETES_WITH|org-graystone|-|120|-",
    "org-halvorsen|OWNS|org-northwind|-|96|majority owner",
    "org-coastal-env|REGULATES|org-aldermoor|-|120|discharge permit",
    "org-coastal-env|REGULATES|org-harbourview|-|120|coastal and wetland protection",
    "org-harbourview|REGULATES|org-aldermoor|-|120|planning authority",
    "org-northwind|REFERRED|org-bluefin|0.8|3|Anna Berg recommended us",
    "p-anna-berg|REFERRED|p-diego-ramos|-|3|introduced Bluefin's CEO",
)

#: Contact streams: ``key|from to every|channels|mood|summaries``, then the participants, ours first.
# fmt: off
_STREAMS = (
    ("nw-cfo|535 275 16|meeting call email|0.5|Renewal budget review/Invoice query/Lunch with Marcus",
     "p-james-whitaker p-marcus-bell"),
    ("nw-coo|530 8 30|meeting call|0.6|Account review/East hub roll-out planning/Renewal strategy",
     "p-james-whitaker p-anna-berg"),
    ("nw-qbr|520 40 91|meeting|0.4|Quarterly business review",
     "p-james-whitaker p-sofia-marquez p-anna-berg p-fatima-zahra p-nikos-papadopoulos"),
    ("nw-deal|120 6 14|meeting call email|0.1|Renewal: pricing/Renewal: service levels/Redlines",
     "p-sofia-marquez p-james-whitaker p-nikos-papadopoulos p-hannah-brooks"),
    ("nw-tech|400 20 45|meeting site_visit|-0.4|Retrofit spec review/Rajesh challenges our design",
     "p-mei-chen p-tom-fairbairn p-rajesh-iyer p-sven-olsen"),
    ("nw-site|500 5 30|site_visit call message|0.5|Commissioning check/Support visit/Spares plan",
     "p-tom-fairbairn p-rafael-costa p-lena-hoffmann p-ewa-nowak"),
    ("nw-ceo|500 45 91|meeting event|0.6|CEO dinner/Strategy call",
     "p-helen-okafor p-ingrid-halvorsen"),
    ("nw-gate|200 12 30|email call|0.2|Asked for a CEO meeting/Scheduling with the CEO's office",
     "p-sofia-marquez p-claire-dubois"),
    ("nw-fin|300 30 60|email|0.3|Invoice reconciliation",
     "p-david-lindqvist p-chidi-eze"),
    ("nw-wh|360 25 60|call meeting|0.6|Warehouse automation roadmap",
     "p-mei-chen p-fatima-zahra"),
    ("nw-fleet|200 20 60|call|0.4|Fleet charging pilot",
     "p-amara-nwosu p-tariq-hussain"),
    ("meridian|480 12 40|meeting call email|0.5|Account review/Line 3 upgrade proposal",
     "p-sofia-marquez p-ruth-campbell p-ahmed-khan"),
    ("meridian-po|150 20 45|email|0.2|Purchase order queries",
     "p-grace-liu p-colin-baxter"),
    ("pellucid|450 50 60|meeting call|0.4|Conveyor service review",
     "p-james-whitaker p-isabelle-martin"),
    ("pellucid-val|300 60 80|site_visit|0.3|Validation support",
     "p-mei-chen p-oren-levi"),
    ("bluefin|70 6 14|meeting call|0.5|Discovery workshop/Scoping",
     "p-sofia-marquez p-olga-petrova"),
    ("coastline|200 100 33|call email|-0.2|Pre-qualification/Payment terms (late-payment concerns)",
     "p-grace-liu p-graham-shaw"),
    ("ferrovia|530 20 30|call email|0.4|Steel price review/Delivery schedule",
     "p-lukasz-wisniewski p-marco-bianchi"),
    ("voltaic|510 15 45|meeting email|0.3|Component lead times/Quarterly supplier review",
     "p-lukasz-wisniewski p-kenji-watanabe p-arjun-mehta"),
    ("clearpath|480 30 30|call message|0.5|WMS integration support/Licence renewal",
     "p-mei-chen p-noah-schmidt"),
    ("brennan|300 10 25|call email meeting|-0.4|Late delivery escalation/Penalty clause/Recovery plan",
     "p-lukasz-wisniewski p-amara-nwosu p-siobhan-brennan"),
    ("helix|450 40 60|meeting call|0.5|Sensor roadmap briefing/Calibration issue",
     "p-kenji-watanabe p-rafael-costa p-jurgen-muller p-ayse-yilmaz"),
    ("tidewater|400 30 60|email|0.3|Plant maintenance contract",
     "p-amara-nwosu p-kwame-mensah"),
    ("quayside|250 30 55|call|0.4|Electrical works for the new line",
     "p-lukasz-wisniewski p-niamh-kelly"),
    ("kinetica|500 10 30|meeting call|0.6|Joint bid planning/Partner sync",
     "p-zoe-angstrom p-bjorn-eriksson p-lucia-fernandez"),
    ("university|450 60 75|meeting event|0.7|Robotics lab collaboration/KTP project review",
     "p-kenji-watanabe p-mei-chen p-nadia-haddad"),
    ("hv-econ|530 7 21|meeting call email|0.6|Jobs and skills plan/Economic development update",
     "p-priya-raman p-sean-obrien"),
    ("hv-plan|420 14 28|meeting email|0.0|Pre-application meeting/Planning conditions/Design review",
     "p-priya-raman p-fiona-mackay p-ravi-patel"),
    ("hv-liaison|400 10 30|call meeting|0.3|Briefing on resident concerns",
     "p-priya-raman p-tomas-herrera"),
    ("hv-mayor|360 60 100|meeting|0.2|Courtesy meeting with the mayor",
     "p-priya-raman p-margaret-osei"),
    ("hv-clerk|330 50 70|email|0.2|Correspondence with the town clerk",
     "p-priya-raman p-jonathan-pryce"),
    ("agency|380 30 45|meeting email|-0.1|Discharge permit review/Wetland survey requirements",
     "p-priya-raman p-gwen-price"),
    ("eastholm|450 60 90|meeting|0.4|Eastholm site liaison",
     "p-amara-nwosu p-gordon-fraser"),
    ("port|300 30 60|call|0.3|Berth scheduling for heavy loads",
     "p-amara-nwosu p-ian-mcleod"),
)

#: One-off interactions: ``id|days ago|channel|sentiment|organization|summary``, then participants.
_EVENTS = (
    ("i-nw-kickoff|420|meeting|0.5|org-northwind|Renewal kick-off with the buying committee",
     "p-james-whitaker p-sofia-marquez p-anna-berg p-marcus-bell p-nikos-papadopoulos"),
    ("i-nw-escalation|28|meeting|-0.5|org-northwind|Rajesh tabled Graystone's bid; revised offer due",
     "p-helen-okafor p-james-whitaker p-anna-berg p-rajesh-iyer"),
    ("i-bluefin-intro|80|meeting|0.7|org-bluefin|Anna Berg introduced Bluefin's CEO",
     "p-sofia-marquez p-anna-berg p-diego-ramos"),
    ("i-industry-conference|210|event|0.0|org-automation-assoc|Association conference panel",
     "p-helen-okafor p-yuki-tanaka"),
    ("i-hv-jobs-fair|95|event|0.7|org-harbourview|Jobs fair at the town hall",
     "p-priya-raman p-sean-obrien p-william-ashdown"),
    ("i-hv-consultation|150|event|-0.6|org-harbourview|Old Docks consultation: strong objections",
     "p-priya-raman p-tomas-herrera p-fiona-mackay p-margaret-osei"),
    ("i-hv-hearing|35|event|-0.3|org-harbourview|Planning committee hearing deferred after objections",
     "p-priya-raman p-fiona-mackay p-beatrice-moreau p-hamid-rahimi"),
)
# fmt: on


def _fields(row: str, count: int) -> list[str]:
    parts = [part.strip() for part in row.split("|")]
    if len(parts) != count:
        raise ValueError(f"demo row needs {count} fields: {row!r}")
    return parts


def _number(text: str) -> float | None:
    return None if text == "-" else float(text)


def _levels(text: str) -> tuple[int | None, int | None, int | None]:
    influence, interest, stance = (None if part == "-" else int(part) for part in text.split())
    return influence, interest, stance


def _roles(text: str) -> tuple[DecisionRole | None, Seniority | None]:
    role: DecisionRole | None = None
    seniority: Seniority | None = None
    for token in text.split():
        if token in _DECISION_ROLES:
            role = DecisionRole(token)
        elif token != "-":
            seniority = Seniority(token)
    return role, seniority


def _tag_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for tag, ids in _TAGS.items():
        for node_id in ids:
            index.setdefault(node_id, []).append(tag)
    return index


def _organizations(tags: dict[str, list[str]]) -> list[Organization]:
    organizations = []
    for row in _ORGANIZATIONS:
        org_id, name, kinds, sector, place, value, levels = _fields(row, 7)
        kind, *roles = kinds.split()
        region, _, country = place.partition(", ")
        influence, interest, stance = _levels(levels)
        organizations.append(
            Organization(
                id=org_id,
                name=name,
                kind=OrgKind(kind),
                roles=[OrgRole(role) for role in roles],
                sector=None if sector == "-" else sector,
                region=region,
                country=country or "United Kingdom",
                value=_number(value),
                influence=influence,
                interest=interest,
                stance=stance,
                tags=tags.get(org_id, []),
                notes=_NOTES.get(org_id),
            )
        )
    return organizations


def _people(tags: dict[str, list[str]]) -> tuple[list[Person], list[Relationship]]:
    """Every person, and a WORKS_AT for each one with an employer on record."""
    people, works_at = [], []
    for employer, rows in _PEOPLE.items():
        for row in rows:
            person_id, name, title, roles, levels = _fields(row, 5)
            influence, interest, stance = _levels(levels)
            email, phone = _CONTACTS.get(person_id, (None, None))
            people.append(
                Person(
                    id=person_id,
                    name=name,
                    title=title,
                    email=email,
                    phone=phone,
                    internal=employer == OWN_ORG,
                    influence=influence,
                    interest=interest,
                    stance=stance,
                    tags=tags.get(person_id, []),
                    notes=_NOTES.get(person_id),
                )
            )
            if employer:
                role, seniority = _roles(roles)
                works_at.append(
                    Relationship(
                        source=person_id,
                        type=RelType.WORKS_AT,
                        target=employer,
                        title=title,
                        decision_role=role,
                        seniority=seniority,
                    )
                )
    return people, works_at


def _memberships() -> list[Relationship]:
    memberships = []
    for row in _MEMBERSHIPS:
        person_id, org_id, title, roles = _fields(row, 4)
        role, seniority = _roles(roles)
        memberships.append(
            Relationship(
                source=person_id,
                type=RelType.MEMBER_OF,
                target=org_id,
                title=title,
                decision_role=role,
                seniority=seniority,
            )
        )
    return memberships


def _hierarchy() -> list[Relationship]:
    """REPORTS_TO and INFLUENCES between people."""
    relationships = []
    for line in _REPORTS_TO:
        for pair in line.split():
            source, target = pair.split(">")
            relationships.append(
                Relationship(source=source, type=RelType.REPORTS_TO, target=target)
            )
    for row in _INFLUENCES:
        source, target, strength, note = _fields(row, 4)
        relationships.append(
            Relationship(
                source=source,
                type=RelType.INFLUENCES,
                target=target,
                strength=_number(strength),
                notes=note,
            )
        )
    return relationships


def _ties(today: date) -> list[Relationship]:
    """KNOWS between people and the links between organisations (and one person-to-person referral)."""
    relationships = []
    for row in _KNOWS:
        a, b, strength, sentiment, months, note = _fields(row, 6)
        relationships.append(
            Relationship(
                source=a,
                type=RelType.KNOWS,
                target=b,
                strength=_number(strength),
                sentiment=_number(sentiment),
                since=today - timedelta(days=int(months) * _DAYS_PER_MONTH),
                source_note=note,
            )
        )
    for row in _ORG_LINKS:
        source, rel_type, target, sentiment, months, note = _fields(row, 6)
        relationships.append(
            Relationship(
                source=source,
                type=RelType(rel_type),
                target=target,
                sentiment=_number(sentiment),
                since=today - timedelta(days=int(months) * _DAYS_PER_MONTH),
                notes=None if note == "-" else note,
            )
        )
    return relationships


def _stream(
    head: str, participants: list[str], organization: str | None, today: date, rng: random.Random
) -> Iterator[Interaction]:
    """Contact every ``every`` days (give or take a few) from ``first`` to ``last`` days ago."""
    key, span, channels, mood, summaries = _fields(head, 5)
    first, last, every = (int(part) for part in span.split())
    texts = summaries.split("/")
    for n, offset in enumerate(range(first, last - 1, -every)):
        days_ago = min(first, max(last, offset + rng.randint(-_JITTER_DAYS, _JITTER_DAYS)))
        sentiment = None
        if n % 6 != 5:  # most contacts have a recorded sentiment, some do not
            sentiment = round(max(-1.0, min(1.0, float(mood) + rng.uniform(-0.25, 0.25))), 2)
        yield Interaction(
            id=f"i-{key}-{n + 1:02d}",
            date=today - timedelta(days=days_ago),
            channel=Channel(rng.choice(channels.split())),
            participants=list(participants),
            organization=organization,
            sentiment=sentiment,
            summary=texts[n % len(texts)],
        )


def _interactions(
    today: date, affiliation: dict[str, str], internal: set[str]
) -> list[Interaction]:
    """The streams, about the first outside participant's organisation, then the one-off events."""
    rng = random.Random(_SEED)
    interactions: list[Interaction] = []
    for head, who in _STREAMS:
        participants = who.split()
        outsider = next(p for p in participants if p not in internal)
        interactions.extend(_stream(head, participants, affiliation.get(outsider), today, rng))
    for head, who in _EVENTS:
        event_id, days_ago, channel, sentiment, organization, summary = _fields(head, 6)
        interactions.append(
            Interaction(
                id=event_id,
                date=today - timedelta(days=int(days_ago)),
                channel=Channel(channel),
                participants=who.split(),
                organization=organization,
                sentiment=float(sentiment),
                summary=summary,
            )
        )
    return interactions


def build_demo_network(today: date | None = None) -> Network:
    """The demo network described in this module's docstring, dated relative to ``today``.

    Deterministic: the same ``today`` gives an equal network; another ``today`` shifts every date.
    """
    if today is None:
        today = date.today()
    tags = _tag_index()
    people, works_at = _people(tags)
    memberships = _memberships()
    affiliation = {rel.source: rel.target for rel in reversed(works_at + memberships)}
    internal = {person.id for person in people if person.internal}
    return Network(
        people=people,
        organizations=_organizations(tags),
        relationships=works_at + memberships + _hierarchy() + _ties(today),
        interactions=_interactions(today, affiliation, internal),
    )
