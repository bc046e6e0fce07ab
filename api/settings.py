"""The API's settings, read at the edge from ``RELGRAPH_*`` environment variables (or passed to ``create_app``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from relgraph.settings import StoreSettings

__all__ = ["ApiSettings"]


class ApiSettings(StoreSettings):
    """Store selection (``RELGRAPH_STORE`` and the Neo4j credentials) plus what the HTTP service needs.

    ``auth_disabled`` switches API keys off for local single-user use; it must be asked for explicitly
    (``RELGRAPH_AUTH_DISABLED=true`` or ``relgraph serve --no-auth``) and the service says so on start-up.
    """

    model_config = SettingsConfigDict(env_prefix="RELGRAPH_", extra="ignore")

    keys_file: Path = Field(
        default=Path("relgraph-keys.db"), description="SQLite file holding the API key hashes."
    )
    auth_disabled: bool = Field(default=False, description="Serve without API keys (local use).")
    max_body_bytes: int = Field(
        default=20 * 1024 * 1024, ge=1024, description="Largest request body accepted (413 above)."
    )
    warm_cache: bool = Field(
        default=False,
        description="At start-up, build today's projection and its PageRank and betweenness in the background, "
        "so that the first requests find them ready (about a minute at 100,000 people). `relgraph serve` "
        "switches it on.",
    )
    store_retry_seconds: float = Field(
        default=2.0,
        ge=0,
        description="After a failed attempt to open the store, wait this long before trying again.",
    )
