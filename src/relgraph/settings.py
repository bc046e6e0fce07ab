"""Settings read at the edges (CLI, API) from ``RELGRAPH_*`` environment variables; the library takes arguments."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from relgraph.analysis.strength import TieParameters
from relgraph.store import DEFAULT_STORE_URL, GraphStore, open_store

__all__ = ["StoreSettings", "TieSettings"]

_DEFAULT = TieParameters()


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

    # The defaults are the formula's own (TieParameters), so they are stated in one place.
    half_life_days: float = _DEFAULT.half_life_days
    saturation: float = _DEFAULT.saturation
    stated_weight: float = _DEFAULT.stated_weight
    default_stated: float = _DEFAULT.default_stated
    membership_strength: float = _DEFAULT.membership_strength
    active_days: int = _DEFAULT.active_days
    dormant_days: int = _DEFAULT.dormant_days
    strong_threshold: float = _DEFAULT.strong_threshold
    negative_threshold: float = _DEFAULT.negative_threshold
    max_meeting_size: int = _DEFAULT.max_meeting_size

    def parameters(self) -> TieParameters:
        return TieParameters(**self.model_dump())
