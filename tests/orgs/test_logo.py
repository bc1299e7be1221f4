"""An owner uploads the org's logo: a PNG, JPEG or WebP image within the size cap, served
to anyone at a versioned address; anything else is refused by what the file is, not
by its name or declared type."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from PIL import Image
from sqlalchemy import update
from sqlmodel import col

from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.orgs.models import Organization
from tests.orgs.support import (
    audit_entries,
    image,
    public_branding,
    update_branding,
    upload_logo,
)
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn


async def logo_of(client: ApiClient, slug: str) -> str | None:
    url: str | None = (await public_branding(client, slug))["branding"]["logoUrl"]
    return url


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
async def test_an_uploaded_logo_is_served_to_anyone_at_its_versioned_address(
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    fmt: str,
    content_type: str,
) -> None:
    # given the owner uploading an image, named and typed as something else
    owner = await signed_in(org, "owner")
    data = image(fmt)
    result = await upload_logo(owner, data, filename="logo.bin", content_type="text/plain")
    # then the branding names the server's address of it, with its version
    url = result.ok()["uploadOrganizationLogo"]["organization"]["branding"]["logoUrl"]
    visitor = client_factory()
    assert await logo_of(visitor, org.slug) == url
    assert urlsplit(url).path == f"/orgs/{org.slug}/logo"
    # and a visitor without credentials gets the very bytes, typed by what they are
    response = await visitor.http.get(url)
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == content_type
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"
    # and asking again with its ETag costs no bytes
    again = await visitor.http.get(url, headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


async def test_a_new_upload_gets_a_new_address_and_the_old_one_is_cached_briefly(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a logo replaced by another
    owner = await signed_in(org, "owner")
    (await upload_logo(owner, image("PNG", (8, 8)))).ok()
    first = await logo_of(client_factory(), org.slug)
    (await upload_logo(owner, image("PNG", (9, 9)))).ok()
    second = await logo_of(client_factory(), org.slug)
    # then the addresses differ, and the old one answers the new image, briefly cached
    assert first and second and first != second
    stale = await client_factory().http.get(first)
    assert stale.content == image("PNG", (9, 9))
    assert stale.headers["cache-control"] == "public, max-age=300"


async def test_a_logo_address_replaces_the_upload_and_null_removes_the_logo(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given an uploaded logo
    owner = await signed_in(org, "owner")
    uploaded = (await upload_logo(owner, image())).ok()
    path = urlsplit(uploaded["uploadOrganizationLogo"]["organization"]["branding"]["logoUrl"]).path
    # when the owner gives an address instead
    (await update_branding(owner, logoUrl="https://example.org/logo.png")).ok()
    # then the upload is gone and the address is the logo
    visitor = client_factory()
    assert await logo_of(visitor, org.slug) == "https://example.org/logo.png"
    gone = await visitor.http.get(path)
    assert gone.status_code == 404
    assert gone.json()["code"] == "NOT_FOUND"
    # when they remove the logo altogether
    (await update_branding(owner, logoUrl=None)).ok()
    assert await logo_of(visitor, org.slug) is None


def noise_png(size: int) -> bytes:
    """A PNG of random pixels (it doesn't compress), about 3 x size² bytes."""
    import io

    buffer = io.BytesIO()
    Image.frombytes("RGB", (size, size), os.urandom(size * size * 3)).save(buffer, "PNG")
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (SVG, "PNG, JPEG or WebP"),
        (b"not an image at all", "PNG, JPEG or WebP"),
        (image("GIF"), "PNG, JPEG or WebP"),
        (image("BMP"), "PNG, JPEG or WebP"),
        (image("PNG")[:40], "PNG, JPEG or WebP"),  # the PNG signature, then cut off
        (image("PNG", (4097, 1)), "at most 4096 x 4096 pixels"),
    ],
    ids=["empty", "svg", "text", "gif", "bmp", "truncated-png", "too-wide"],
)
async def test_a_file_that_is_no_acceptable_image_is_refused(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, data: bytes, message: str
) -> None:
    # given the owner uploading it as if it were a PNG
    owner = await signed_in(org, "owner")
    result = await upload_logo(owner, data, filename="logo.png", content_type="image/png")
    # then it is refused on the file, and the org has no logo
    assert result.code == "BAD_USER_INPUT"
    assert message in result.errors[0]["extensions"]["fields"]["file"]
    assert await logo_of(client_factory(), org.slug) is None
    assert await audit_entries(owner, org.slug, "org.logo_uploaded") == []


async def test_an_image_over_the_size_cap_is_refused_with_the_cap(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a real PNG a little over the cap
    cap = get_settings().org_logo_max_bytes
    data = noise_png(int((cap / 3) ** 0.5) + 8)
    assert len(data) > cap
    owner = await signed_in(org, "owner")
    # when the owner uploads it
    result = await upload_logo(owner, data)
    # then it is refused, saying how large a logo may be
    assert result.code == "BAD_USER_INPUT"
    assert f"{cap // 1024} KiB" in result.errors[0]["extensions"]["fields"]["file"]
    assert await logo_of(client_factory(), org.slug) is None


async def test_an_upload_is_audited_without_its_bytes(org: OrgFixture, signed_in: SignIn) -> None:
    # given an org with a logo address, which the owner replaces with an upload
    owner = await signed_in(org, "owner")
    (await update_branding(owner, logoUrl="https://example.org/a.png")).ok()
    data = image("JPEG")
    url = (await upload_logo(owner, data)).ok()["uploadOrganizationLogo"]["organization"]
    version = urlsplit(url["branding"]["logoUrl"]).query.removeprefix("v=")
    # then the entry says what the logo was and became, and the file's size and type
    [entry] = await audit_entries(owner, org.slug, "org.logo_uploaded")
    assert entry["details"] == {
        "logoUrl": {"from": "https://example.org/a.png", "to": f"uploaded image {version}"},
        "bytes": len(data),
        "contentType": "image/jpeg",
    }


@pytest.mark.parametrize("role", ["admin", "teacher", "student"])
async def test_only_the_owner_may_upload_a_logo(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, role: str
) -> None:
    member = await signed_in(org, role)
    result = await upload_logo(member, image())
    assert result.code == "FORBIDDEN"
    assert await logo_of(client_factory(), org.slug) is None


async def test_a_disabled_or_unknown_orgs_logo_is_not_found(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given an org with an uploaded logo, which platform staff then disable
    owner = await signed_in(org, "owner")
    uploaded = (await upload_logo(owner, image())).ok()
    url = uploaded["uploadOrganizationLogo"]["organization"]["branding"]["logoUrl"]
    async with unit_of_work() as db:
        await db.execute(
            update(Organization).where(col(Organization.id) == org.id).values(disabled=True)
        )
    # then its logo is not served, nor is one of an org that doesn't exist
    visitor = client_factory()
    assert (await visitor.http.get(url)).status_code == 404
    assert (await visitor.http.get("/orgs/no-such-org/logo")).status_code == 404
    assert (await visitor.http.get("/orgs/NOT A SLUG/logo")).status_code == 404
