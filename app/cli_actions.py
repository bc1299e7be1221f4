"""What the command line does, as async functions over the services.

The command line acts as platform staff; every change still goes through the
same services (and so the same audit log) as the API.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.access.actor import Actor, ActorKind
from app.access.request import RequestMeta, ServiceContext
from app.access.scopes import ALL_SCOPES
from app.audit import service as audit
from app.auth import service as auth
from app.core.db import unit_of_work
from app.core.errors import BadUserInput
from app.core.settings import VAR_DIR
from app.orgs import service as orgs

if TYPE_CHECKING:
    from app.demo.loader import DemoLoad

CLI_META = RequestMeta(request_id="cli", ip=None, user_agent="quizgraph-cli")
DEMO_CREDENTIALS_FILE = VAR_DIR / "demo-credentials.json"


# Platform staff with no staff account behind it: the audit log records its changes
# as actor kind CLI, with no actor id, labelled "quizgraph CLI".
CLI_ACTOR = Actor(kind=ActorKind.PLATFORM_ADMIN, scopes=ALL_SCOPES, label=audit.CLI_ACTOR_LABEL)


def _cli_context(db: Any) -> ServiceContext:
    return ServiceContext(db=db, actor=CLI_ACTOR, meta=CLI_META)


async def create_org(
    *,
    slug: str,
    name: str,
    owner_username: str | None = None,
    owner_password: str | None = None,
    portal_code: str | None = None,
) -> dict[str, str]:
    async with unit_of_work() as db:
        created = await orgs.create_org(
            _cli_context(db),
            slug=slug,
            name=name,
            owner_username=owner_username,
            owner_password=owner_password,
            portal_code=portal_code,
        )
    return {
        "slug": created.org.slug,
        "portalCode": created.portal_code,
        "ownerUsername": created.owner.username,
        "ownerPassword": created.owner_password,
    }


async def create_platform_admin(username: str, password: str) -> None:
    """A platform staff account; recorded in the platform log. Its second factor is set
    up at its first sign-in to the console (``/platform/login``)."""
    from app.platform import actions, journal

    async with unit_of_work() as db:
        sc = _cli_context(db)
        admin = await auth.add_platform_admin(sc, username, password)
        await db.flush()
        journal.record(
            sc,
            actions.ADMIN_CREATED,
            target_type="PlatformAdmin",
            target_id=admin.id,
            details={"username": admin.username},
        )


async def create_platform_key(
    *,
    admin_username: str,
    name: str,
    scopes: list[str],
    org_slugs: list[str] | None,
    rate_limit_per_minute: int,
) -> str:
    """A platform key's secret (shown once by the command line); recorded in the
    platform log (and in the logs of the orgs it is restricted to), as the console does."""
    from app.platform import keys

    async with unit_of_work() as db:
        sc = _cli_context(db)
        issued = await keys.create(
            sc,
            admin_id=await auth.platform_admin_id(sc, admin_username),
            name=name,
            scopes=scopes,
            org_slugs=org_slugs,
            rate_limit_per_minute=rate_limit_per_minute,
        )
    return issued.secret


async def load_demo(
    base_url: str = "http://127.0.0.1:8000", credentials_file: Path = DEMO_CREDENTIALS_FILE
) -> DemoLoad:
    """Create the demo org, or add what it lacks (app/demo); see ``DemoLoad``."""
    from app.demo.loader import load_demo as load

    return await load(CLI_ACTOR, base_url, credentials_file)


async def verify_audit(
    exported: list[audit.ExportedCheckpoint] | None = None, *, org_slug: str | None = None
) -> list[audit.BrokenLink]:
    async with unit_of_work(write=False) as db:
        return await audit.verify_all(db, exported, org_slug=org_slug)


async def export_checkpoints() -> tuple[list[audit.ExportedCheckpoint], list[audit.BrokenLink]]:
    """The signed checkpoints of every org whose log verifies, and what is broken."""
    async with unit_of_work(write=False) as db:
        broken = await audit.verify_all(db)
        checkpoints = await audit.signed_checkpoints(db)
    broken_orgs = {link.org_slug for link in broken}
    return [cp for cp in checkpoints if cp.org_slug not in broken_orgs], broken


def read_checkpoints(path: Path) -> list[audit.ExportedCheckpoint]:
    """Checkpoints exported by ``quizgraph audit checkpoint`` (JSON lines; blank lines skipped)."""
    checkpoints: list[audit.ExportedCheckpoint] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoints.append(audit.ExportedCheckpoint.from_json(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            problem = f"line {number} is not a checkpoint: {error}"
            raise BadUserInput({"checkpoints": problem}) from error
    return checkpoints
