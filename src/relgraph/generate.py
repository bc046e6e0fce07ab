"""Seeded synthetic stakeholder networks of any size, for load tests, benchmarks and demos at scale.

:func:`generate_network` lays out organisations of every kind and role (one of them ours), org
charts inside each (WORKS_AT with seniority and decision roles, REPORTS_TO trees), KNOWS ties with
community structure and a heavy-tailed degree distribution, organisation links, and about 3.5
interactions per person over the 18 months before ``today``. All randomness comes from
``random.Random(seed)`` and ``numpy.random.default_rng(seed)``: equal arguments give an equal
network. Every record goes through its pydantic model (validated; ``model_construct`` is no faster).

Layout: people are numbered organisation by organisation (ours first, its staff ``internal``) and
organisations are sorted by region, so each organisation's and each region's people form one block;
KNOWS endpoints are drawn inside such blocks in proportion to a heavy-tailed sociability weight.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from relgraph.io.csvio import network_to_csv
from relgraph.model import (
    SYMMETRIC_TYPES,
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

__all__ = ["WINDOW_DAYS", "generate_network", "write_import_files"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

#: Interactions lie in the WINDOW_DAYS days up to and including ``today`` (18 months).
WINDOW_DAYS = 548
_KNOWS_DEGREE = 5.0
_INTERACTIONS_PER_PERSON = 3.5
_INTERNAL_SHARE = 0.035
_PEOPLE_PER_ORG = 25


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(sep))


def _table(text: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``key: a, b | c, d`` records (a record goes on while lines start with ``|``) as a dict."""
    rows = (record.split(":", 1) for record in re.split(r"\n(?=\w)", text.strip()))
    return {key: tuple(_words(part, ",") for part in rest.split("|")) for key, rest in rows}


_FIRST = _words("""
    Anna Marcus Helen James Priya Oliver Grace Amara Tom Rafael Ingrid Claire Nikos Hannah Fatima
    Sven Lena Ewa Chidi Tariq Victor Yuki Diego Olga Graham Ruth Ahmed Colin Isabelle Oren Marco
    Giulia Arjun Sarah Noah Connor Margaret Zanele Rhys Emily David Laura Michael Sophie Daniel
    Aisha Mohammed Wei Sofía Zoë Łukasz Siobhán Jürgen Ayşe Inês Amélie Søren Björn Chloé José Seán
""")
_LAST = _words("""
    Smith Jones Taylor Brown Williams Wilson Evans Thomas Roberts Walker Wright Robinson Thompson
    White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Turner Hill Scott Cooper
    Morris Ward Moore King Watson Baker Patel Khan Okafor Lindqvist Halvorsen Berg Iyer Dubois Nowak
    Papadopoulos Hoffmann Eze Hussain Petrova Bianchi Russo Mehta Kim Schmidt Roux Müller Yılmaz
    Wiśniewski Márquez Ångström Núñez Dvořák Brennan O'Brien Nguyễn Watanabe
""")
_BRANDS = _words("""
    Northwind Bluefin Meridian Ferrovia Helix Kinetica Clearpath Voltaic Tidewater Quayside Beacon
    Graystone Coastline Pellucid Brightwater Cobalt Evergreen Fairhaven Granite Ironbridge Juniper
    Keystone Lumen Marlow Norland Oakridge Pinnacle Redwood Silverline Summit Trident Vantage Zenith
""")
_SECTORS = _words("""
    Logistics Foods Engineering Software Energy Pharma Construction Freight Retail Steel Sensors
    Automation Electronics Facilities Packaging Telecoms
""")
_LEGAL = _words("Ltd plc Group GmbH S.A. AS")
_TOWNS = tuple(
    a + b
    for a in _words("North East West Ald Bran Kings Mill Ash Fair Stone Wood Oak Elm Sea")
    for b in _words("field holm mouth bury ford ton wick dale haven port view moor gate ley")
)
#: Name endings per organisation kind (the town comes first).
_ORG_NAMES = _table("""
municipality: Municipality, District Council, Borough Council, Town Council
public_authority: Environment Agency, Port Authority, Transport Authority, Health Board
community_group: Residents' Association, Business Forum, Youth Sports Club, Heritage Society
ngo: Environmental Trust, Clean Rivers Trust, Wildlife Trust, Community Foundation
other: University Robotics Lab, Research Institute, Trade Association, College
""")
#: Titles per employer kind and layer (executive | senior | manager | staff); heads get the first.
_TITLES = _table("""
own: Chief Executive Officer, Commercial Director, Operations Director, Chief Financial Officer
  | Key Account Director, Head of Engineering, Head of Partnerships
  | Key Account Manager, Community Relations Manager, Partnerships Manager, Bid Manager
  | Account Executive, Solutions Engineer, Field Service Engineer, Procurement Lead
company: Chief Executive Officer, Chief Financial Officer, Chief Operating Officer, CTO
  | Head of Procurement, Technical Director, Finance Director, Sales Director, General Counsel
  | Procurement Manager, Operations Manager, IT Manager, Site Manager, Account Manager
  | Engineer, Analyst, Buyer, Coordinator, Specialist, Executive Assistant
municipality: Mayor, Chief Executive, Town Clerk, Deputy Mayor
  | Head of Planning, Director of Economic Development, Head of Environment
  | Planning Officer, Community Liaison Officer, Economic Development Manager
  | Case Officer, Planning Assistant, Building Inspector, Administrator
public_authority: Director General, Chief Executive, Regional Director
  | Head of Permits, Head of Enforcement, Area Manager
  | Permits Officer, Compliance Manager, Senior Inspector
  | Case Officer, Inspector, Analyst
civic: Chair, Director, President | Vice Chair, Secretary, Treasurer, Programme Director
  | Campaign Manager, Volunteer Coordinator, Events Manager | Member, Volunteer, Organiser
""")
_SENIORITY = tuple(Seniority)  # executive, senior, manager, staff: the layers of an org chart
_ROLES = (*DecisionRole, None)  # decision_maker influencer gatekeeper champion user blocker -
#: Decision-role weights per layer at clients, prospects and municipalities.
_DECISION_WEIGHTS = ((70, 20, 0, 5, 0, 5, 0), (20, 45, 5, 10, 0, 10, 10),
                     (0, 30, 15, 10, 20, 5, 20), (0, 0, 5, 0, 40, 0, 55))  # fmt: skip
