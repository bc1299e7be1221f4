"""Once the server listens, print where to sign in to the demo org and with what.

``quizgraph serve --demo-credentials FILE`` (``make run``) starts this beside uvicorn: a
thread that waits until the port accepts a connection (uvicorn binds it after the
app's start-up, so the API answers from then on) and then prints the login URL and
the credentials ``quizgraph demo`` saved, as the last lines of the start-up output.
A bare TCP connect asks nothing of the app, so no access-log line follows them.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from app.demo.content import DEMO_SLUG

WAIT_SECONDS = 120.0


def announce_when_listening(
    host: str, port: int, credentials_file: Path, *, out: TextIO | None = None
) -> threading.Thread:
    thread = threading.Thread(
        target=_announce,
        args=(host, port, credentials_file, out),
        name="demo-announce",
        daemon=True,
    )
    thread.start()
    return thread


def _announce(host: str, port: int, credentials_file: Path, out: TextIO | None) -> None:
    if not _wait_for(_connectable(host), port):
        return
    text = "\n".join(announcement(_base_url(host, port), credentials_file))
    print(text, file=out or sys.stdout, flush=True)


def announcement(base_url: str, credentials_file: Path) -> list[str]:
    """The lines to print: the credentials, then the login URL last."""
    saved = _read(credentials_file)
    lines = [f"quizgraph is up at {base_url} (GraphiQL: {base_url}/graphql)"]
    if saved is None:
        lines.append(
            f"No demo credentials in {credentials_file}: they are printed once, when "
            f"`quizgraph demo` creates the org (`make clean` starts over)."
        )
        return lines
    code = saved["portalCode"]
    lines.append(f"Demo org {DEMO_SLUG}, portal code {code} (kept in {credentials_file}):")
    for member in saved["members"]:
        lines.append(
            f"  {member['role']:<8} {member['username']:<10} password: {member['password']}"
        )
    lines.append(f"Sign in at {base_url}/org/{DEMO_SLUG}/portal/{code}/login")
    return lines


def _read(path: Path) -> dict[str, Any] | None:
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or not {"portalCode", "members"} <= saved.keys():
        return None
    return saved


def _connectable(host: str) -> str:
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def _base_url(host: str, port: int) -> str:
    shown = _connectable(host)
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


def _wait_for(host: str, port: int) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False
