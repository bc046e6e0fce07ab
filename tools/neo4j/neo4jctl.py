#!/usr/bin/env python3
"""Start/stop a throwaway Neo4j 5.26 Community server for relgraph's tests.

No Docker: the server jars are fetched from Maven Central with Maven
(tools/neo4j/pom.xml) into a cache directory and the server is launched
directly with ``java -cp 'LIB/*' org.neo4j.server.CommunityEntryPoint``.

Subcommands
    fetch                 download the jars into the cache (no-op if present)
    start [--state F]     fresh home dir, free port, start, wait for Bolt
    stop  [--state F]     kill the process group, delete home + state (idempotent)
    env   [--state F]     print ``export RELGRAPH_TEST_NEO4J_*=...`` lines
    status [--state F]    exit 0 if the server in F is running

``start --watch-pid PID`` adds a detached watchdog that stops the server
if PID dies without calling ``stop`` (used by run-with-neo4j.sh with $$).

Environment
    RELGRAPH_NEO4J_CACHE  cache dir (default ~/.cache/relgraph/neo4j-5.26);
                          jars go to CACHE/lib
    JAVA_HOME             java to use (default: ``java`` on PATH); needs 17 or 21
    RELGRAPH_NEO4J_HEAP   JVM heap, e.g. 512m (default 512m)
    RELGRAPH_NEO4J_PAGECACHE  page cache size (default 64m)

Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
DEFAULT_STATE = Path(".neo4j-test") / "state.json"
HOME_PREFIX = "relgraph-neo4j-"
HOME_MARKER = ".relgraph-neo4j-home"  # rmtree only dirs that carry this file
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
USER = "neo4j"

# JVM flags: the subset of what the Neo4j 5 distribution puts into
# conf/neo4j.conf (server.jvm.additional) and what its launcher adds
# (-Dfile.encoding=UTF-8) that matters on Java 17/21.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:-RestrictContended",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]


def log(msg: str) -> None:
    print(f"neo4jctl: {msg}", file=sys.stderr, flush=True)


class Fail(Exception):
    """Fatal error; message goes to stderr, exit status 1."""


# --------------------------------------------------------------------------
# fetch


def neo4j_version() -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(POM).getroot()
    v = root.find("m:properties/m:neo4j.version", ns)
    if v is None or not (v.text or "").strip():
        raise Fail(f"cannot read <neo4j.version> from {POM}")
    return v.text.strip()


def cache_dir() -> Path:
    env = os.environ.get("RELGRAPH_NEO4J_CACHE")
    if env:
        return Path(env).expanduser().resolve()
    return Path.home() / ".cache" / "relgraph" / "neo4j-5.26"


def lib_dir() -> Path:
    return cache_dir() / "lib"


def _marker() -> Path:
    return cache_dir() / ".fetched"


def _fetched_ok(version: str) -> bool:
    m = _marker()
    return (
        m.is_file()
        and m.read_text().strip() == version
        and (lib_dir() / f"neo4j-{version}.jar").is_file()
    )


def fetch(quiet: bool = False) -> Path:
    """Ensure CACHE/lib holds the server jars; returns the lib dir."""
    version = neo4j_version()
    if _fetched_ok(version):
        if not quiet:
            log(f"neo4j {version} jars already in {lib_dir()}")
        return lib_dir()
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    # Serialise concurrent fetches (e.g. parallel CI jobs sharing a cache).
    with open(cache / ".lock", "w") as lockf:
        fcntl.flock(lockf, fcntl.LOCK_EX)
        if _fetched_ok(version):
            return lib_dir()
        mvn = shutil.which("mvn")
        if not mvn:
            raise Fail("`mvn` not found on PATH (needed once to fetch the Neo4j jars)")
        _marker().unlink(missing_ok=True)
        shutil.rmtree(lib_dir(), ignore_errors=True)
        cmd = [
            mvn,
            "-q",
            "-B",
            "-Dstyle.color=never",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={lib_dir()}",
        ]
        log(f"fetching neo4j {version} jars into {lib_dir()} ...")
        t0 = time.monotonic()
        # mvn's stdout goes to our stderr: keep stdout clean for callers.
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=sys.stderr)
        if r.returncode != 0 or not (lib_dir() / f"neo4j-{version}.jar").is_file():
            shutil.rmtree(lib_dir(), ignore_errors=True)
            raise Fail(f"jar fetch failed (exit {r.returncode}): {shlex.join(cmd)}")
        _marker().write_text(version + "\n")
        n = len(list(lib_dir().glob("*.jar")))
        log(f"fetched {n} jars in {time.monotonic() - t0:.1f}s")
    return lib_dir()


# --------------------------------------------------------------------------
# helpers


def java_bin() -> str:
    jh = os.environ.get("JAVA_HOME")
    if jh and (Path(jh) / "bin" / "java").is_file():
        return str(Path(jh) / "bin" / "java")
    j = shutil.which("java")
    if not j:
        raise Fail("java not found (set JAVA_HOME or put java 17/21 on PATH)")
    return j


def check_java(java: str) -> None:
    r = subprocess.run([java, "-version"], capture_output=True, text=True)
    out = r.stderr + r.stdout
    # e.g. openjdk version "17.0.15" 2025-04-15
    try:
        ver = out.split('"')[1]
        major = int(ver.split(".")[0])
    except (IndexError, ValueError):
        log(f"warning: cannot parse java version from: {out.strip()[:200]}")
        return
    if major not in (17, 21):
        log(f"warning: Neo4j 5.26 supports Java 17 and 21; found {ver}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bolt_handshake(port: int, timeout: float = 2.0) -> bool:
    """True if something on 127.0.0.1:port speaks Bolt (agrees on a version)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            # magic + 4 proposals: 5.0-5.8 (range), 4.4, 0, 0
            s.sendall(b"\x60\x60\xb0\x17" + bytes([0, 8, 8, 5]) + bytes([0, 0, 4, 4]) + bytes(8))
            resp = b""
            while len(resp) < 4:
                chunk = s.recv(4 - len(resp))
                if not chunk:
                    return False
                resp += chunk
            return struct.unpack(">I", resp)[0] != 0
    except OSError:
        return False


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def tail(path: Path, n: int = 40) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return f"(no {path})"
    return "\n".join(lines[-n:])


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (parent gone, reaper not reaping yet) counts as dead.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def pid_is_ours(pid: int, home: str) -> bool:
    """Guard against PID reuse: the process must be our java for `home`."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return pid_alive(pid)  # no /proc: trust the state file
    return f"--home-dir={home}".encode() in cmd


def write_json_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".state-", suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.chmod(tmp, 0o600)  # holds the password
    os.replace(tmp, path)


def read_state(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise Fail(f"unreadable state file {path}: {e}") from e


# --------------------------------------------------------------------------
# start


def write_conf(home: Path, port: int, auth: bool, pagecache: str, extra: list[str]) -> None:
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    # Every name below was checked against the 5.26 jars; with
    # server.config.strict_validation.enabled=true (the default) an unknown
    # name aborts start-up.
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.bolt.advertised_address": f"127.0.0.1:{port}",
        "server.bolt.tls_level": "DISABLED",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "server.memory.pagecache.size": pagecache,
        "dbms.usage_report.enabled": "false",
        "dbms.security.auth_enabled": "true" if auth else "false",
        # small, non-preallocated transaction logs; keep none beyond need
        "db.tx_log.rotation.size": "4M",
        "db.tx_log.preallocate": "false",
        "db.tx_log.rotation.retention_policy": "false",
        "db.store.files.preallocate": "false",
        "server.config.strict_validation.enabled": "true",
        # Netty waits a 5 s quiet period per event-loop group on shutdown
        # (10 s in total); pointless for a throwaway server. Internal setting,
        # valid in 5.26 (verified against the jar).
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
    }
    # --conf KEY=VALUE overrides in place: a key given twice in neo4j.conf
    # aborts start-up.
    for item in extra:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise Fail(f"--conf expects KEY=VALUE, got {item!r}")
        settings[key.strip()] = value.strip()
    lines = ["# generated by tools/neo4j/neo4jctl.py -- throwaway test server"]
    lines += [f"{k}={v}" for k, v in settings.items()]
    (conf / "neo4j.conf").write_text("\n".join(lines) + "\n")


def _bytes(size: str) -> int:
    size = size.strip().lower()
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    if size and size[-1] in mult:
        return int(size[:-1]) * mult[size[-1]]
    return int(size)


def java_cmd(java: str, lib: Path, home: Path, heap: str) -> list[str]:
    # Initial heap small (the distribution uses Xms=Xmx, but for tests a low
    # resident footprint matters more than avoiding heap-growth GCs).
    initial = heap if _bytes(heap) <= _bytes("128m") else "128m"
    return [
        java,
        f"-Xms{initial}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{lib}/*",
        MAIN_CLASS,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
        "--console-mode",
    ]


def set_initial_password(java: str, lib: Path, home: Path, password: str) -> None:
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    cmd = [
        java,
        "-Xmx128m",
        "-XX:TieredStopAtLevel=1",
        "-Dfile.encoding=UTF-8",
        "-cp",
        f"{lib}/*",
        ADMIN_CLASS,
        "dbms",
        "set-initial-password",
        password,
    ]
    r = subprocess.run(
        cmd,
        env=env,
        cwd=home,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if r.returncode != 0:
        raise Fail(
            f"neo4j-admin dbms set-initial-password failed (exit {r.returncode}):\n"
            + (r.stdout + r.stderr).strip()[-3000:]
        )


def kill_group(pid: int, timeout: float) -> None:
    """SIGTERM the process group led by pid, SIGKILL after timeout."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            pass
        except PermissionError:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return
            time.sleep(0.2)
        if sig == signal.SIGTERM:
            log(f"pid {pid} still alive after {timeout:.0f}s; sending SIGKILL")
    if pid_alive(pid):
        raise Fail(f"could not kill pid {pid}")


