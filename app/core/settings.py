"""Settings from the environment (prefix ``QUIZGRAPH_``), read once per process.

In development a secret key is generated into ``var/`` the first time it is needed,
so a fresh clone works with no set-up; in production mode the server refuses to
start without an explicit secret, because a generated one would not survive a
redeploy and would differ between hosts.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

VAR_DIR = Path("var")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUIZGRAPH_", env_file=".env", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    database_url: str = f"sqlite+aiosqlite:///{VAR_DIR}/quizgraph.db"
    redis_url: str | None = None
    # The Redis pub/sub channel of the event bus (app/events/redis_bus.py). Channels are
    # global to a Redis server whatever its database number: deployments (or test runs)
    # sharing one Redis but not one database each name their own.
    event_channel: str = "quizgraph:events"
    secret_key: str | None = None
    # Cookies are Secure unless the server is explicitly set up for plain-HTTP development.
    cookie_secure: bool | None = None
    allowed_origins: list[str] = Field(
        default_factory=lambda: ["http://127.0.0.1:8000", "http://localhost:8000"]
    )
    session_idle_timeout_seconds: int = 60 * 60 * 8
    session_absolute_timeout_seconds: int = 60 * 60 * 24 * 7
    # What an org's owner may choose for its sessions' idle timeout and lifetime
    # (app/orgs/org_settings.py); the two above are the defaults of an org that didn't.
    session_timeout_min_seconds: int = Field(default=5 * 60, ge=60)
    session_timeout_max_seconds: int = Field(default=30 * 24 * 60 * 60, ge=60)
    # The largest logo an org may upload (PNG, JPEG or WebP; app/orgs/branding.py).
    org_logo_max_bytes: int = Field(default=512 * 1024, ge=1024)
    # Mailing password reset links (app/accounts/mail.py): off without ``smtp_host``
    # (links are then only shown, to hand over).
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    smtp_from: str = "quizgraph <no-reply@localhost>"
    smtp_timeout_seconds: float = Field(default=10.0, gt=0)
    login_attempts_per_user: int = 5
    login_attempts_per_ip: int = 30
    login_throttle_window_seconds: int = 300
    # argon2 costs ~64 MiB and ~100 ms of CPU per verify: at most this many run at once
    # per process, at most ``password_hash_queue`` more logins wait; beyond that a
    # login is refused at once (429, "busy, retry") instead of piling up.
    password_hash_concurrency: int = 2
    password_hash_queue: int = 16
    # Proxies whose X-Forwarded-For names the client (IP addresses or networks:
    # "127.0.0.1,10.0.0.0/8" or a JSON list); empty means the header is ignored and the
    # peer address counts (app/web/client_address.py). `serve --proxy-headers` trusts
    # loopback when this is empty.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 5000
    # Query cost (app/graphql/complexity.py): objects a query may return at most, and
    # what each API key may spend per window (at least max_query_cost, or a query at
    # the limit could never run). Fragments per document are capped so that
    # validation stays linear.
    max_query_cost: int = 75_000
    query_cost_budget: int = 200_000
    query_cost_window_seconds: int = 60
    max_fragments: int = 50
    max_fragment_spreads: int = 100
    # Caps that bound graphql-core's validation time (app/graphql/complexity.py): the
    # fields and syntax nodes of a document, the field-merge comparisons it needs
    # (estimated; see merge_work), and the lines and characters of its text (each
    # validation error is located by scanning the text before it).
    max_fields: int = 200
    max_nodes: int = 500
    max_merge_work: int = 6_000
    max_query_lines: int = 200
    max_query_length: int = 6_000
    max_body_bytes: int = 1_000_000
    max_upload_bytes: int = 6 * 1024 * 1024
    max_websockets: int = 10_000
    max_subscriptions_per_connection: int = 20
    websocket_init_timeout_seconds: float = 10.0
    # permessage-deflate on websockets (``quizgraph serve``): off by default, since
    # it costs ~40 KiB of zlib state per socket and compresses every frame per
    # socket (a cohort's frame is made once); turn on for slow links with few sockets.
    websocket_compression: bool = False
    # Sockets from one client address that have not passed connection_init yet.
    max_unauthenticated_websockets_per_ip: int = 20
    sql_echo: bool = False
    # The server's public origin (e.g. "https://quiz.example.com"), for links printed
    # where no request says it (certificates' verification address, their webhook
    # event); None: the origin a request came to, and no absolute link outside one.
    public_url: str | None = None
    # Seconds between passes of the sweep that closes attempts left open past their
    # deadline (app/attempts/sweep.py); 0 turns it off.
    attempt_sweep_seconds: float = Field(default=30.0, ge=0)
    # The longest the tournament scheduler sleeps between passes when nothing is due
    # sooner (app/tournaments/scheduler.py); 0 turns it off.
    tournament_scheduler_seconds: float = Field(default=30.0, ge=0)
    # Staff notifications (app/notifications): seconds between passes of their sweep
    # (API key expiry reminders, pruning; 0 turns it off), how many days a notification
    # is kept, and the participant counts at which a quiz's owner hears of it.
    notification_sweep_seconds: float = Field(default=300.0, ge=0)
    notification_retention_days: int = Field(default=90, ge=1)
    notification_milestones: list[int] = Field(default_factory=lambda: [10, 50, 100, 500, 1000])
    # Tools that map the API for a stranger: on outside production, off in production
    # unless set true (None means "follow the environment").
    introspection: bool | None = None
    graphiql: bool | None = None
    field_suggestions: bool | None = None
    # Queries run from plans compiled once per document (app/graphql/compiled): "on";
    # "off" runs graphql-core's executor only; "verify" runs both on every query,
    # answers graphql-core's result and fails the request when they differ (tests).
    compiled_execution: Literal["on", "off", "verify"] = "on"
    # Webhooks (app/webhooks): hosts (names or IP addresses) a webhook URL may name over
    # plain http and that may resolve to loopback or private addresses (JSON list);
    # whether this process runs the delivery worker; its overall and per-endpoint
    # concurrency, and the timeouts of one send (connect, total).
    webhook_allowed_hosts: list[str] = Field(default_factory=list)
    webhook_worker: bool = True
    webhook_concurrency: int = Field(default=32, ge=1)
    webhook_concurrency_per_endpoint: int = Field(default=4, ge=1)
    webhook_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    webhook_timeout_seconds: float = Field(default=15.0, gt=0)
    # The log (app/core/logging.py): "json" (one object a line) or "text"; None means
    # json in production, text elsewhere.
    log_format: Literal["json", "text"] | None = None
    # The lowest level written: "warning" drops the per-request lines (quizgraph.request
    # logs at info), e.g. where a proxy's access log already has them.
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # Who may read GET /metrics (app/web/metrics.py): nobody ("off"), clients on the
    # loopback address ("loopback"), or holders of ``metrics_token`` as a bearer token.
    metrics: Literal["off", "loopback", "token"] = "loopback"
    metrics_token: str | None = None
    # OpenTelemetry traces (app/core/tracing.py), off unless configured: the collector's
    # OTLP/HTTP base URL (spans go to <url>/v1/traces). The standard
    # OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) turns them on as well.
    otel_endpoint: str | None = None
    # Persisted queries (docs/persisted-queries.md): "apq" is Apollo's automatic
    # persisted queries (a known hash runs its document, a document sent with its hash
    # is registered); "trusted" runs only documents registered ahead of time (platform
    # staff excepted); "off" registers nothing and answers an unknown hash
    # PERSISTED_QUERY_NOT_SUPPORTED (registered documents still resolve by hash).
    persisted_queries: Literal["off", "apq", "trusted"] = "apq"
    # Documents one org may register automatically (anonymous callers and platform
    # staff share one more such allowance); past it the oldest go. 0: none are.
    persisted_queries_per_org: int = Field(default=500, ge=0)
    # Manifests (GraphQL Codegen's persisted-documents.json or Apollo's manifest)
    # registered as trusted at start-up; None: the dashboard's build's, when there.
    persisted_query_manifests: list[str] | None = None

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_addresses(cls, value: object) -> object:
        return _proxy_addresses(value)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def introspection_enabled(self) -> bool:
        return self.introspection if self.introspection is not None else not self.is_production

    @property
    def graphiql_enabled(self) -> bool:
        return self.graphiql if self.graphiql is not None else not self.is_production

    @property
    def field_suggestions_enabled(self) -> bool:
        if self.field_suggestions is not None:
            return self.field_suggestions
        return not self.is_production

    @property
    def resolved_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.is_production else "text"

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.is_production

    def resolved_secret_key(self) -> str:
        if self.secret_key:
            return self.secret_key
        if self.is_production:
            raise RuntimeError(
                "QUIZGRAPH_SECRET_KEY must be set when QUIZGRAPH_ENVIRONMENT=production"
            )
        return _development_secret()

    def check_metrics_guard(self) -> None:
        """Refuse to start with a token guard and no token (nobody could scrape)."""
        if self.metrics == "token" and not self.metrics_token:
            raise RuntimeError("QUIZGRAPH_METRICS=token needs QUIZGRAPH_METRICS_TOKEN")


def _proxy_addresses(value: object) -> object:
    """A comma-separated string or a JSON list, each entry an IP address or network.
    uvicorn would take a typo for a host name that never matches (trusting nobody,
    silently), so a bad entry refuses to start instead."""
    if isinstance(value, str):
        text = value.strip()
        value = json.loads(text) if text.startswith("[") else text.split(",")
    if not isinstance(value, list):
        return value
    entries = [str(entry).strip() for entry in value if str(entry).strip()]
    for entry in entries:
        try:
            ipaddress.ip_network(entry) if "/" in entry else ipaddress.ip_address(entry)
        except ValueError:
            raise ValueError(
                f"trusted proxy {entry!r} is not an IP address or network (e.g. 10.0.0.0/8)"
            ) from None
    return entries


def _development_secret() -> str:
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    return Settings()
