"""``/api/analysis/*``: every analysis, as ``{"analysis", "as_of", "results"}`` (fields as in the README).

Results are computed on the store's projection as of a date, cached until the next write changes the store.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated, Any, Generic, TypeVar

from api.answers import AnswersDep
from api.deps import ReadAccess
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


def _json(name: str, projection: Projection, results: Any) -> Response:
    """The analysis as ``{"analysis", "as_of", "results"}``, serialised directly (the route's ``response_model``
    documents the shape; the stored bytes need no re-validation)."""
    rows: Any = (
        [dataclasses.asdict(r) for r in results]
        if isinstance(results, list)
        else dataclasses.asdict(results)
    )
    body = {"analysis": name, "as_of": projection.as_of.isoformat(), "results": rows}
    return Response(json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")),
                    media_type="application/json")  # fmt: skip


@router.get("/key-contacts", response_model=AnalysisResult[list[KeyContact]])
async def get_key_contacts(
    answers: AnswersDep,
    organization: Annotated[str | None, Query(max_length=200, description="Only this organisation's people.")] = None,
    include_internal: Annotated[bool, Query(description="Rank our own people too.")] = False,
    limit: Limit = 20,
    seed: Seed = 0,
) -> Response:  # fmt: skip
    """Key contacts ranked by network position, formal power and stated influence."""
    p = answers.projection
    return await answers.respond(lambda: _json("key-contacts", p, key_contacts(
        p, organization=organization, include_internal=include_internal, limit=limit, seed=seed)))  # fmt: skip


@router.get("/brokers", response_model=AnalysisResult[list[Broker]])
async def get_brokers(answers: AnswersDep, limit: Limit = 20, seed: Seed = 0) -> Response:
    """People who connect otherwise separate groups (betweenness, Burt's constraint and effective size)."""
    p = answers.projection
    return await answers.respond(lambda: _json("brokers", p, brokers(p, limit=limit, seed=seed)))


@router.get("/weak-links", response_model=AnalysisResult[list[Finding]])
async def get_weak_links(answers: AnswersDep, limit: Limit = 30) -> Response:
    """Single points of failure, bridges, cooling ties, single-threaded accounts, negative ties."""
    p = answers.projection
    return await answers.respond(lambda: _json("weak-links", p, weak_links(p, limit=limit)))


@router.get("/paths", response_model=AnalysisResult[list[WarmPath]])
async def get_paths(
    answers: AnswersDep,
    target: Annotated[str, Query(min_length=1, max_length=200, description="Person or organisation to reach (id).")],
    source: Annotated[list[str] | None, Query(alias="from", max_length=50, description="Start from these people of ours (ids; repeat the parameter).")] = None,
    k: Annotated[int, Query(ge=1, le=20, description="How many routes.")] = 3,
    max_hops: Annotated[int, Query(ge=1, le=8, description="Longest route, in ties.")] = 4,
    allow_negative: Annotated[bool, Query(description="Allow routes through opponents and negative ties.")] = False,
) -> Response:  # fmt: skip
    """Warm introduction routes from our people to a person or organisation."""
    p = answers.projection
    return await answers.respond(lambda: _json("paths", p, warm_paths(
        p, target, sources=source or None, k=k, max_hops=max_hops, avoid_negative=not allow_negative)))  # fmt: skip


@router.get("/communities", response_model=AnalysisResult[list[Community]])
async def get_communities(answers: AnswersDep, seed: Seed = 0) -> Response:
    """Communities (Leiden, modularity) with supporters and opponents in each; coalitions flagged."""
    p = answers.projection
    return await answers.respond(lambda: _json("communities", p, communities(p, seed=seed)))


@router.get("/grid", response_model=AnalysisResult[list[GridRow]])
async def get_grid(answers: AnswersDep) -> Response:
    """The stakeholder grid: power–interest quadrant and salience class for every stakeholder."""
    p = answers.projection
    return await answers.respond(lambda: _json("grid", p, stakeholder_grid(p)))


@router.get("/what-if", response_model=AnalysisResult[WhatIf])
async def get_what_if(
    answers: AnswersDep,
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
    p = answers.projection
    return await answers.respond(lambda: _json("what-if", p, what_if(
        p, remove_person=remove_person, remove_tie=tie, max_hops=max_hops)))  # fmt: skip
