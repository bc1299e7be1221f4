"""The ``quizgraph`` command: serve, migrate, create orgs and staff, demo data, schema, audit.

Each command is a small function; they share one way to run a service call in
its own transaction as the command line's platform actor.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from app.audit.service import BrokenLink

T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except Exception as error:
        from app.core.errors import AppError

        if isinstance(error, AppError):
            print(f"error: {error.message}", file=sys.stderr)
            return 1
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quizgraph", description=__doc__)
    commands = parser.add_subparsers(title="commands")

    serve = commands.add_parser("serve", help="run the API server (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--reload", action="store_true", help="restart on code changes")
    serve.add_argument(
        "--proxy-headers",
        action="store_true",
        help="behind a proxy: the client's address from X-Forwarded-For when the peer is "
        "one of QUIZGRAPH_TRUSTED_PROXIES (127.0.0.1 and ::1 when that is unset)",
    )
    serve.add_argument(
        "--demo-credentials",
        type=Path,
        metavar="FILE",
        help="once listening, print the demo org's login URL and the credentials in FILE",
    )
    serve.set_defaults(handler=_serve)

    migrate = commands.add_parser("migrate", help="bring the database to the newest schema")
    migrate.set_defaults(handler=_migrate)

    create_org = commands.add_parser("create-org", help="create an organization and its owner")
    create_org.add_argument("--slug", required=True)
    create_org.add_argument("--name", required=True)
    create_org.add_argument("--owner-username")
    create_org.add_argument("--owner-password")
    create_org.add_argument("--portal-code")
    create_org.add_argument("--json", action="store_true", help="print one JSON object")
    create_org.set_defaults(handler=_create_org)

    admin = commands.add_parser("create-platform-admin", help="create a platform staff account")
    admin.add_argument("--username", required=True)
    admin.add_argument("--password", required=True)
    admin.set_defaults(handler=_create_platform_admin)

    platform_key = commands.add_parser(
        "create-platform-key", help="create a platform API key; prints its secret once"
    )
    platform_key.add_argument("--admin-username", required=True, help="the platform admin")
    platform_key.add_argument("--name", required=True)
    platform_key.add_argument("--scopes", required=True, help="comma-separated, e.g. org:read")
    platform_key.add_argument("--orgs", help="comma-separated org slugs; all orgs when left out")
    platform_key.add_argument("--rate-limit", type=int, default=600, help="requests per minute")
    platform_key.set_defaults(handler=_create_platform_key)

    demo = commands.add_parser("demo", help="load the demo org acme-academy")
    demo.add_argument("--json", action="store_true", help="print the credentials as JSON")
    demo.add_argument("--base-url", default="http://127.0.0.1:8000", help="for the login link")
    demo.add_argument(
        "--no-credentials",
        action="store_true",
        help="say only what was added (`serve --demo-credentials` prints them)",
    )
    demo.set_defaults(handler=_demo)

    print_schema = commands.add_parser("print-schema", help="print the GraphQL SDL")
    print_schema.set_defaults(handler=_print_schema)

    audit = commands.add_parser("audit", help="audit log tools")
    audit_commands = audit.add_subparsers(title="audit commands")
    verify = audit_commands.add_parser(
        "verify", help="check every org's audit hash chain against its signed checkpoint"
    )
    verify.add_argument(
        "--checkpoints",
        type=Path,
        help="also check against checkpoints exported earlier by `audit checkpoint` (JSON lines)",
    )
    verify.add_argument("--org", metavar="SLUG", help="check only this organization's log")
    verify.set_defaults(handler=_audit_verify)
    checkpoint = audit_commands.add_parser(
        "checkpoint",
        help="print every org's signed audit checkpoint as JSON lines, to keep outside the DB",
    )
    checkpoint.add_argument("--output", type=Path, help="append to this file instead of stdout")
    checkpoint.set_defaults(handler=_audit_checkpoint)

    backup = commands.add_parser(
        "backup",
        help="copy the database while the servers run (SQLite: online backup; PostgreSQL: pg_dump)",
    )
    backup.add_argument("destination", type=Path, help="the file to write (must not exist)")
    backup.set_defaults(handler=_backup)

    webhooks = commands.add_parser("webhooks", help="webhook tools")
    webhook_commands = webhooks.add_subparsers(title="webhooks commands")
    worker = webhook_commands.add_parser(
        "worker", help="run the webhook delivery worker (alongside or instead of the servers')"
    )
    worker.set_defaults(handler=_webhooks_worker)

    persisted = commands.add_parser("persisted-queries", help="persisted query tools")
    persisted_commands = persisted.add_subparsers(title="persisted-queries commands")
    register = persisted_commands.add_parser(
        "register",
        help="register a manifest's documents as trusted (GraphQL Codegen's "
        "persisted-documents.json or Apollo's persisted query manifest)",
    )
    register.add_argument("manifest", type=Path)
    register.set_defaults(handler=_persisted_queries_register)
    return parser


def _run(coroutine_factory: Callable[[], Awaitable[T]]) -> T:
    async def runner() -> T:
        from app.core.db import dispose_engines

        try:
            return await coroutine_factory()
        finally:
            await dispose_engines()

    return asyncio.run(runner())


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.core.settings import get_settings

    if args.demo_credentials is not None:
        from app.demo.announce import announce_when_listening

        announce_when_listening(args.host, args.port, args.demo_credentials)
    from app.web.ws_protocol import WS_PROTOCOL

    if args.proxy_headers:
        _trust_the_local_proxy()
    if args.workers > 1:
        _share_metrics_between_workers()
    uvicorn.run(
        "app.web.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=args.reload,
        loop="uvloop",
        http="httptools",
        ws=WS_PROTOCOL,
        ws_per_message_deflate=get_settings().websocket_compression,
        proxy_headers=False,
        log_level="info",
        # A client that stopped reading can't take its close frame: without a bound,
        # uvicorn's graceful shutdown would wait for it forever.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    return 0


GRACEFUL_SHUTDOWN_SECONDS = 5


LOCAL_PROXIES = "127.0.0.1,::1"


def _trust_the_local_proxy() -> None:
    """``--proxy-headers``: believe a proxy on this machine, unless
    QUIZGRAPH_TRUSTED_PROXIES names the proxies. Said through the environment, which the
    workers inherit; the app installs uvicorn's ProxyHeadersMiddleware from the setting
    (``app.web.client_address``), so every way of serving it trusts the same proxies."""
    import os

    from app.core.settings import get_settings

    if get_settings().trusted_proxies:
        return
    os.environ["QUIZGRAPH_TRUSTED_PROXIES"] = LOCAL_PROXIES
    get_settings.cache_clear()


def _backup(args: argparse.Namespace) -> int:
    from app.core.backup import BackupError, backup, restore_hint
    from app.core.settings import get_settings

    try:
        done = backup(get_settings().database_url, args.destination)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"backed up to {done.destination} ({done.size_bytes:,} bytes, {done.how})")
    print(restore_hint(done))
    return 0


def _share_metrics_between_workers() -> None:
    """Prometheus's multi-process mode (``app.web.metrics``): the workers write their
    counters under one fresh directory (removed when the server stops), so a scrape of
    any worker sums them all. Must be set before a worker imports prometheus-client.
    A directory already named by ``PROMETHEUS_MULTIPROC_DIR`` is used as it is."""
    import atexit
    import os
    import shutil
    import tempfile

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    directory = tempfile.mkdtemp(prefix="quizgraph-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    atexit.register(shutil.rmtree, directory, ignore_errors=True)


def _migrate(_args: argparse.Namespace) -> int:
    from app.core.migrations import upgrade_to_head

    upgrade_to_head()
    print("database is at the newest schema")
    return 0


def _create_org(args: argparse.Namespace) -> int:
    from app.cli_actions import create_org

    created = _run(
        lambda: create_org(
            slug=args.slug,
            name=args.name,
            owner_username=args.owner_username,
            owner_password=args.owner_password,
            portal_code=args.portal_code,
        )
    )
    if args.json:
        print(json.dumps(created))
    else:
        print(f"Created {created['slug']}. These are shown once; keep them safe:")
        for key, value in created.items():
            print(f"  {key}: {value}")
    return 0


def _create_platform_admin(args: argparse.Namespace) -> int:
    from app.cli_actions import create_platform_admin

    _run(lambda: create_platform_admin(args.username, args.password))
    print(f"platform admin {args.username} created")
    return 0


def _create_platform_key(args: argparse.Namespace) -> int:
    from app.cli_actions import create_platform_key

    secret = _run(
        lambda: create_platform_key(
            admin_username=args.admin_username,
            name=args.name,
            scopes=_csv(args.scopes),
            org_slugs=_csv(args.orgs) if args.orgs else None,
            rate_limit_per_minute=args.rate_limit,
        )
    )
    print("Platform key created. The secret is shown once; keep it safe:")
    print(secret)
    return 0


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _demo(args: argparse.Namespace) -> int:
    from app.cli_actions import DEMO_CREDENTIALS_FILE, load_demo

    load = _run(lambda: load_demo(args.base_url))
    credentials = load.credentials
    if args.json:
        print(json.dumps(credentials))
        return 0
    added = "; ".join(load.added) or "nothing new"
    print(f"Demo org acme-academy loaded ({'added ' if load.added else ''}{added}).")
    if args.no_credentials:
        return 0
    if credentials is None:
        print(
            "Its credentials were printed when it was created; they are not in "
            f"{DEMO_CREDENTIALS_FILE} any more."
        )
        return 0
    print("Sign in at", credentials["loginUrl"])
    print(f"  portal code: {credentials['portalCode']}")
    for member in credentials["members"]:
        print(f"  {member['role']:<8} {member['username']:<12} password: {member['password']}")
    print(f"(also saved, readable only by you, in {Path(DEMO_CREDENTIALS_FILE)})")
    return 0


def _print_schema(_args: argparse.Namespace) -> int:
    from app.schema import print_schema

    sys.stdout.write(print_schema())
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from app.cli_actions import read_checkpoints, verify_audit

    exported = read_checkpoints(args.checkpoints) if args.checkpoints else None
    broken = _run(lambda: verify_audit(exported, org_slug=args.org))
    if not broken:
        print(f"audit log intact for {args.org or 'every organization'}")
        return 0
    for link in broken:
        _print_broken(link)
    return 1


def _audit_checkpoint(args: argparse.Namespace) -> int:
    from app.cli_actions import export_checkpoints

    checkpoints, broken = _run(export_checkpoints)
    lines = "".join(json.dumps(checkpoint.as_json()) + "\n" for checkpoint in checkpoints)
    if args.output:
        with args.output.open("a", encoding="utf-8") as file:
            file.write(lines)
    else:
        sys.stdout.write(lines)
    # A broken org's checkpoint would vouch for a cut log: it is left out, and said so.
    for link in broken:
        _print_broken(link, file=sys.stderr)
    return 1 if broken else 0


def _webhooks_worker(_args: argparse.Namespace) -> int:
    import logging

    from app.webhooks.worker import Worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

    async def work() -> None:
        worker = Worker()
        try:
            await worker.run_forever()
        finally:
            await worker.close()

    with contextlib.suppress(KeyboardInterrupt):
        _run(work)
    return 0


def _persisted_queries_register(args: argparse.Namespace) -> int:
    from app.persisted_queries import manifest

    count, total = _run(lambda: manifest.register_file(args.manifest))
    print(f"registered {count} trusted documents from {args.manifest} ({total} trusted in all)")
    return 0


def _print_broken(link: BrokenLink, file: TextIO | None = None) -> None:
    where = f", event #{link.seq}" if link.seq is not None else ""
    event = f" (event {link.event_id})" if link.event_id else ""
    print(f"BROKEN: org {link.org_slug}{where}{event}: {link.reason}", file=file or sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
