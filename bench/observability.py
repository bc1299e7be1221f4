"""Issue 18: what metrics and the JSON request log cost the keyed viewer.

One server with both on as production runs it (``QUIZGRAPH_METRICS=loopback``, the
JSON log at info: one line per request, written to a file as a service manager's
pipe would take it), one with both off (``QUIZGRAPH_METRICS=off``,
``QUIZGRAPH_LOG_LEVEL=warning``), each on a fresh SQLite database, the same 64 API
keys' ``viewer`` under wrk. The ratio is on ÷ off (the issue's aim: ≥ 0.95).

Run alone: ``python -m bench.observability`` (or ``python -m bench.run observability``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import data
from bench.harness import WrkResult, run_wrk, serve
from bench.scenarios import HOT_KEYS, VIEWER_KEY, create_keys, login_cookie

ON = {
    "QUIZGRAPH_METRICS": "loopback",
    "QUIZGRAPH_LOG_FORMAT": "json",
    "QUIZGRAPH_LOG_LEVEL": "info",
}
OFF = {"QUIZGRAPH_METRICS": "off", "QUIZGRAPH_LOG_LEVEL": "warning"}


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    results: dict[str, WrkResult] = {}
    lines: dict[str, int] = {}
    for label, settings in (("off", OFF), ("on", ON)):
        log = scratch / f"observability-{label}.log"
        with data.fresh_database("sqlite", scratch, f"observability_{label}") as db:
            env = {**db.env, **settings}
            with serve("app.web.asgi:app", env, stderr=log) as (url, _process):
                keys = [
                    f"Bearer {key}" for key in create_keys(url, login_cookie(url, db.org), HOT_KEYS)
                ]
                results[label] = run_wrk(url, VIEWER_KEY, auth_values=keys, warmup_auth_values=keys)
        lines[label] = sum(1 for _ in log.open("rb"))
    on, off = results["on"], results["off"]
    return {
        "viewer (API key), metrics and JSON log off": off,
        "viewer (API key), metrics and JSON log on": on,
        "observability": {
            "on / off": round(on.requests_per_second / off.requests_per_second, 3),
            "log lines written (off, on)": f"{lines['off']}, {lines['on']}",
        },
    }


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["observability", *sys.argv[1:]]))
