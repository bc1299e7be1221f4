"""Serve the built dashboard (frontend/dist) and its single-page routes."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"

_NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quizgraph</title>
</head><body><main><h1>quizgraph</h1><p>The dashboard is not built yet: run <code>make run</code>
(or <code>make frontend</code>). The API is at <a href="/graphql">/graphql</a>.</p></main>
</body></html>"""


async def index(_request: Request) -> Response:
    page = DIST / "index.html"
    if page.exists():
        return FileResponse(page, headers={"Cache-Control": "no-cache"})
    return HTMLResponse(_NOT_BUILT)


def graphiql_page() -> Response:
    """GraphiQL, bundled by the dashboard's build (frontend/graphiql.html): no CDN."""
    page = DIST / "graphiql.html"
    if page.exists():
        return FileResponse(page, headers={"Cache-Control": "no-cache"})
    return HTMLResponse(_NOT_BUILT)


def routes() -> list[Route | Mount]:
    spa: list[Route | Mount] = [
        Route("/", index),
        Route("/org/{path:path}", index),
    ]
    assets = DIST / "assets"
    if assets.exists():
        spa.append(Mount("/assets", app=StaticFiles(directory=assets), name="assets"))
    return spa