def remove_home(home: str | None) -> None:
    if not home:
        return
    h = Path(home)
    if (h / HOME_MARKER).is_file():
        shutil.rmtree(h, ignore_errors=True)
    elif h.exists():
        log(f"not deleting {h}: no {HOME_MARKER} marker")


def _launch_once(
    java, lib, home: Path, port: int, heap: str, timeout: float, state_path: Path, state: dict
) -> str:
    """Launch and wait. Returns 'ok' or 'port-taken'; raises Fail otherwise."""
    logs = home / "logs"
    logs.mkdir(exist_ok=True)
    console = logs / "console.log"
    cmd = java_cmd(java, lib, home, heap)
    with open(console, "ab") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf")),
        )
    state.update(pid=proc.pid, pgid=proc.pid, cmd=cmd)
    # Written before waiting so `stop` can clean up even if we get killed.
    write_json_atomic(state_path, state)
    log(
        f"launched pid {proc.pid}, bolt port {port}, home {home}; waiting "
        f"up to {timeout:.0f}s for Bolt"
    )
    t0 = time.monotonic()
    last_note = t0
    bolt_ok = False
    while True:
        rc = proc.poll()
        if rc is not None:
            text = console.read_text(errors="replace") if console.exists() else ""
            if "Address already in use" in text or "already in use" in text:
                return "port-taken"
            raise Fail(
                f"neo4j exited with status {rc} during start-up.\n"
                f"--- tail of {console} ---\n{tail(console)}"
            )
        elapsed = time.monotonic() - t0
        if not bolt_ok:
            bolt_ok = bolt_handshake(port)
        if bolt_ok:
            # Bolt opens in the last start-up phase; "Started." follows it.
            text = console.read_text(errors="replace")
            if "Started." in text or elapsed > timeout:
                log(f"bolt ready on 127.0.0.1:{port} after {elapsed:.1f}s")
                state["ready_after_s"] = round(elapsed, 1)
                return "ok"
        if elapsed > timeout:
            kill_group(proc.pid, 10)
            raise Fail(
                f"neo4j did not accept Bolt connections within {timeout:.0f}s.\n"
                f"--- tail of {console} ---\n{tail(console)}"
            )
        if time.monotonic() - last_note >= 10:
            log(f"... still starting ({elapsed:.0f}s)")
            last_note = time.monotonic()
        time.sleep(0.25)


