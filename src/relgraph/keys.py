"""API keys: created once and shown once, stored only as SHA-256 hashes, checked in constant time.

A key looks like ``rgk_<key id>_<secret>``. The key id (8 hex digits) finds the record; the SHA-256 of the
whole key is compared with :func:`hmac.compare_digest`. A slow password hash is not needed: the secret is
256 random bits, so a stolen hash cannot be reversed by guessing.

Scopes are ordered: ``read`` < ``write`` < ``admin``; a key grants its scope and every scope below it.
Keys live in their own small SQLite file (``RELGRAPH_KEYS_FILE``), whatever store holds the network.

Examples
--------
>>> registry = KeyRegistry(":memory:")
>>> created = registry.create("crm sync", Scope.WRITE)
>>> registry.verify(created.secret).scope
<Scope.WRITE: 'write'>
>>> registry.verify(created.secret).allows(Scope.ADMIN)
False
>>> registry.revoke(created.key.id)
>>> registry.verify(created.secret) is None
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from relgraph.errors import InvalidInputError, NotFoundError, StoreError

__all__ = ["ApiKey", "CreatedKey", "KeyRegistry", "Scope"]

_KEY_FORMAT = re.compile(r"^rgk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS "api_key" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL CHECK ("scope" IN ('read', 'write', 'admin')),
    "hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "revoked_at" TEXT
);
"""
# Compared against when the key id is unknown, so that case costs the same as a wrong secret.
_DUMMY_HASH = hashlib.sha256(b"relgraph-no-such-key").hexdigest()


class Scope(StrEnum):
    """What a key may do: ``read`` data and analyses, ``write`` data, ``admin`` manage keys."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return [Scope.READ, Scope.WRITE, Scope.ADMIN].index(self)


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key's record (never its secret)."""

    id: str
    name: str
    scope: Scope
    created_at: str
    revoked_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, needed: Scope) -> bool:
        return self.active and self.scope.rank >= needed.rank


@dataclass(frozen=True, slots=True)
class CreatedKey:
    """A new key and its secret, which is shown this once and never stored."""

    key: ApiKey
    secret: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class KeyRegistry:
    """The key file: create, list, revoke and verify keys. Safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        new_file = str(path) != ":memory:" and not Path(path).exists()
        try:
            self._conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=30
            )
            self._conn.executescript(_SCHEMA)
            if new_file:
                os.chmod(path, 0o600)  # hashes only, but nobody else needs to read them
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the API key file {str(path)!r}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def create(self, name: str, scope: Scope | str) -> CreatedKey:
        """Create a key; the returned secret is the only copy."""
        name = name.strip()
        if not name or len(name) > 200:
            raise InvalidInputError("a key needs a name of 1 to 200 characters")
        try:
            scope = Scope(scope)
        except ValueError:
            raise InvalidInputError(f"unknown scope {scope!r}; use read, write or admin") from None
        with self._lock:
            key_id = self._unused_id()
            secret = f"rgk_{key_id}_{secrets.token_urlsafe(32)}"
            record = ApiKey(key_id, name, scope, _now(), None)
            self._conn.execute(
                'INSERT INTO "api_key" ("id", "name", "scope", "hash", "created_at") VALUES (?, ?, ?, ?, ?)',
                (key_id, name, scope.value, _hash(secret), record.created_at),
            )
        return CreatedKey(record, secret)

    def _unused_id(self) -> str:
        while True:
            key_id = secrets.token_hex(4)
            row = self._conn.execute('SELECT 1 FROM "api_key" WHERE "id" = ?', (key_id,)).fetchone()
            if row is None:
                return key_id

    def list(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                'SELECT "id", "name", "scope", "created_at", "revoked_at" FROM "api_key" '
                'ORDER BY "created_at", "id"'
            ).fetchall()
        return [ApiKey(r[0], r[1], Scope(r[2]), r[3], r[4]) for r in rows]

    def revoke(self, key_id: str) -> None:
        """Revoke a key by its id; revoking twice is harmless. Unknown id: :class:`NotFoundError`."""
        with self._lock:
            cursor = self._conn.execute(
                'UPDATE "api_key" SET "revoked_at" = COALESCE("revoked_at", ?) WHERE "id" = ?',
                (_now(), key_id),
            )
        if cursor.rowcount == 0:
            raise NotFoundError(f"no API key with id {key_id!r}")

    def has_active_keys(self) -> bool:
        with self._lock:
            row = self._conn.execute(
                'SELECT 1 FROM "api_key" WHERE "revoked_at" IS NULL LIMIT 1'
            ).fetchone()
        return row is not None

    def verify(self, secret: str) -> ApiKey | None:
        """The active key this secret belongs to, or None (unknown, malformed or revoked)."""
        match = _KEY_FORMAT.match(secret)
        key_id = match.group(1) if match else ""
        with self._lock:
            row = self._conn.execute(
                'SELECT "id", "name", "scope", "created_at", "revoked_at", "hash" '
                'FROM "api_key" WHERE "id" = ?',
                (key_id,),
            ).fetchone()
        stored = row[5] if row else _DUMMY_HASH
        matches = hmac.compare_digest(stored, _hash(secret))
        if not (matches and row and match):
            return None
        key = ApiKey(row[0], row[1], Scope(row[2]), row[3], row[4])
        return key if key.active else None
