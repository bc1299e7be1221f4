"""How an org presents itself on its portal: name, colour, tagline and logo (owners edit).

The logo is either a web address (https only: the portal is served over https, and a
plain-http image would be mixed content) or an image uploaded here, kept in the
database (``OrgLogo``) and served at ``/orgs/<slug>/logo?v=<digest>``; setting one
removes the other. An upload must be a PNG, JPEG or WebP image (Pillow reads its header
and checks the file's structure; SVG is refused: it can carry script) within the size
cap. Every change is audited with its values before and after.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from app.access.request import ServiceContext
from app.access.scopes import Scope
from app.audit import service as audit
from app.core.errors import BadUserInput
from app.core.settings import get_settings
from app.core.validation import Problems, has_control_characters
from app.orgs import repository
from app.orgs import service as orgs
from app.orgs.models import OrgLogo

if TYPE_CHECKING:
    from app.orgs.models import Organization

NAME_MAX = 200
TAGLINE_MAX = 200
LOGO_URL_MAX = 500
LOGO_MAX_SIDE = 4096
COLOR_RE = re.compile(r"^#[0-9a-f]{6}$")
# Pillow's format names, with the content type each is served as.
LOGO_FORMATS: dict[str, str] = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
LOGO_PATH = "/orgs/{slug}/logo"
# The version in an uploaded logo's address: enough of its digest to never repeat.
VERSION_LENGTH = 16
UPLOADED = "uploaded image"

# Field names as the API spells them, with the org's column behind each.
NAME, PRIMARY_COLOR, LOGO_URL, TAGLINE = "name", "primaryColor", "logoUrl", "tagline"
COLUMNS: dict[str, str] = {
    NAME: "name",
    PRIMARY_COLOR: "primary_color",
    LOGO_URL: "logo_url",
    TAGLINE: "tagline",
}


def logo_address(org: Organization) -> str | None:
    """Where the portal finds the org's logo: the uploaded one's versioned address
    (relative to this server), else the web address the owner gave, else None."""
    if org.logo_digest:
        path = LOGO_PATH.format(slug=org.slug)
        return f"{path}?v={org.logo_digest[:VERSION_LENGTH]}"
    return org.logo_url


def logo_max_bytes() -> int:
    return get_settings().org_logo_max_bytes


async def update(sc: ServiceContext, changes: dict[str, str | None]) -> Organization:
    """Set the fields named in ``changes`` (API names; None or "" clears a field other
    than the name); the others stay. A logo address replaces an uploaded logo."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.ORG_WRITE, org_id)
    cleaned = _checked(changes)
    org = await orgs.get_for_actor(sc, org_id)
    before = _described(org)
    for name, value in cleaned.items():
        setattr(org, COLUMNS[name], value)
    if LOGO_URL in cleaned and org.logo_digest is not None:
        org.logo_digest = None
        await repository.delete_logo(sc.db, org.id)
    await _record_changes(sc, org, before)
    return org


async def upload_logo(sc: ServiceContext, data: bytes) -> Organization:
    """Keep ``data`` as the org's logo (it replaces a logo address or an earlier upload)."""
    org_id = sc.actor.home_org()
    sc.actor.require(Scope.ORG_WRITE, org_id)
    content_type = await _checked_image(data)
    org = await orgs.get_for_actor(sc, org_id)
    before = _described(org)
    digest = hashlib.sha256(data).hexdigest()
    await repository.save_logo(
        sc.db, OrgLogo(org_id=org.id, content_type=content_type, data=data, digest=digest)
    )
    org.logo_digest, org.logo_url = digest, None
    await _record_changes(sc, org, before, extra={"bytes": len(data), "contentType": content_type})
    return org


@dataclass(frozen=True, slots=True)
class ServedLogo:
    content_type: str
    data: bytes
    digest: str


async def public_logo(sc: ServiceContext, slug: str) -> ServedLogo | None:
    """The uploaded logo of a (not disabled) org, for anyone: it is shown before sign-in."""
    org = await orgs.get_public(sc, slug[:63])
    if org is None or org.logo_digest is None:
        return None
    row = await repository.logo(sc.db, org.id)
    if row is None:
        return None
    return ServedLogo(row.content_type, row.data, row.digest)


