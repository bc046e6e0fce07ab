"""Settings read at the edges (CLI, API) from ``RELGRAPH_*`` environment variables; the library takes arguments."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from relgraph.store import DEFAULT_STORE_URL, GraphStore, open_store

__all__ = ["StoreSettings"]


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
