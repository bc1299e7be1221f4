"""The HTTP surface: the ASGI app, the door (credentials, CSRF, limits), health, the dashboard."""