async def uploaded_logo(sc: ServiceContext, org: Organization) -> ServedLogo | None:
    """The org's uploaded logo (none for a logo by web address), for what the server
    draws itself (a certificate's PDF): the stored bytes, never fetched over HTTP."""
    if org.logo_digest is None:
        return None
    row = await repository.logo(sc.db, org.id)
    return None if row is None else ServedLogo(row.content_type, row.data, row.digest)


def _checked(changes: dict[str, str | None]) -> dict[str, str | None]:
    problems = Problems()
    cleaned: dict[str, str | None] = {}
    for name, value in changes.items():
        if name == NAME:
            cleaned[name] = problems.text(name, value or "", max_length=NAME_MAX)
            continue
        value = (value or "").strip() or None
        if value is None:
            cleaned[name] = None
        elif name == PRIMARY_COLOR:
            cleaned[name] = _color(problems, value)
        elif name == TAGLINE:
            cleaned[name] = problems.text(name, value, max_length=TAGLINE_MAX)
        elif name == LOGO_URL:
            cleaned[name] = _logo_url(problems, value)
    problems.raise_if_any()
    return cleaned


def _color(problems: Problems, value: str) -> str:
    color = value.lower()
    if not COLOR_RE.match(color):
        problems.add(PRIMARY_COLOR, "must be a colour written #rrggbb, such as #1d4ed8")
    return color


def _logo_url(problems: Problems, value: str) -> str:
    if len(value) > LOGO_URL_MAX:
        problems.add(LOGO_URL, f"must be at most {LOGO_URL_MAX} characters")
        return value
    if has_control_characters(value) or any(char.isspace() for char in value):
        problems.add(LOGO_URL, "must not contain spaces or control characters")
        return value
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme != "https" or not host:
        problems.add(LOGO_URL, "must be an https:// address, such as https://example.org/logo.png")
    elif parts.username is not None or parts.password is not None:
        problems.add(LOGO_URL, "must not contain a user name or password")
    return value


async def _checked_image(data: bytes) -> str:
    """The content type of an acceptable logo; BAD_USER_INPUT on ``file`` otherwise."""
    cap = logo_max_bytes()
    if not data:
        raise BadUserInput({"file": "is empty"})
    if len(data) > cap:
        raise BadUserInput({"file": f"must be at most {cap // 1024} KiB ({cap} bytes)"})
    # Parsing an image is CPU work: off the event loop.
    problem, content_type = await asyncio.to_thread(_inspect_image, data)
    if problem:
        raise BadUserInput({"file": problem})
    return content_type


def _inspect_image(data: bytes) -> tuple[str | None, str]:
    """(problem, content type): Pillow names the format from the file's own signature
    (never its name or declared type) and ``verify`` walks its structure."""
    wrong_type = "must be a PNG, JPEG or WebP image"
    try:
        with Image.open(io.BytesIO(data), formats=list(LOGO_FORMATS)) as image:
            fmt, (width, height) = image.format or "", image.size
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return wrong_type, ""
    if fmt not in LOGO_FORMATS:
        return wrong_type, ""
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
        return f"must be at most {LOGO_MAX_SIDE} x {LOGO_MAX_SIDE} pixels", ""
    return None, LOGO_FORMATS[fmt]


def _described(org: Organization) -> dict[str, str | None]:
    """The branding as the audit log shows it (an upload by its version, not its bytes)."""
    shown = {name: getattr(org, column) for name, column in COLUMNS.items()}
    if org.logo_digest:
        shown[LOGO_URL] = f"{UPLOADED} {org.logo_digest[:VERSION_LENGTH]}"
    return shown


async def _record_changes(
    sc: ServiceContext,
    org: Organization,
    before: dict[str, str | None],
    *,
    extra: dict[str, object] | None = None,
) -> None:
    after = _described(org)
    changed: dict[str, object] = {
        name: {"from": before[name], "to": after[name]}
        for name in COLUMNS
        if before[name] != after[name]
    }
    if not changed:
        return
    sc.db.add(org)
    await audit.record(
        sc,
        "org.logo_uploaded" if extra else "org.branding_updated",
        target_type="Organization",
        target_id=org.id,
        org_id=org.id,
        details=changed | (extra or {}),
    )
