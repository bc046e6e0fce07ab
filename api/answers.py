"""Responses computed once per projection and request: a repeated query is answered with stored bytes.

A projection stands for one store version and date (:class:`relgraph.projection.ProjectionCache`), so any write
makes a new projection and the answers stored on the old one are never used again. Answers are keyed by the
request's path and query, and each projection keeps the :data:`MAX_ANSWERS` most recently used.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import ProjectionDep
from relgraph.projection import Projection

__all__ = ["MAX_ANSWERS", "Answers", "AnswersDep"]

MAX_ANSWERS = 256
_LOCK = threading.Lock()  # requests run on several threads; eviction must not race a lookup


@dataclass(frozen=True, slots=True)
class _Stored:
    body: bytes
    media_type: str | None
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Answers:
    """The request's projection, and the stored answer to this request on it."""

    projection: Projection
    key: str

    async def respond(self, make: Callable[[], Response]) -> Response:
        """The stored response for this request, or ``make()``'s (stored for next time).

        A stored answer is sent from the event loop: a repeat query costs no hop to the thread pool (a tenth to a
        seventh more requests per second from one worker, in A/B runs). ``make`` runs in the thread pool, as a
        plain ``def`` endpoint would, so computing a first answer never blocks the loop.
        """
        stored = self._stored()
        if stored is None:
            stored = await run_in_threadpool(self._make_and_store, make)
        return Response(stored.body, media_type=stored.media_type, headers=stored.headers)

    def _cache(self) -> OrderedDict[str, _Stored]:
        return self.projection.memo("api-answers", OrderedDict)

    def _stored(self) -> _Stored | None:
        cache = self._cache()
        with _LOCK:
            stored = cache.get(self.key)
            if stored is not None:
                cache.move_to_end(self.key)
        return stored

    def _make_and_store(self, make: Callable[[], Response]) -> _Stored:
        response = make()
        skip = {"content-length", "content-type"}
        headers = {k: v for k, v in response.headers.items() if k.lower() not in skip}
        stored = _Stored(bytes(response.body), response.media_type, headers)
        cache = self._cache()
        with _LOCK:
            cache[self.key] = stored
            while len(cache) > MAX_ANSWERS:
                cache.popitem(last=False)
        return stored


async def get_answers(request: Request, projection: ProjectionDep) -> Answers:
    query = sorted(request.query_params.multi_items())
    return Answers(projection, f"{request.url.path}?{query!r}")


AnswersDep = Annotated[Answers, Depends(get_answers)]
