"""Settings read at the edges (CLI, API) from ``RELGRAPH_*`` environment variables; the library takes arguments."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from relgraph.analysis.strength import TieParameters
from relgraph.store import DEFAULT_STORE_URL, GraphStore, open_store

__all__ = ["StoreSettings", "TieSettings"]


class StoreSettings(BaseSettings):
    """Which store to open: ``RELGRAPH_STORE`` plus the Neo4j credentials."""

    model_config = SettingsConfigDict(env_prefix="RELGRAPH_", extra="ignore")

    store: str = DEFAULT_STORE_URL
    neo4j_user: str | None = None
    neo4j_password: SecretStr | None = None
    neo4j_database: str | None = None

    def open(self) -> GraphStore:
        password = self.neo4j_password.get_secret_value() if self.neo4j_password else None
        return open_store(
            self.store, user=self.neo4j_user, password=password, database=self.neo4j_database
        )


class TieSettings(BaseSettings):
    """Tie-strength parameters from ``RELGRAPH_TIE_*`` (e.g. ``RELGRAPH_TIE_HALF_LIFE_DAYS=60``)."""

    model_config = SettingsConfigDict(env_prefix="RELGRAPH_TIE_", extra="ignore")

    half_life_days: float = 90.0
    saturation: float = 3.0
    stated_weight: float = 0.5
    default_stated: float = 0.3
    membership_strength: float = 0.5
    active_days: int = 90
    dormant_days: int = 365
    strong_threshold: float = 0.6
    negative_threshold: float = -0.25
    max_meeting_size: int = 12

    def parameters(self) -> TieParameters:
        return TieParameters(**self.model_dump())
