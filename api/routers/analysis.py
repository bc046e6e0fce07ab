"""``/api/analysis/*``: every analysis, as ``{"analysis", "as_of", "results"}`` (fields as in the README).

Results are computed on the store's projection as of a date, cached until the next write changes the store.
"""

from __future__ import annotations

import dataclasses
import json
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from api.deps import ProjectionDep, ReadAccess
from api.errors import ErrorResponse
from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from relgraph.analysis.brokerage import Broker, brokers
from relgraph.analysis.centrality import KeyContact, key_contacts
from relgraph.analysis.communities import Community, communities
from relgraph.analysis.grid import GridRow, stakeholder_grid
from relgraph.analysis.paths import WarmPath, warm_paths
from relgraph.analysis.weak_links import Finding, weak_links
from relgraph.analysis.whatif import WhatIf, what_if
from relgraph.errors import InvalidInputError
from relgraph.projection import Projection

router = APIRouter(prefix="/api/analysis", tags=["analysis"], dependencies=[ReadAccess],
                   responses={404: {"model": ErrorResponse, "description": "An id names nothing"}})  # fmt: skip

R = TypeVar("R")

Limit = Annotated[int, Query(ge=1, le=1000, description="How many results.")]
Seed = Annotated[
    int, Query(ge=0, le=2**31 - 1, description="Random seed (same seed, same answer).")
]
NodeId = Annotated[str, Query(min_length=1, max_length=200)]


class AnalysisResult(BaseModel, Generic[R]):
    """An analysis: its name, the date the network was taken as of, and the results."""

    analysis: str = Field(examples=["key-contacts"])
    as_of: str = Field(examples=["2026-11-23"])
    results: R


_CACHED_ANSWERS = 256  # per projection; the oldest answers are dropped first


def _answer(
    name: str, projection: Projection, compute: Callable[[], Any], **params: Any
) -> Response:
    """The analysis's response, computed and serialised once per projection (i.e. per store version and date)
    and parameters: a repeated query is answered with the cached bytes, and any write makes a new projection.
    (The route's ``response_model`` documents the shape; the cached bytes skip re-validating it.)"""
    cache: OrderedDict[str, bytes] = projection.memo("api-answers", OrderedDict)
    key = f"{name}:{sorted(params.items())!r}"
    if key not in cache:
        results = compute()
        rows: Any = (
            [dataclasses.asdict(r) for r in results]
            if isinstance(results, list)
            else dataclasses.asdict(results)
        )
        body = {"analysis": name, "as_of": projection.as_of.isoformat(), "results": rows}
        cache[key] = json.dumps(
            body, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode()
        while len(cache) > _CACHED_ANSWERS:
            cache.popitem(last=False)
    cache.move_to_end(key)
    return Response(cache[key], media_type="application/json")


@router.get("/key-contacts", response_model=AnalysisResult[list[KeyContact]])
def get_key_contacts(
    projection: ProjectionDep,
    organization: Annotated[str | None, Query(max_length=200, description="Only this organisation's people.")] = None,
    include_internal: Annotated[bool, Query(description="Rank our own people too.")] = False,
    limit: Limit = 20,
    seed: Seed = 0,
) -> Response:  # fmt: skip
    """Key contacts ranked by network position, formal power and stated influence."""
    return _answer("key-contacts", projection,
                   lambda: key_contacts(projection, organization=organization, include_internal=include_internal,
                                        limit=limit, seed=seed),
                   organization=organization, include_internal=include_internal, limit=limit, seed=seed)  # fmt: skip


@router.get("/brokers", response_model=AnalysisResult[list[Broker]])
def get_brokers(projection: ProjectionDep, limit: Limit = 20, seed: Seed = 0) -> Response:
    """People who connect otherwise separate groups (betweenness, Burt's constraint and effective size)."""
    return _answer(
        "brokers",
        projection,
        lambda: brokers(projection, limit=limit, seed=seed),
        limit=limit,
        seed=seed,
    )


@router.get("/weak-links", response_model=AnalysisResult[list[Finding]])
def get_weak_links(projection: ProjectionDep, limit: Limit = 30) -> Response:
    """Single points of failure, bridges, cooling ties, single-threaded accounts, negative ties."""
    return _answer(
        "weak-links", projection, lambda: weak_links(projection, limit=limit), limit=limit
    )


@router.get("/paths", response_model=AnalysisResult[list[WarmPath]])
def get_paths(
    projection: ProjectionDep,
    target: Annotated[str, Query(min_length=1, max_length=200, description="Person or organisation to reach (id).")],
    source: Annotated[list[str] | None, Query(alias="from", max_length=50, description="Start from these people of ours (ids; repeat the parameter).")] = None,
    k: Annotated[int, Query(ge=1, le=20, description="How many routes.")] = 3,
    max_hops: Annotated[int, Query(ge=1, le=8, description="Longest route, in ties.")] = 4,
    allow_negative: Annotated[bool, Query(description="Allow routes through opponents and negative ties.")] = False,
) -> Response:  # fmt: skip
    """Warm introduction routes from our people to a person or organisation."""
    return _answer("paths", projection,
                   lambda: warm_paths(projection, target, sources=source or None, k=k, max_hops=max_hops,
                                      avoid_negative=not allow_negative),
                   target=target, source=source, k=k, max_hops=max_hops, allow_negative=allow_negative)  # fmt: skip


@router.get("/communities", response_model=AnalysisResult[list[Community]])
def get_communities(projection: ProjectionDep, seed: Seed = 0) -> Response:
    """Communities (Louvain) with supporters and opponents in each; coalitions flagged."""
    return _answer("communities", projection, lambda: communities(projection, seed=seed), seed=seed)


@router.get("/grid", response_model=AnalysisResult[list[GridRow]])
def get_grid(projection: ProjectionDep) -> Response:
    """The stakeholder grid: power–interest quadrant and salience class for every stakeholder."""
    return _answer("grid", projection, lambda: stakeholder_grid(projection))


@router.get("/what-if", response_model=AnalysisResult[WhatIf])
def get_what_if(
    projection: ProjectionDep,
    remove_person: Annotated[str | None, Query(max_length=200, description="A person who leaves (id).")] = None,
    remove_tie: Annotated[list[str] | None, Query(max_length=2, description="A tie that breaks: give two ids.")] = None,
    max_hops: Annotated[int, Query(ge=1, le=8, description="Reach counts routes up to this many ties.")] = 4,
) -> Response:  # fmt: skip
    """What reach to key contacts and organisations we lose if someone leaves or a tie breaks."""
    if remove_tie is not None and len(remove_tie) != 2:
        raise InvalidInputError("remove_tie needs exactly two ids (repeat the parameter)")
    if remove_person is None and remove_tie is None:
        raise InvalidInputError("give remove_person or remove_tie")
    tie = (remove_tie[0], remove_tie[1]) if remove_tie else None
    return _answer("what-if", projection,
                   lambda: what_if(projection, remove_person=remove_person, remove_tie=tie, max_hops=max_hops),
                   remove_person=remove_person, remove_tie=tie, max_hops=max_hops)  # fmt: skip