def start(args) -> None:
    state_path = Path(args.state).resolve()
    old = read_state(state_path)
    if old:
        if (
            old.get("pid")
            and pid_alive(old["pid"])
            and pid_is_ours(old["pid"], old.get("home", ""))
        ):
            raise Fail(
                f"a server from {state_path} is already running (pid {old['pid']}, "
                f"{old.get('uri')}); run `stop --state {args.state}` first"
            )
        log(f"removing stale state {state_path}")
        remove_home(old.get("home"))
        state_path.unlink(missing_ok=True)

    lib = fetch(quiet=True)
    java = java_bin()
    check_java(java)
    version = neo4j_version()
    heap = args.heap
    base = args.base_dir or os.environ.get("RELGRAPH_NEO4J_TMP") or None
    home = Path(tempfile.mkdtemp(prefix=HOME_PREFIX, dir=base)).resolve()
    (home / HOME_MARKER).write_text("created by tools/neo4j/neo4jctl.py\n")
    auth = not args.no_auth
    # A leading letter: token_urlsafe may start with '-', which neo4j-admin reads as an option (seen in CI).
    password = "rg" + secrets.token_urlsafe(18) if auth else ""
    state: dict = {
        "neo4j_version": version,
        "home": str(home),
        "auth_enabled": auth,
        "user": USER if auth else "",
        "password": password,
        "console_log": str(home / "logs" / "console.log"),
        "debug_log": str(home / "logs" / "debug.log"),
    }
    t_start = time.monotonic()
    ok = False
    try:
        for attempt in range(3):
            port = free_port()
            state.update(port=port, uri=f"bolt://127.0.0.1:{port}")
            write_conf(home, port, auth, args.pagecache, args.conf)
            if auth and attempt == 0:
                t0 = time.monotonic()
                set_initial_password(java, lib, home, password)
                log(f"initial password set ({time.monotonic() - t0:.1f}s)")
            res = _launch_once(java, lib, home, port, heap, args.timeout, state_path, state)
            if res == "ok":
                break
            log(f"port {port} was taken meanwhile; retrying with another port")
            # The failed JVM may have created a store; keep the auth.ini,
            # which is only consumed on first successful start.
            (home / "logs" / "console.log").rename(
                home / "logs" / f"console.port-taken.{attempt}.log"
            )
        else:
            raise Fail("could not find a free port after 3 attempts")
        state["started_in_s"] = round(time.monotonic() - t_start, 1)
        if args.watch_pid:
            state["watchdog_pid"] = spawn_watchdog(state_path, args.watch_pid)
        write_json_atomic(state_path, state)
        ok = True
    except BaseException as e:
        pid = state.get("pid")
        if pid and pid_alive(pid):
            with contextlib.suppress(Exception):
                kill_group(pid, 10)
        if args.keep_on_failure:
            log(f"keeping {home} for inspection")
        else:
            remove_home(str(home))
        state_path.unlink(missing_ok=True)
        if isinstance(e, KeyboardInterrupt):
            raise Fail("interrupted") from None
        raise
    finally:
        if ok:
            log(
                f"neo4j {version} up: {state['uri']} "
                f"(auth {'on, user neo4j' if auth else 'off'}); state {state_path}"
            )


