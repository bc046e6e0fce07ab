"""API keys: shown once, stored as hashes, scoped, revocable; the CLI commands."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relgraph.cli import app
from relgraph.errors import InvalidInputError, NotFoundError
from relgraph.keys import KeyRegistry, Scope


@pytest.fixture
def registry(tmp_path: Path) -> KeyRegistry:
    return KeyRegistry(tmp_path / "keys.db")


def test_a_key_is_stored_only_as_a_hash(registry: KeyRegistry, tmp_path: Path) -> None:
    created = registry.create("crm", Scope.READ)
    registry.close()
    raw = (tmp_path / "keys.db").read_bytes()
    secret_part = created.secret.rsplit("_", 1)[1]
    assert secret_part.encode() not in raw and created.secret.encode() not in raw
    assert stat.S_IMODE((tmp_path / "keys.db").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("scope", "allowed"),
    [
        (Scope.READ, {Scope.READ}),
        (Scope.WRITE, {Scope.READ, Scope.WRITE}),
        (Scope.ADMIN, set(Scope)),
    ],
)
def test_scopes_are_ordered(registry: KeyRegistry, scope: Scope, allowed: set[Scope]) -> None:
    key = registry.verify(registry.create("k", scope).secret)
    assert key is not None
    assert {s for s in Scope if key.allows(s)} == allowed


def test_wrong_malformed_and_revoked_secrets_verify_to_nothing(registry: KeyRegistry) -> None:
    created = registry.create("k", Scope.ADMIN)
    tampered = created.secret[:-1] + ("A" if created.secret[-1] != "A" else "B")
    other_id = "rgk_00000000_" + created.secret.rsplit("_", 1)[1]
    for secret in (tampered, other_id, "", "rgk_", created.secret + "x", "x" * 500):
        assert registry.verify(secret) is None
    registry.revoke(created.key.id)
    registry.revoke(created.key.id)  # harmless twice
    assert registry.verify(created.secret) is None
    assert registry.list()[0].revoked_at is not None
    assert not registry.has_active_keys()


def test_bad_names_scopes_and_ids(registry: KeyRegistry) -> None:
    with pytest.raises(InvalidInputError):
        registry.create("  ", Scope.READ)
    with pytest.raises(InvalidInputError, match="unknown scope"):
        registry.create("k", "root")
    with pytest.raises(NotFoundError):
        registry.revoke("deadbeef")


def test_cli_creates_lists_and_revokes(tmp_path: Path) -> None:
    runner = CliRunner()
    keys_file = str(tmp_path / "k.db")
    created = runner.invoke(
        app, ["keys", "create", "bi export", "--scope", "write", "--keys-file", keys_file, "--json"]
    )
    assert created.exit_code == 0, created.output
    body = json.loads(created.stdout)
    assert body["scope"] == "write" and body["secret"].startswith(f"rgk_{body['id']}_")

    listed = runner.invoke(app, ["keys", "list", "--keys-file", keys_file, "--json"])
    assert [k["id"] for k in json.loads(listed.stdout)] == [body["id"]]
    assert body["secret"] not in listed.stdout

    assert (
        runner.invoke(app, ["keys", "revoke", body["id"], "--keys-file", keys_file]).exit_code == 0
    )
    assert KeyRegistry(keys_file).verify(body["secret"]) is None
    missing = runner.invoke(app, ["keys", "revoke", "nope", "--keys-file", keys_file])
    assert missing.exit_code == 1 and "no API key" in missing.stderr
