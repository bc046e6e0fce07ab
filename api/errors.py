"""The one place that turns exceptions into HTTP responses, all with one body shape::

    {"error": {"code": "not_found", "message": "no person with id 'x'", "details": []}}

``details`` lists individual problems (import rows, invalid fields) where there are any.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from relgraph.errors import (
    CommitUnknownError,
    ConfigurationError,
    ConflictError,
    ImportValidationError,
    InvalidInputError,
    NotFoundError,
    RelgraphError,
    StoreUnavailableError,
)

__all__ = ["ErrorBody", "ErrorDetail", "ErrorResponse", "error_response", "install_error_handlers"]


class ErrorDetail(BaseModel):
    """One problem: where (``location``: file/row/field or the request part) and why."""

    location: list[str | int]
    reason: str


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    500: "internal_error",
    503: "store_unavailable",
}

# Most specific first: the first class that matches decides the status.
_LIBRARY_ERRORS: list[tuple[type[RelgraphError], int, str]] = [
    (ImportValidationError, 422, "invalid_import"),
    (InvalidInputError, 422, "invalid_input"),
    (NotFoundError, 404, "not_found"),
    (ConflictError, 409, "conflict"),
    (StoreUnavailableError, 503, "store_unavailable"),
    (CommitUnknownError, 503, "commit_unknown"),
    (ConfigurationError, 500, "configuration_error"),
    (RelgraphError, 500, "store_error"),
]


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    details: list[ErrorDetail] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(
        code=code or _STATUS_CODES.get(status, "error"), message=message, details=details or []
    )
    return JSONResponse(
        ErrorResponse(error=body).model_dump(mode="json"), status_code=status, headers=headers
    )


def _validation_details(errors: list[Any]) -> list[ErrorDetail]:
    return [
        ErrorDetail(location=[str(p) if not isinstance(p, int) else p for p in e.get("loc", ())],
                    reason=str(e.get("msg", "invalid")))
        for e in errors
    ]  # fmt: skip


async def _library_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RelgraphError)
    status, code = next((s, c) for cls, s, c in _LIBRARY_ERRORS if isinstance(exc, cls))
    details: list[ErrorDetail] = []
    message = str(exc)
    if isinstance(exc, ImportValidationError):
        details = [
            ErrorDetail(location=[p.file, p.row, p.field], reason=p.reason) for p in exc.problems
        ]
        message = message.splitlines()[0]
    headers = {"Retry-After": "5"} if status == 503 else None
    return error_response(status, message, code=code, details=details, headers=headers)


async def _request_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError | ValidationError)
    details = _validation_details(list(exc.errors()))
    noun = "problem" if len(details) == 1 else "problems"
    return error_response(422, f"{len(details)} {noun} with the request", details=details)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers) if exc.headers else None
    return error_response(exc.status_code, str(exc.detail), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception the API can meet to one JSON error shape."""
    app.add_exception_handler(RelgraphError, _library_error)
    app.add_exception_handler(RequestValidationError, _request_validation_error)
    app.add_exception_handler(ValidationError, _request_validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