_CHANNELS = tuple(Channel)
_CHANNEL_P = (0.28, 0.25, 0.27, 0.08, 0.05, 0.05, 0.02)
_TOPICS = _words(
    "Quarterly review, Contract renewal, Pricing, Planning application, Introductions, "
    "Delivery issue, Community consultation, Technical review, Follow-up",
    ",",
)
_HOW = _words("former colleagues, met at a conference, introduced by a colleague, trade body", ",")
#: (kind, roles) of the first organisations, so that every kind and role occurs; the first is ours.
_FIXED = (*((OrgKind.COMPANY, r) for r in _words("own client client prospect supplier partner")),
          (OrgKind.COMPANY, "competitor"),
          (OrgKind.MUNICIPALITY, "regulator"), (OrgKind.PUBLIC_AUTHORITY, "regulator"),
          (OrgKind.COMMUNITY_GROUP, ""), (OrgKind.NGO, ""), (OrgKind.OTHER, "partner"))  # fmt: skip
#: Per kind: share of organisations, size factor, role sets ("+" joins two, "-" none), weights.
_KINDS: dict[OrgKind, tuple[float, float, tuple[str, ...], tuple[int, ...]]] = {
    OrgKind.COMPANY: (0.62, 1.0,
                      _words("client prospect supplier partner competitor - client+supplier"),
                      (22, 15, 22, 6, 7, 24, 4)),
    OrgKind.MUNICIPALITY: (0.07, 1.5, _words("regulator client regulator+client -"),
                           (40, 15, 15, 30)),
    OrgKind.PUBLIC_AUTHORITY: (0.05, 1.0, _words("regulator -"), (60, 40)),
    OrgKind.COMMUNITY_GROUP: (0.12, 0.3, _words("- partner"), (90, 10)),
    OrgKind.NGO: (0.07, 0.5, _words("- partner"), (80, 20)),
    OrgKind.OTHER: (0.07, 0.6, _words("- partner supplier"), (50, 30, 20)),
}  # fmt: skip


