"""The import path uvicorn serves: ``app.web.asgi:app``."""

from app.web.app import create_app

app = create_app()
