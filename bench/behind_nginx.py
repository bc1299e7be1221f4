"""Three processes behind nginx ÷ one process without it, on the keyed viewer.

``uv run python -m bench.run behind_nginx``. One PostgreSQL database and Redis (what
several processes need to agree on limits and revocations) for every run, and the
same 64 API keys (``scenarios.HOT_KEYS``), measured in one run three ways:

- one uvicorn process, no proxy, pinned to core 0 (as every other scenario);
- the same process behind nginx (deploy/nginx/quizgraph-proxy.conf, one nginx worker
  per core): what the proxy costs;
- three processes behind nginx, the deployment of docs/deploy.md, unpinned.

wrk stays on core 1 throughout. On a two-core machine the three processes, nginx and
wrk share two cores, so the last figure says what the proxy and the extra processes
cost or gain here, not how the deployment scales on a larger machine.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

from bench import data
from bench.harness import WrkResult, free_port, run_wrk, serve
from bench.scenarios import HOT_KEYS, VIEWER_KEY, create_keys, login_cookie
from bench.soak import REDIS_URL
from tests.support.nginx import nginx_process

PROCESSES = 3
# nginx, on this machine, as the deployment trusts it (QUIZGRAPH_TRUSTED_PROXIES).
PROXY = '["127.0.0.1"]'
BODY: dict[str, object] = dict(VIEWER_KEY)


def run(scratch: Path) -> dict[str, WrkResult | dict[str, object]]:
    with data.fresh_database("postgresql", scratch, "behind_nginx") as db:
        env = {**db.env, "QUIZGRAPH_REDIS_URL": REDIS_URL, "QUIZGRAPH_TRUSTED_PROXIES": PROXY}
        with serve("app.web.asgi:app", env) as (url, _process):
            keys = [
                f"Bearer {key}" for key in create_keys(url, login_cookie(url, db.org), HOT_KEYS)
            ]
            direct = run_wrk(url, BODY, auth_values=keys, warmup_auth_values=keys)
            with nginx_process(
                scratch / "nginx-one", free_port(), [_host(url)], worker_processes="auto"
            ) as proxy:
                one_behind = run_wrk(proxy, BODY, auth_values=keys, warmup_auth_values=keys)
        with ExitStack() as stack:
            urls = [
                stack.enter_context(serve("app.web.asgi:app", env, core=None))[0]
                for _ in range(PROCESSES)
            ]
            proxy = stack.enter_context(
                nginx_process(
                    scratch / "nginx-three",
                    free_port(),
                    [_host(u) for u in urls],
                    worker_processes="auto",
                )
            )
            three_behind = run_wrk(proxy, BODY, auth_values=keys, warmup_auth_values=keys)
    return {
        "viewer (API key), 1 process, no proxy": direct,
        "viewer (API key), 1 process behind nginx": one_behind,
        f"viewer (API key), {PROCESSES} processes behind nginx": three_behind,
        "behind nginx ratios": {
            f"{PROCESSES} behind nginx / 1 without": _ratio(three_behind, direct),
            "1 behind nginx / 1 without": _ratio(one_behind, direct),
        },
    }


def _host(url: str) -> str:
    return url.removeprefix("http://")


def _ratio(a: WrkResult, b: WrkResult) -> float:
    return round(a.requests_per_second / b.requests_per_second, 3)


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["behind_nginx", *sys.argv[1:]]))