# --------------------------------------------------------------------------
# stop / env / status


def spawn_watchdog(state_path: Path, watch_pid: int) -> int:
    """Detached helper that stops the server if `watch_pid` dies without
    calling `stop` (e.g. the wrapper script got SIGKILLed)."""
    p = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "_watchdog",
            "--state",
            str(state_path),
            "--pid",
            str(watch_pid),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
    return p.pid


def watchdog(args) -> None:
    state_path = Path(args.state)
    st = read_state(state_path)
    if not st:
        return
    server, home = st["pid"], st["home"]
    while pid_alive(server):
        if not pid_alive(args.pid):
            if pid_is_ours(server, home):
                with contextlib.suppress(Exception):
                    kill_group(server, 10)
            remove_home(home)
            cur = read_state(state_path)
            if cur and cur.get("home") == home:
                state_path.unlink(missing_ok=True)
                if state_path.parent.name.startswith("relgraph-neo4j-state."):
                    with contextlib.suppress(OSError):
                        state_path.parent.rmdir()  # run-with-neo4j.sh's dir
            return
        time.sleep(1.0)


def _is_watchdog(pid: int, state_path: Path) -> bool:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"_watchdog" in cmd and str(state_path).encode() in cmd


def stop(args) -> None:
    state_path = Path(args.state).resolve()
    st = read_state(state_path)
    if not st:
        log(f"no state file {state_path}; nothing to stop")
        return
    pid = st.get("pid")
    home = st.get("home", "")
    if pid and pid_alive(pid):
        if pid_is_ours(pid, home):
            log(f"stopping pid {pid} (port {st.get('port')})")
            kill_group(pid, args.timeout)
        else:
            log(f"pid {pid} is not our neo4j (pid reused?); not killing it")
    wd = st.get("watchdog_pid")
    if wd and pid_alive(wd) and _is_watchdog(wd, state_path):
        with contextlib.suppress(ProcessLookupError):
            os.kill(wd, signal.SIGTERM)
    remove_home(home)
    state_path.unlink(missing_ok=True)
    if state_path.parent.name == DEFAULT_STATE.parent.name:
        with contextlib.suppress(OSError):
            state_path.parent.rmdir()  # .neo4j-test/, only if empty
    log("stopped")


