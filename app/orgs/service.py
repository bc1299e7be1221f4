"""Rules for organizations: creation (command line), public lookup, switches."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sqlalchemy.exc import IntegrityError

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.audit import service as audit
from app.core.db import peek
from app.core.errors import BadUserInput, Conflict, NotFound
from app.core.passwords import hash_secret
from app.core.validation import SLUG_RE, Problems
from app.members import service as members
from app.orgs import repository
from app.orgs.models import Organization

if TYPE_CHECKING:
    from app.members.models import Member


@dataclass(frozen=True, slots=True)
class NewOrg:
    org: Organization
    owner: Member
    portal_code: str
    owner_password: str


def generate_portal_code() -> str:
    return secrets.token_hex(4)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


async def create_org(
    sc: ServiceContext,
    *,
    slug: str,
    name: str,
    owner_username: str | None = None,
    owner_password: str | None = None,
    portal_code: str | None = None,
    owner_display_name: str | None = None,
) -> NewOrg:
    """Create an org with its first owner; generated credentials are returned once."""
    problems = Problems()
    slug = problems.slug("slug", slug)
    name = problems.text("name", name, max_length=200)
    username = problems.username("ownerUsername", owner_username or "owner")
    password = problems.password("ownerPassword", owner_password or generate_password())
    code = problems.text(
        "portalCode", portal_code or generate_portal_code(), max_length=64, min_length=6
    )
    problems.raise_if_any()
    if await repository.by_slug(sc.db, slug):
        raise Conflict(
            f"An organization with the slug '{slug}' already exists.", fields={"slug": "taken"}
        )
    org = Organization(slug=slug, name=name, portal_code_hash=await hash_secret(code))
    sc.db.add(org)
    try:
        await sc.db.flush()
    except IntegrityError as error:
        raise Conflict(f"An organization with the slug '{slug}' already exists.") from error
    owner = await members.create_first_owner(
        sc,
        org.id,
        username=username,
        display_name=owner_display_name or username,
        password=password,
    )
    await audit.record(
        sc, "org.created", target_type="Organization", target_id=org.id, org_id=org.id
    )
    return NewOrg(org, owner, code, password)


async def get_public(sc: ServiceContext, slug: str) -> Organization | None:
    """Anyone may see an org's public profile; disabled orgs are hidden. Read only: the
    caller's own org may be the door's cached row (never change it)."""
    slug = slug.strip().lower()
    if not SLUG_RE.match(slug):
        return None  # no org can have it: nothing to look up
    if sc.actor.org_id is not None:
        # The actor's own org, as the door offered it (a cached credential's, exact: any
        # change to the org changes its credential token, which drops the cache entry)
        # or as the request holds it: no SQL.
        own = peek(sc.db, Organization, sc.actor.org_id)
        if own is not None and own.slug == slug:
            return None if own.disabled else cast(Organization, own)
    org = await repository.by_slug(sc.db, slug)
    if org is None or org.disabled:
        return None
    return org


async def public_by_id(sc: ServiceContext, org_id: uuid.UUID) -> Organization | None:
    """An org's public profile (name, slug, branding) by id, with no scope check, for
    public pages about one of its records (a certificate's verification page); read
    only. Unlike ``get_public`` a disabled org is answered too: what it certified stays
    true."""
    return await repository.by_id(sc.db, org_id)


async def disabled_org_ids(sc: ServiceContext, org_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these orgs are disabled: why a live connection of theirs is closed (the
    client then says the org is disabled rather than that its session ended)."""
    return await repository.disabled_among(sc.db, org_ids) if org_ids else set()


async def get_for_actor(sc: ServiceContext, org_id: uuid.UUID) -> Organization:
    sc.actor.require_org(org_id)
    org = await repository.by_id(sc.db, org_id)
    if org is None:
        raise NotFound()
    return org


async def set_api_access(sc: ServiceContext, org_id: uuid.UUID, enabled: bool) -> Organization:
    sc.actor.require(Scope.ORG_WRITE, org_id)
    org = await get_for_actor(sc, org_id)
    org.api_access_enabled = enabled
    sc.db.add(org)
    await audit.record(
        sc,
        "org.api_access_changed",
        target_type="Organization",
        target_id=org.id,
        details={"enabled": enabled},
        org_id=org.id,
    )
    return org


async def set_disabled(sc: ServiceContext, org_id: uuid.UUID, disabled: bool) -> Organization:
    """Platform staff switch a whole org off (every session and key stops on its next
    request: the org row's change changes the org's credential token at commit)."""
    sc.actor.require_platform(Scope.PLATFORM_WRITE)
    org = await get_for_actor(sc, org_id)
    org.disabled = disabled
    sc.db.add(org)
    await audit.record(
        sc,
        "org.disabled" if disabled else "org.enabled",
        target_type="Organization",
        target_id=org.id,
        org_id=org.id,
    )
    return org


async def own_org(sc: ServiceContext) -> Organization | None:
    """The org the actor's credential belongs to, to read: reading your own org's public
    fields needs no scope (its guarded fields declare theirs). None for anonymous
    callers and platform staff."""
    if sc.actor.org_id is None:
        return None
    # The row the request holds, or the one the door offered (a cached credential's):
    # no SQL, and the session stays unopened. Read it; to change an org, use
    # ``get_for_actor``, whose row is the session's own.
    row = peek(sc.db, Organization, sc.actor.org_id)
    if row is not None:
        return cast(Organization, row)
    return await repository.by_id(sc.db, sc.actor.org_id)


async def find_by_slug(sc: ServiceContext, slug: str) -> Organization | None:
    """Any org by slug, disabled ones too, with no scope check: for signing in (which
    says nothing until the portal code checks out) and for the command line."""
    return await repository.by_slug(sc.db, slug.strip().lower())


async def reread_for_login(sc: ServiceContext, org_id: uuid.UUID) -> Organization | None:
    """The org as committed now (not as the session cached it), so a sign-in inside its
    writer transaction sees a ``disabled`` set since it looked the org up."""
    return await repository.by_id(sc.db, org_id, fresh=True)


async def ids_by_slug(sc: ServiceContext, slugs: list[str], *, field: str) -> list[uuid.UUID]:
    """The ids of these orgs (platform staff naming orgs on the command line), in one
    query; an unknown slug is BAD_USER_INPUT on ``field``."""
    wanted = [slug.strip().lower() for slug in slugs]
    found = await repository.ids_by_slug(sc.db, sorted(set(wanted)))
    for slug, given in zip(wanted, slugs, strict=True):
        if slug not in found:
            raise BadUserInput({field: f"no organization has the slug {given}"})
    return [found[slug] for slug in wanted]
