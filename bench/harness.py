"""Start servers, run wrk against them, and parse what wrk prints.

The server runs on core 0 and wrk on core 1 (taskset), as PERFORMANCE.md measured,
so the two don't compete for a core.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "32")


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    requests: int = 0
    timeouts: int = 0

    def as_dict(self) -> dict[str, float]:
        return {
            "requests": self.requests,
            "timeouts": self.timeouts,
            "rps": round(self.requests_per_second, 1),
            "p50_ms": round(self.p50_ms, 2),
            "p99_ms": round(self.p99_ms, 2),
            "non_2xx": self.non_2xx,
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pinned(core: int | None, command: list[str]) -> list[str]:
    """``command`` on ``core`` (None: wherever the kernel puts it)."""
    if core is None or not shutil.which("taskset"):
        return command
    return ["taskset", "-c", str(core), *command]


@contextmanager
def server(app_path: str, env: dict[str, str], *, workers: int = 1) -> Iterator[str]:
    with serve(app_path, env, workers=workers) as (url, _process):
        yield url


@contextmanager
def serve(
    app_path: str,
    env: dict[str, str],
    *,
    workers: int = 1,
    core: int | None = 0,
    stderr: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like ``server`` but also yields the process (taskset execs uvicorn: same pid);
    pinned to ``core`` (0 unless told; None: not pinned); its stderr (the log) into
    ``stderr`` when given."""
    port = free_port()
    command = [
        str(BIN / "uvicorn"),
        app_path,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--ws",
        "app.web.ws_protocol:LiveWebSocketProtocol",  # as quizgraph serve runs
        "--ws-per-message-deflate",
        "false",
        "--no-access-log",
        "--log-level",
        "warning",
        "--workers",
        str(workers),
    ]
    log = stderr.open("ab") if stderr is not None else None
    process = subprocess.Popen(
        pinned(core, command), cwd=ROOT, env={**os.environ, **env}, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # e.g. thousands of websockets still closing
            process.kill()
            process.wait(timeout=30)
        if log is not None:
            log.close()


def wait_until_up(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/healthz", timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start")


def run_wrk(
    url: str,
    body: Mapping[str, object],
    headers: dict[str, str] | None = None,
    auth_values: list[str] | None = None,
    warmup_auth_values: list[str] | None = None,
) -> WrkResult:
    """Warm up for 3 s, then measure. API keys have per-minute limits, so the warm-up
    may use other keys (``warmup_auth_values``) than the measured run."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        files = {
            "BENCH_BODY_FILE": json.dumps(body),
            "BENCH_HEADERS_FILE": "\n".join(f"{k}: {v}" for k, v in (headers or {}).items()),
            "BENCH_AUTH_FILE": "\n".join(warmup_auth_values or auth_values or []),
        }
        for name, content in files.items():
            (Path(scratch) / name).write_text(content)
            env[name] = str(Path(scratch) / name)
        _wrk(url, "3s", env)
        (Path(scratch) / "BENCH_AUTH_FILE").write_text("\n".join(auth_values or []))
        return parse_wrk(_wrk(url, DURATION, env))


def run_wrk_walk(
    url: str,
    warmup: list[str],
    measured: list[str],
    *,
    connections: str = CONNECTIONS,
    threads: int = 2,
) -> WrkResult:
    """Each line ("<Authorization>\t<body>") is sent once (bench/walk.lua); a 3 s warm-up
    walks ``warmup``, then the measured run walks ``measured`` for DURATION or until spent."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "requests"
        env = {**os.environ, "BENCH_REQUESTS_FILE": str(path), "BENCH_WRK_THREADS": str(threads)}
        if warmup:
            path.write_text("\n".join(warmup) + "\n")
            _wrk(url, "3s", env, script="walk.lua", connections=connections, threads=threads)
        path.write_text("\n".join(measured) + "\n")
        output = _wrk(
            url, DURATION, env, script="walk.lua", connections=connections, threads=threads
        )
        return parse_wrk(output)


def run_wrk_latency(
    url: str, body: Mapping[str, object], headers: dict[str, str], duration: str = "5s"
) -> WrkResult:
    """One connection, one thread: each request waits for the previous one, so p50/p99
    are the service time of the request, not the queue of a saturated server."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        files = {
            "BENCH_BODY_FILE": json.dumps(body),
            "BENCH_HEADERS_FILE": "\n".join(f"{k}: {v}" for k, v in headers.items()),
            "BENCH_AUTH_FILE": "",
        }
        for name, content in files.items():
            (Path(scratch) / name).write_text(content)
            env[name] = str(Path(scratch) / name)
        _wrk(url, "1s", env, connections="1", threads=1, timeout="60s")
        return parse_wrk(_wrk(url, duration, env, connections="1", threads=1, timeout="60s"))


def _wrk(
    url: str,
    duration: str,
    env: dict[str, str],
    *,
    script: str = "post.lua",
    connections: str = CONNECTIONS,
    threads: int = 2,
    timeout: str = "30s",
) -> str:
    command = [
        "wrk",
        f"--timeout={timeout}",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}",
        "--latency",
        "-s",
        str(ROOT / "bench" / script),
    ]
    completed = subprocess.run(
        pinned(1, [*command, url + "/graphql"]),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def parse_wrk(output: str) -> WrkResult:
    if os.environ.get("BENCH_VERBOSE"):
        print(output)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    non_2xx_match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return WrkResult(
        rps,
        _latency(output, "50%"),
        _latency(output, "99%"),
        int(non_2xx_match.group(1)) if non_2xx_match else 0,
        int(re.search(r"(\d+) requests in", output).group(1)),  # type: ignore[union-attr]
        int(timeouts.group(1)) if (timeouts := re.search(r"timeout (\d+)", output)) else 0,
    )


def _latency(output: str, percentile: str) -> float:
    found = re.search(rf"^\s*{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not found:
        return float("nan")
    value, unit = float(found.group(1)), found.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def quizgraph(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(BIN / "quizgraph"), *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
