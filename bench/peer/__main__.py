"""``python -m bench.peer``: the hello baseline, then the PostGraphile comparison."""

from __future__ import annotations

import sys

from bench.run import main

raise SystemExit(main(["postgraphile_peer", *sys.argv[1:]]))
