"""Issue 9: does a login flood hurt keyed traffic? A keyed ``viewer`` with and without a flood.

One server (SQLite, production argon2 parameters: 64 MiB, ~100 ms a verify), trusting
127.0.0.1 as a proxy so the flooders can claim many client addresses with
X-Forwarded-For. The keyed query ``{ viewer { organization { name } } }`` is measured
at 1 connection (service time: each request waits for the last) and at 32 connections
(saturation), first alone, then while a second wrk (8 connections) floods ``login``
with wrong passwords for the owner from a new address on every request, so the
per-address budgets never stop it: only the hashing queue does. Figures are ratios of
the flooded run to the quiet run of the same server: p99 (aim <= 2) and req/s (aim >= 0.8).

Run alone: ``python -m bench.login_flood`` (or ``python -m bench.run login_flood``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import (
    CONNECTIONS,
    DURATION,
    ROOT,
    WrkResult,
    parse_wrk,
    pinned,
    run_wrk,
    run_wrk_latency,
    serve,
)
from bench.scenarios import VIEWER_KEY, app_env, create_keys, fresh_org, login_cookie

FLOOD_CONNECTIONS = 8
LOGIN = "mutation($i: LoginInput!) { login(input: $i) { viewer { kind } } }"

# Each request: a wrong password for the owner from the next of ~64,000 addresses
# (thread number in the first octet, so the two wrk threads never share one).
FLOOD_LUA = """
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)  -- a global in that thread's own Lua state
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local a = counter % 250 + 1
  local b = math.floor(counter / 250) % 250 + 1
  wrk.headers["X-Forwarded-For"] = "198." .. (18 + (thread_id or 0)) .. "." .. b .. "." .. a
  wrk.body = string.format(BODY_TEMPLATE, counter)
  return wrk.format()
end
"""


def _flood_script(scratch: Path, org: dict[str, str]) -> Path:
    body = json.dumps(
        {
            "query": LOGIN,
            "variables": {
                "i": {
                    "orgSlug": org["slug"],
                    "portalCode": org["portalCode"],
                    "username": org["ownerUsername"],
                    "password": "wrong password %d",
                }
            },
        }
    )
    lua_string = json.dumps(body)  # a JSON string literal is a valid Lua string literal here
    path = scratch / "flood.lua"
    path.write_text(FLOOD_LUA.replace("BODY_TEMPLATE", lua_string))
    return path


def _start_flood(url: str, script: Path, seconds: int) -> subprocess.Popen[str]:
    command = [
        "wrk",
        "--timeout=30s",
        "-t2",
        f"-c{FLOOD_CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(script),
        url + "/graphql",
    ]
    return subprocess.Popen(pinned(1, command), stdout=subprocess.PIPE, text=True)


def _server_memory(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmRSS", "VmHWM"}:
            fields[name] = int(value.split()[0]) // 1024
    return {"rss_mib": fields.get("VmRSS", 0), "peak_rss_mib": fields.get("VmHWM", 0)}


def _cpu_seconds(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def _measure(url: str, keys: list[str]) -> tuple[WrkResult, WrkResult]:
    """The keyed viewer at 1 connection, then at CONNECTIONS, each with its own keys."""
    one = run_wrk_latency(url, VIEWER_KEY, {"Authorization": f"Bearer {keys[0]}"})
    many = run_wrk(
        url, VIEWER_KEY, auth_values=[f"Bearer {keys[1]}"], warmup_auth_values=[f"Bearer {keys[2]}"]
    )
    return one, many


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    env = {
        **app_env(scratch, "login_flood"),
        "QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP": "30",
        "QUIZGRAPH_TRUSTED_PROXIES": '["127.0.0.1"]',
    }
    org = fresh_org(env)
    figures: dict[str, WrkResult | dict[str, object]] = {}
    with (
        tempfile.TemporaryDirectory() as flood_dir,
        serve("app.web.asgi:app", env) as (url, process),
    ):
        keys = create_keys(url, login_cookie(url, org), 6)
        quiet_one, quiet_many = _measure(url, keys[:3])
        memory_before = _server_memory(process.pid)
        script = _flood_script(Path(flood_dir), org)
        # long enough for both measurements (1 + 5 s, 3 + DURATION) plus start-up
        flood_seconds = 6 + 3 + int(DURATION.rstrip("s")) + 6
        flood = _start_flood(url, script, flood_seconds)
        time.sleep(2)  # let the flood fill the hashing queue first
        started, cpu_before = time.monotonic(), _cpu_seconds(process.pid)
        flooded_one, flooded_many = _measure(url, keys[3:])
        elapsed = time.monotonic() - started
        cpu_used = _cpu_seconds(process.pid) - cpu_before
        memory_after = _server_memory(process.pid)
        flood_output, _ = flood.communicate(timeout=flood_seconds + 60)
    flood_result = parse_wrk(flood_output)
    figures["viewer, key, 1 connection, quiet"] = quiet_one
    figures["viewer, key, 1 connection, login flood"] = flooded_one
    figures[f"viewer, key, {CONNECTIONS} connections, quiet"] = quiet_many
    figures[f"viewer, key, {CONNECTIONS} connections, login flood"] = flooded_many
    figures["login flood (8 connections, wrong passwords, many addresses)"] = {
        "requests_per_second": round(flood_result.requests_per_second),
        "non_2xx": flood_result.non_2xx,
        "requests": flood_result.requests,
        "p50_ms": round(flood_result.p50_ms, 1),
        "p99_ms": round(flood_result.p99_ms, 1),
    }
    figures["login flood: ratios (flooded / quiet)"] = {
        "p99_1_connection": round(flooded_one.p99_ms / quiet_one.p99_ms, 2),
        "rps_1_connection": round(
            flooded_one.requests_per_second / quiet_one.requests_per_second, 2
        ),
        f"p99_{CONNECTIONS}_connections": round(flooded_many.p99_ms / quiet_many.p99_ms, 2),
        f"rps_{CONNECTIONS}_connections": round(
            flooded_many.requests_per_second / quiet_many.requests_per_second, 2
        ),
    }
    figures["login flood: server"] = {
        "cpu_seconds_during_flooded_runs": round(cpu_used, 1),
        "wall_seconds": round(elapsed, 1),
        "rss_mib_before": memory_before["rss_mib"],
        "rss_mib_after": memory_after["rss_mib"],
        "peak_rss_mib": memory_after["peak_rss_mib"],
    }
    return figures


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        for label, result in run(Path(scratch)).items():
            shown = result.as_dict() if isinstance(result, WrkResult) else result
            print(f"{label}: {shown}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
