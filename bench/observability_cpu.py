"""Issue 18 in process: what metrics and the JSON request log cost one keyed ``viewer``.

The wrk figure (``bench/observability.py``) moves with whatever else the machine runs;
this one does not. The app is driven straight through ASGI (no HTTP, no uvicorn), with
the settings of ``bench/observability.py``'s ``on`` or ``off`` server, the log written
to stderr (send it to a file, as a service manager's pipe would take it).

Usage, under callgrind (instructions of the measured requests only; the setup runs with
instrumentation off, and the script turns it on and off itself through
``callgrind_control``)::

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.%p \\
        .venv/bin/python -m bench.observability_cpu on 2000 2>/tmp/on.log

Without valgrind it prints ``time.process_time`` per request instead (best of five).
Compare ``Ir`` (callgrind's summary) of ``on`` and ``off``: off ÷ on is the in-process
throughput ratio; the server's ratio is nearer 1, its HTTP work being the same in both.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.observability import OFF, ON

WARM_UP = 300


def _under_valgrind() -> bool:
    return "vgpreload" in os.environ.get("LD_PRELOAD", "")


def _instrument(on: bool) -> None:
    subprocess.run(
        ["callgrind_control", "--instr=on" if on else "--instr=off", str(os.getpid())],
        check=True,
        stdout=subprocess.DEVNULL,
    )


async def main(mode: str, count: int) -> None:
    os.environ.update(ON if mode == "on" else OFF)
    from bench.viewer_cpu import setup

    with tempfile.TemporaryDirectory() as scratch:
        _app, keyed, _session = await setup(Path(scratch))
        for _ in range(WARM_UP):
            assert await keyed() == 200
        if _under_valgrind():
            _instrument(True)
            for _ in range(count):
                await keyed()
            _instrument(False)
            return
        best = float("inf")
        for _ in range(5):
            started = time.process_time()
            for _ in range(count):
                await keyed()
            best = min(best, (time.process_time() - started) / count * 1000)
        print(f"{mode}: {best:.4f} ms CPU per request (best of 5 x {count})", file=sys.stdout)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000))
