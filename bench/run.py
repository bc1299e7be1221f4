"""`make bench`: each scenario against the hello-world baseline of the same run.

Usage: python -m bench.run [scenario ...]   (default: all)
Prints a table and writes bench/results/latest.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from bench import (
    analytics,
    behind_nginx,
    compiled_list,
    login_flood,
    observability,
    query_refusal,
    scenarios,
    tournament_submit,
    webhooks,
)
from bench.harness import CONNECTIONS, ROOT, WrkResult, run_wrk, server
from bench.peer import quiz_list as peer_quiz_list

HELLO = {"query": "{ hello }"}
SCENARIOS = {
    **scenarios.ALL,
    "query_refusal": query_refusal.run,
    "login_flood": login_flood.run,
    "postgraphile_peer": peer_quiz_list.run,
    "compiled_list": compiled_list.run,
    "webhooks": webhooks.run,
    "analytics": analytics.run,
    "behind_nginx": behind_nginx.run,
    "observability": observability.run,
    "tournament_submit": tournament_submit.run,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(SCENARIOS)
    unknown = [name for name in chosen if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(SCENARIOS)}")
        return 2
    with server("bench.baseline_app:app", {}) as url:
        baseline = run_wrk(url, HELLO)
    print(
        f"baseline hello-world: {baseline.requests_per_second:,.0f} req/s, "
        f"p99 {baseline.p99_ms:.1f} ms ({CONNECTIONS} connections, uvloop)"
    )
    results: dict[str, Mapping[str, object]] = {"baseline": baseline.as_dict()}
    with tempfile.TemporaryDirectory() as scratch:
        for name in chosen:
            figures = SCENARIOS[name](Path(scratch))
            for label, result in figures.items():
                if not isinstance(result, WrkResult):
                    results[label] = result
                    print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
                    continue
                ratio = result.requests_per_second / baseline.requests_per_second
                results[label] = {**result.as_dict(), "ratio_to_baseline": round(ratio, 3)}
                print(
                    f"{label}: {result.requests_per_second:,.0f} req/s, "
                    f"p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, "
                    f"ratio {ratio:.3f}, non-2xx {result.non_2xx}"
                )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    (out / f"{'+'.join(chosen)}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