def env_cmd(args) -> None:
    st = read_state(Path(args.state))
    if not st:
        raise Fail(f"no state file {args.state}; start the server first")
    exports = {
        "RELGRAPH_TEST_NEO4J_URI": st["uri"],
        "RELGRAPH_TEST_NEO4J_USER": st.get("user", ""),
        "RELGRAPH_TEST_NEO4J_PASSWORD": st.get("password", ""),
    }
    for k, v in exports.items():
        print(f"export {k}={shlex.quote(v)}")


def status(args) -> None:
    st = read_state(Path(args.state))
    if not st:
        raise Fail(f"no state file {args.state}")
    alive = bool(st.get("pid")) and pid_alive(st["pid"]) and pid_is_ours(st["pid"], st["home"])
    bolt = alive and bolt_handshake(st["port"])
    print(json.dumps({"pid": st.get("pid"), "uri": st.get("uri"), "alive": alive, "bolt": bolt}))
    if not bolt:
        sys.exit(1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)

    def with_state(sp):
        sp.add_argument(
            "--state", default=str(DEFAULT_STATE), help=f"state file (default: {DEFAULT_STATE})"
        )
        return sp

    sub.add_parser("fetch", help="download the jars into the cache")
    sp = with_state(sub.add_parser("start", help="start a fresh server"))
    sp.add_argument(
        "--timeout", type=float, default=180.0, help="seconds to wait for Bolt (default 180)"
    )
    sp.add_argument("--heap", default=os.environ.get("RELGRAPH_NEO4J_HEAP", "512m"))
    sp.add_argument("--pagecache", default=os.environ.get("RELGRAPH_NEO4J_PAGECACHE", "64m"))
    sp.add_argument(
        "--no-auth",
        action="store_true",
        help="dbms.security.auth_enabled=false instead of a random password",
    )
    sp.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra neo4j.conf line (repeatable)",
    )
    sp.add_argument("--base-dir", help="parent of the home dir (default: $TMPDIR or /tmp)")
    sp.add_argument(
        "--watch-pid",
        type=int,
        metavar="PID",
        help="also stop the server (via a detached watchdog) when "
        "process PID exits without calling stop",
    )
    sp.add_argument(
        "--keep-on-failure", action="store_true", help="keep the home dir (logs) if start-up fails"
    )
    sp = with_state(sub.add_parser("stop", help="stop and delete (idempotent)"))
    sp.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds between SIGTERM and SIGKILL (default 30)",
    )
    with_state(sub.add_parser("env", help="print export lines"))
    with_state(sub.add_parser("status", help="exit 0 if running and speaking Bolt"))
    sp = with_state(sub.add_parser("_watchdog"))  # internal, see spawn_watchdog
    sp.add_argument("--pid", type=int, required=True)

    args = p.parse_args(argv)
    try:
        if args.cmd == "fetch":
            print(fetch())
        elif args.cmd == "start":
            start(args)
        elif args.cmd == "stop":
            stop(args)
        elif args.cmd == "env":
            env_cmd(args)
        elif args.cmd == "status":
            status(args)
        elif args.cmd == "_watchdog":
            watchdog(args)
    except Fail as e:
        log(f"error: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