def _given(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value: unset fields cost no validation and less memory."""
    return {key: value for key, value in fields.items() if value is not None}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())


def _draw(cum: Floats, lo: Ints, hi: Ints, u: Floats) -> Ints:
    """Indices in ``[lo, hi)`` drawn in proportion to the weights whose running sum is ``cum``."""
    x = cum[lo] + u * (cum[hi] - cum[lo])
    idx = np.searchsorted(cum, x, side="right").astype(np.int64) - 1
    return np.where(hi > lo, np.clip(idx, lo, hi - 1), -1)


class _Generator:
    """One generation run: the random sources, the layout and the records built so far."""

    def __init__(self, people: int, seed: int, today: date) -> None:
        self.rng, self.nrng = random.Random(seed), np.random.default_rng(seed)
        self.n, self.today = people, today
        self.n_int = min(people, max(3, round(_INTERNAL_SHARE * people)))
        self.pid = [f"p{i}" for i in range(people)]  # shared id strings save memory
        self.people: list[Person] = []
        self.orgs: list[Organization] = []
        self.rels: list[Relationship] = []
        self.seen: set[tuple[str, str, str]] = set()

    def rel(self, source: str, type_: RelType, target: str, **fields: Any) -> None:
        """Add a relationship unless it is a loop or already there (symmetric: either way round)."""
        a, b = sorted((source, target)) if type_ in SYMMETRIC_TYPES else (source, target)
        if a != b and (a, type_, b) not in self.seen:
            self.seen.add((a, type_, b))
            self.rels.append(Relationship(source=a, type=type_, target=b, **_given(fields)))

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))

    def plan(self) -> None:
        """Choose each organisation's kind, roles, region and size; lay people out in org blocks."""
        rng, nrng = self.rng, self.nrng
        n_orgs = max(len(_FIXED), round(self.n / _PEOPLE_PER_ORG))
        plan = list(_FIXED)
        for _ in range(n_orgs - len(_FIXED)):
            kind = rng.choices(list(_KINDS), weights=[k[0] for k in _KINDS.values()])[0]
            plan.append((kind, rng.choices(_KINDS[kind][2], weights=_KINDS[kind][3])[0]))
        towns = list(_TOWNS)
        rng.shuffle(towns)
        n_regions = min(len(towns), max(3, n_orgs // 12))
        region_w = np.minimum(1 + nrng.pareto(1.5, n_regions), 20)
        region_w[0] *= 3  # our home region is busiest
        regions = [0, *nrng.choice(n_regions, n_orgs - 1, p=region_w / region_w.sum()).tolist()]
        municipal = [o for o, (kind, _r) in enumerate(plan) if kind is OrgKind.MUNICIPALITY]
        for j, o in enumerate(municipal):
            regions[o] = j % n_regions  # every region gets a council before any gets two
        order = [0, *sorted(range(1, n_orgs), key=lambda o: (regions[o], o))]
        self.kind = [plan[o][0] for o in order]
        self.roles = [
            frozenset(OrgRole(r) for r in plan[o][1].split("+") if r not in ("", "-"))
            for o in order
        ]
        self.region = [regions[o] for o in order]
        self.towns = towns[:n_regions]
        factor = np.array([_KINDS[kind][1] for kind in self.kind[1:]])
        cap = min(150, max(5, n_orgs / 3))  # a few big organisations, never most of the people
        weights = np.minimum(1 + nrng.pareto(1.2, n_orgs - 1), cap) * factor
        rest = self.n - self.n_int
        base = np.full(n_orgs - 1, 1 if rest >= 2 * (n_orgs - 1) else 0, np.int64)
        sizes = base + nrng.multinomial(rest - int(base.sum()), weights / weights.sum())
        self.size = np.concatenate([[self.n_int], sizes]).astype(np.int64)
        self.start = np.concatenate([[0], np.cumsum(self.size)]).astype(np.int64)
        self.org_of = np.repeat(np.arange(n_orgs), self.size).astype(np.int64)
        self.oid = [f"o{o}" for o in range(n_orgs)]

    def organizations(self) -> None:
        rng, used = self.rng, set[str]()
        for o, kind in enumerate(self.kind):
            town, roles, sector = self.towns[self.region[o]], self.roles[o], None
            if o == 0:
                name, sector = "Aldermoor Engineering Ltd", "Industrial automation"
            elif kind is OrgKind.COMPANY:
                sector = rng.choice(_SECTORS)
                name = f"{rng.choice(_BRANDS)} {sector} {rng.choice(_LEGAL)}"
            else:
                name = f"{town} {rng.choice(_ORG_NAMES[kind.value][0])}"
            name = f"{name} ({town}, {o})" if name in used else name
            used.add(name)
            value = (
                float(round(np.exp(rng.gauss(12.5, 1.2)), -3)) if OrgRole.CLIENT in roles else None
            )
            stance = -1 if OrgRole.COMPETITOR in roles else rng.choice((-2, -1, 0, 1, 1, 2))
            fields = dict(
                id=self.oid[o], name=name, kind=kind, roles=sorted(roles), sector=sector,
                region=town, country="United Kingdom", value=value,
                influence=rng.randint(1, 5) if o else None,
                interest=rng.randint(1, 5) if o else None,
                stance=stance if o and rng.random() < 0.7 else None,
                tags=["key-account"] if value and value > 1_000_000 else None,
            )  # fmt: skip
            self.orgs.append(Organization(**_given(fields)))
        self.domains = [_slug(org.name.split("(")[0])[:30] + ".example" for org in self.orgs]

    def staff(self) -> None:
        """People, WORKS_AT, REPORTS_TO trees (head ← executives ← seniors ← managers ← staff)."""
        pid, first = self.pid, self.nrng.integers(0, len(_FIRST), self.n).tolist()
        last = self.nrng.integers(0, len(_LAST), self.n).tolist()
        self.layer = np.zeros(self.n, np.int64)
        for o in range(len(self.orgs)):
            lo, size = int(self.start[o]), int(self.size[o])
            bounds = [lo]
            for count in (max(1, round(0.03 * size)), round(0.08 * size), round(0.15 * size)):
                bounds.append(min(lo + size, bounds[-1] + count))
            bounds.append(lo + size)
            for i in range(lo, lo + size):
                layer = next(k for k in range(4) if i < bounds[k + 1])
                self.layer[i] = layer
                self.person(i, o, layer, f"{_FIRST[first[i]]} {_LAST[last[i]]}")
                above = [k for k in range(layer) if bounds[k + 1] > bounds[k]]
                if i > lo:  # the head of the organisation reports to no one
                    k = above[-1] if layer else -1
                    boss = lo if k < 0 else self.rng.randrange(bounds[k], bounds[k + 1])
                    self.rel(pid[i], RelType.REPORTS_TO, pid[boss])

    def person(self, i: int, o: int, layer: int, name: str) -> None:
        rng, kind, roles = self.rng, self.kind[o], self.roles[o]
        group = "own" if o == 0 else kind.value if kind.value in _TITLES else "civic"
        titles = _TITLES[group][layer]
        title = (
            titles[0] if i == self.start[o] else rng.choice(titles[1:] if layer == 0 else titles)
        )
        engaged = bool(roles & {OrgRole.CLIENT, OrgRole.PROSPECT}) or kind is OrgKind.MUNICIPALITY
        decision = None
        if o and (engaged or rng.random() < 0.1):
            decision = rng.choices(_ROLES, weights=_DECISION_WEIGHTS[layer])[0]
        stance = rng.choice((-2, -1, 0, 0, 1, 1, 2)) if o and rng.random() < 0.6 else None
        if decision in (DecisionRole.BLOCKER, DecisionRole.CHAMPION):
            stance = -2 if decision is DecisionRole.BLOCKER else 2
        first, last = name.split(" ", 1)
        fields = dict(
            id=self.pid[i], name=name, title=title, internal=True if o == 0 else None,
            email=f"{_slug(first)}.{_slug(last)}@{self.domains[o]}" if rng.random() < 0.7 else None,
            phone=f"+44 {rng.randint(1000, 9999)} {rng.randint(100000, 999999)}"
            if rng.random() < 0.35 else None,
            influence=max(1, 5 - layer - rng.randint(0, 1)) if rng.random() < 0.7 else None,
            interest=rng.randint(1, 5) if o and rng.random() < 0.6 else None, stance=stance,
            tags=["key-contact"] if decision is DecisionRole.DECISION_MAKER and engaged else None,
        )  # fmt: skip
        self.people.append(Person(**_given(fields)))
        since = self.days_ago(30, 6000) if rng.random() < 0.6 else None
        self.rel(self.pid[i], RelType.WORKS_AT, self.oid[o], title=title,
                 seniority=_SENIORITY[layer], decision_role=decision, since=since)  # fmt: skip

    def memberships(self) -> None:
        """MEMBER_OF community groups and councils in one's region; a few INFLUENCES at work."""
        rng, pid, by_region = self.rng, self.pid, dict[int, list[int]]()
        for o, kind in enumerate(self.kind):
            if kind in (OrgKind.COMMUNITY_GROUP, OrgKind.MUNICIPALITY):
                by_region.setdefault(self.region[o], []).append(o)
        for i in range(self.n_int, self.n):
            o = int(self.org_of[i])
            if rng.random() < 0.05 and self.region[o] in by_region:
                group = rng.choice(by_region[self.region[o]])
                council = self.kind[group] is OrgKind.MUNICIPALITY
                title = "Councillor" if council else rng.choice(_TITLES["civic"][1] + ("Member",))
                role = rng.choice(_ROLES[:2]) if council else None
                self.rel(pid[i], RelType.MEMBER_OF, self.oid[group], title=title,
                         decision_role=role, since=self.days_ago(60, 4000))  # fmt: skip
            lo, size = int(self.start[o]), int(self.size[o])
            if rng.random() < 0.02 and size > 2:  # someone near the top listens to them
                target = lo + rng.randrange(min(size, 1 + round(0.11 * size)))
                self.rel(pid[i], RelType.INFLUENCES, pid[target])

    def knows_pairs(self) -> Ints:
        """Unique KNOWS pairs (a < b): in organisations, in regions, our accounts, at random."""
        n, nrng, n_int = self.n, self.nrng, self.n_int
        sociable = (
            np.minimum(1 + nrng.pareto(1.5, n), 40) * np.array([2.5, 1.8, 1.3, 1.0])[self.layer]
        )
        sociable[:n_int] *= 2.0
        cum = np.concatenate([[0.0], np.cumsum(sociable)])
        target = round(_KNOWS_DEGREE * n / 2)
        m = int(target * 1.6) + 10  # duplicates and loops are dropped below
        zeros = np.zeros(m, np.int64)
        src = _draw(cum, zeros, np.full(m, n, np.int64), nrng.random(m))
        region = np.array(self.region)[self.org_of]
        reg_lo = np.searchsorted(region, region).astype(np.int64)
        reg_hi = np.searchsorted(region, region, side="right").astype(np.int64)
        org, kind = self.org_of[src], nrng.random(m)  # 64% colleagues, 14% region, 12% random
        lo = np.where(kind < 0.64, self.start[org], np.where(kind < 0.78, reg_lo[src], 0))
        hi = np.where(kind < 0.64, self.start[org + 1], np.where(kind < 0.78, reg_hi[src], n))
        cover = kind >= 0.90  # 10%: one of us with an outsider (account coverage)
        ours = _draw(cum, zeros, np.full(m, n_int, np.int64), nrng.random(m))
        src, lo, hi = np.where(cover, ours, src), np.where(cover, n_int, lo), np.where(cover, n, hi)
        dst = _draw(cum, lo.astype(np.int64), hi.astype(np.int64), nrng.random(m))
        keep = (dst >= 0) & (dst != src)
        keys = np.unique(np.minimum(src, dst)[keep] * n + np.maximum(src, dst)[keep])
        if len(keys) > target:
            keys = np.sort(nrng.choice(keys, target, replace=False))
        return np.stack([keys // n, keys % n], axis=1)

    def knows(self) -> None:
        """KNOWS ties; some with stated strength, sentiment (5% negative), since and source."""
        pairs, pid = self.knows_pairs(), self.pid
        m, nrng = len(pairs), self.nrng
        strength = np.clip(np.round(nrng.beta(2, 2, m), 1), 0.1, 1.0)
        sentiment = np.clip(np.round(nrng.normal(0.4, 0.3, m), 1), -1, 1) + 0.0
        negative = nrng.random(m) < 0.05
        sentiment[negative] = -np.round(nrng.uniform(0.2, 0.8, int(negative.sum())), 1)
        stated = nrng.random((m, 4)) < (0.4, 0.3, 0.5, 0.1)
        stated[:, 1] |= negative
        since = nrng.integers(60, 5000, m).tolist()
        how = nrng.integers(0, len(_HOW), m).tolist()
        columns = (
            pairs.tolist(),
            strength.tolist(),
            sentiment.tolist(),
            stated.tolist(),
            since,
            how,
        )
        for (a, b), st, se, flags, days, note in zip(*columns, strict=True):
            fields = dict(
                strength=st if flags[0] else None, sentiment=se if flags[1] else None,
                since=self.today - timedelta(days=days) if flags[2] else None,
                source_note=_HOW[note] if flags[3] else None,
            )  # fmt: skip
            self.rels.append(
                Relationship(source=pid[a], type=RelType.KNOWS, target=pid[b], **_given(fields))
            )
        self.pairs = pairs
        self.mood = np.where(stated[:, 1], sentiment, nrng.normal(0.3, 0.25, m))

    def org_links(self) -> None:
        """SUPPLIES, PARTNERS_WITH, COMPETES_WITH, REGULATES, OWNS and REFERRED around us."""
        rng, us, role = self.rng, self.oid[0], {r: list[str]() for r in OrgRole}
        for org in self.orgs:
            for r in org.roles:
                role[r].append(org.id)
        companies = [org.id for org in self.orgs[1:] if org.kind is OrgKind.COMPANY]
        accounts = role[OrgRole.CLIENT] + role[OrgRole.PROSPECT]
        owned = rng.sample(companies, max(1, len(companies) // 25))
        owners = [c for c in companies if c not in owned]  # owners are never owned: no cycles
        links = (
            [(s, RelType.SUPPLIES, us) for s in role[OrgRole.SUPPLIER]]
            + [(us, RelType.SUPPLIES, c) for c in role[OrgRole.CLIENT]]
            + [(us, RelType.PARTNERS_WITH, p) for p in role[OrgRole.PARTNER]]
            + [(c, RelType.COMPETES_WITH, us) for c in role[OrgRole.COMPETITOR]]
            + [(r, RelType.REGULATES, us) for r in role[OrgRole.REGULATOR]]
            + [(r, RelType.REGULATES, rng.choice(companies)) for r in role[OrgRole.REGULATOR] * 2]
            + [(c, RelType.SUPPLIES, rng.choice(accounts)) for c in role[OrgRole.COMPETITOR]]
            + [(rng.choice(owners), RelType.OWNS, c) for c in owned]
            + [(rng.choice(role[OrgRole.CLIENT]), RelType.REFERRED, p)
               for p in role[OrgRole.PROSPECT] if rng.random() < 0.25]
        )  # fmt: skip
        for source, type_, target in links:
            sentiment = round(rng.uniform(-0.6, 0.9), 1) if rng.random() < 0.5 else None
            self.rel(source, type_, target, sentiment=sentiment, since=self.days_ago(90, 4000))
            heads = [int(org_id[1:]) for org_id in (source, target)]
            if type_ is RelType.REFERRED and all(self.size[o] for o in heads):
                referrer, referred = (self.pid[int(self.start[o])] for o in heads)
                self.rel(referrer, RelType.REFERRED, referred, since=self.days_ago(30, 400))

    def contacts(self) -> tuple[Ints, Ints]:
        """The KNOWS tie behind each interaction and its days before today, oldest first.

        85% are between one of us and an outsider. Each tie is active (last contact this month),
        cooling (4-5 months ago) or dormant (10-11 months ago); its frequency is heavy-tailed.
        """
        nrng, n_int, pairs = self.nrng, self.n_int, self.pairs
        ours = pairs[:, 0] < n_int  # a < b, and our people come first
        groups = [np.flatnonzero(ours & (pairs[:, 1] >= n_int)),
                  np.flatnonzero(pairs[:, 0] >= n_int)]  # fmt: skip
        total = round(_INTERACTIONS_PER_PERSON * self.n)
        share = 0.0 if not len(groups[0]) else 0.85 if len(groups[1]) else 1.0
        want = [round(share * total), total - round(share * total)]
        activity = np.minimum(1 + nrng.pareto(1.3, len(pairs)), 60)
        last = nrng.choice(np.array([0, 120, 300]), len(pairs), p=[0.5, 0.3, 0.2])
        last += nrng.integers(0, 30, len(pairs))  # days since the tie's last contact
        drawn = [nrng.choice(g, k, p=activity[g] / activity[g].sum())
                 for g, k in zip(groups, want, strict=True) if k and len(g)]  # fmt: skip
        edges = np.concatenate([np.zeros(0, np.int64), *drawn])
        span = WINDOW_DAYS - last[edges]
        days = last[edges] + (nrng.random(len(edges)) ** 1.5 * span).astype(np.int64)
        by_tie = np.lexsort((days, edges))  # each tie's latest contact falls on its last day
        latest = np.ones(len(edges), bool)
        latest[1:] = edges[by_tie][1:] != edges[by_tie][:-1]
        days[by_tie[latest]] = last[edges[by_tie[latest]]]
        order = np.argsort(-days, kind="stable")
        return edges[order], days[order]

    def interactions(self) -> list[Interaction]:
        """Interactions on KNOWS ties, 2-6 participants: colleagues of either side join."""
        nrng, n_int, pid, oid = self.nrng, self.n_int, self.pid, self.oid
        edges, days = self.contacts()
        k, u, v = len(edges), self.pairs[edges, 0], self.pairs[edges, 1]
        org, ours = self.org_of[v], (u < n_int)[:, None]
        extra = nrng.choice(5, k, p=[0.45, 0.25, 0.15, 0.1, 0.05])
        pos = nrng.random((k, 4))
        colleague = self.start[org][:, None] + (pos * self.size[org][:, None]).astype(np.int64)
        cand = np.where(
            (nrng.random((k, 4)) < 0.35) & ours, (pos * n_int).astype(np.int64), colleague
        )
        sentiment = np.clip(np.round(self.mood[edges] + nrng.normal(0, 0.2, k), 1), -1, 1) + 0.0
        flags = nrng.random((k, 3)) < np.where(ours, (0.9, 0.85, 0.25), (0.5, 0.85, 0.25))
        columns = (u.tolist(), v.tolist(), org.tolist(), days.tolist(), extra.tolist(),
                   cand.tolist(), sentiment.tolist(), flags.tolist(),
                   nrng.choice(7, k, p=_CHANNEL_P).tolist(),
                   nrng.integers(0, len(_TOPICS), k).tolist())  # fmt: skip
        dates = [self.today - timedelta(days=d) for d in range(WINDOW_DAYS)]
        return [
            Interaction(**_given(dict(
                id=f"i{j}", date=dates[d], channel=_CHANNELS[ch],
                participants=list(dict.fromkeys([pid[a], pid[b], *(pid[c] for c in cs[:x])])),
                organization=oid[o] if f[0] else None, sentiment=s if f[1] else None,
                summary=_TOPICS[t] if f[2] else None,
            )))
            for j, (a, b, o, d, x, cs, s, f, ch, t) in enumerate(zip(*columns, strict=True))
        ]  # fmt: skip


def generate_network(people: int, *, seed: int = 0, today: date | None = None) -> Network:
    """Generate a realistic stakeholder network with exactly ``people`` people, seeded.

    About one organisation per 25 people (sizes heavy-tailed; every kind and role occurs; ``o0`` is
    ours), 3.5% of people internal (at least 3), each person WORKS_AT one organisation, REPORTS_TO
    trees, KNOWS ties (mean degree 5, heavy tail, mostly within organisation and region),
    organisation links and ``3.5 * people`` interactions in the 18 months up to ``today``. Ids are
    ``p<n>``, ``o<n>`` and ``i<n>``. 100,000 people take about 17 s (peak 1.4 GB) on two cores.

    Parameters
    ----------
    people
        How many people (at least 1).
    seed
        Seed of every random choice: equal arguments give an equal network.
    today
        The last day interactions may fall on (default: ``date.today()``).

    Returns
    -------
    Network
        Validated records that pass :func:`relgraph.store.checks.batch_problems` on their own.

    Examples
    --------
    >>> net = generate_network(200, seed=1, today=date(2025, 6, 15))
    >>> len(net.people), sum(p.internal for p in net.people), len(net.interactions)
    (200, 7, 700)
    >>> net == generate_network(200, seed=1, today=date(2025, 6, 15))
    True
    """
    if people < 1:
        raise ValueError("people must be at least 1")
    gen = _Generator(people, seed, today or date.today())
    for step in (gen.plan, gen.organizations, gen.staff, gen.memberships, gen.org_links, gen.knows):
        step()
    interactions = gen.interactions()
    return Network(
        people=gen.people, organizations=gen.orgs, relationships=gen.rels, interactions=interactions
    )


def write_import_files(network: Network, directory: Path) -> None:
    """Write the four import CSVs of ``network`` into ``directory`` (created if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in network_to_csv(network).items():
        (directory / name).write_text(text, encoding="utf-8", newline="")
