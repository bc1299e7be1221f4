"""Files the dashboard's tests read, kept equal to what the server says.

The frontend can't import Python, so the server's tables it is checked against (scopes,
audit actions) are written to JSON under frontend/tests/. A test compares the file with
the server's value and, with its environment variable set to 1, rewrites it first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def assert_json_file_is(path: Path, expected: object, *, rewrite_env: str, source: str) -> None:
    """``path`` holds ``expected`` as JSON; ``{rewrite_env}=1`` rewrites it first."""
    if os.environ.get(rewrite_env) == "1":
        path.write_text(json.dumps(expected, indent=2) + "\n")
    written = json.loads(path.read_text())
    assert written == expected, (
        f"{path.name} differs from {source}; rewrite it with {rewrite_env}=1"
    )
