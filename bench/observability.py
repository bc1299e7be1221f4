"""Issue 18: what metrics and the JSON request log cost the keyed viewer.

One server with both on as production runs it (``QUIZGRAPH_METRICS=loopback``, the
JSON log at info: one line per request, written to a file as a service manager's
pipe would take it), one with both off (``QUIZGRAPH_METRICS=off``,
``QUIZGRAPH_LOG_LEVEL=warning``), each on a fresh SQLite database, the same 64 API
keys' ``viewer`` under wrk, measured in turn off, on, on, off. The ratio is on ÷ off,
summed over both runs of each (the issue's aim: ≥ 0.95). ``bench/observability_cpu.py``
counts the same in instructions, which a loaded machine does not move.

Run alone: ``python -m bench.observability`` (or ``python -m bench.run observability``).
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
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


# Both servers stay up (each idle while the other is measured, both on core 0) and are
# measured in turn, off, on, on, off: a load that rises or falls during the run (other
# work on the machine) weighs on both alike instead of on whichever ran second.
ORDER = ("off", "on", "on", "off")


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    runs: dict[str, list[WrkResult]] = {"off": [], "on": []}
    logs = {label: scratch / f"observability-{label}.log" for label in runs}
    with ExitStack() as stack:
        targets: dict[str, tuple[str, list[str]]] = {}
        for label, settings in (("off", OFF), ("on", ON)):
            db = stack.enter_context(
                data.fresh_database("sqlite", scratch, f"observability_{label}")
            )
            env = {**db.env, **settings}
            url, _process = stack.enter_context(serve("app.web.asgi:app", env, stderr=logs[label]))
            keys = [
                f"Bearer {key}" for key in create_keys(url, login_cookie(url, db.org), HOT_KEYS)
            ]
            targets[label] = (url, keys)
        for label in ORDER:
            url, keys = targets[label]
            runs[label].append(run_wrk(url, VIEWER_KEY, auth_values=keys, warmup_auth_values=keys))
    lines = {label: sum(1 for _ in path.open("rb")) for label, path in logs.items()}
    on_rps = sum(result.requests_per_second for result in runs["on"])
    off_rps = sum(result.requests_per_second for result in runs["off"])
    return {
        "viewer (API key), metrics and JSON log off": runs["off"][0],
        "viewer (API key), metrics and JSON log on": runs["on"][0],
        "observability": {
            "on / off": round(on_rps / off_rps, 3),
            "req/s off (1st, 2nd)": ", ".join(f"{r.requests_per_second:.0f}" for r in runs["off"]),
            "req/s on (1st, 2nd)": ", ".join(f"{r.requests_per_second:.0f}" for r in runs["on"]),
            "load average at the end": ", ".join(f"{n:.2f}" for n in os.getloadavg()),
            "log lines written (off, on)": f"{lines['off']}, {lines['on']}",
        },
    }


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["observability", *sys.argv[1:]]))
