#!/usr/bin/env bash
# Run a command against a throwaway Neo4j 5.26 Community server.
#
#   tools/neo4j/run-with-neo4j.sh pytest -m neo4j
#
# Starts a fresh server (tools/neo4j/neo4jctl.py), exports
# RELGRAPH_TEST_NEO4J_URI / _USER / _PASSWORD, runs the command, and always
# stops the server and deletes its files afterwards. Exits with the command's
# exit status (or neo4jctl's, if the server could not be started).
#
# If this script itself is killed hard (SIGKILL), a detached watchdog
# (neo4jctl.py start --watch-pid) stops the server within ~1 s.
#
# If RELGRAPH_TEST_NEO4J_URI is already set, nothing is started: the command
# simply runs against that server.
#
# Env: PYTHON (default python3) runs neo4jctl.py; extra start options can be
# given in RELGRAPH_NEO4J_START_ARGS (e.g. "--no-auth --heap 1g").
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if [ -n "${RELGRAPH_TEST_NEO4J_URI:-}" ]; then
    exec "$@"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-python3}"
ctl=("$py" "$here/neo4jctl.py")

# Private state dir so concurrent runs don't collide.
state_dir="$(mktemp -d "${TMPDIR:-/tmp}/relgraph-neo4j-state.XXXXXX")"
state="$state_dir/state.json"

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    "${ctl[@]}" stop --state "$state" || true
    rm -rf "$state_dir"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck disable=SC2086  # word-splitting of extra args is intended
"${ctl[@]}" start --state "$state" --watch-pid "$$" ${RELGRAPH_NEO4J_START_ARGS:-}
eval "$("${ctl[@]}" env --state "$state")"
export RELGRAPH_TEST_NEO4J_URI RELGRAPH_TEST_NEO4J_USER RELGRAPH_TEST_NEO4J_PASSWORD

set +e
"$@"
rc=$?
set -e
exit "$rc"
