"""The public verification page and the PDF: no sign-in, valid, unknown and revoked."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from starlette.applications import Starlette

from app.access.scopes import Role
from tests.certificates.support import REVOKE, issued
from tests.orgs.support import image, update_branding, upload_logo
from tests.support.client import ApiClient
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

JSON = {"Accept": "application/json"}
RENAME = """mutation($input: UpdateMemberInput!) { updateMember(input: $input) {
  member { displayName } } }"""


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


async def test_a_valid_certificate_is_shown_to_anyone(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a certificate a student earned
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    anyone: ApiClient = client_factory()
    # when someone who never signed in opens its verification address
    page = await anyone.http.get(certificate["verificationPath"])
    # then the page says it is valid, whose it is, what for, by which org and when
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    assert "This certificate is valid" in text
    assert "Student" in text and "Sample quiz" in text and "6 of 6 points (100%)" in text
    assert f"Org {org.slug}" in text  # the org's name, as make_org names it
    assert certificate["code"] in text
    assert certificate["issuedAt"][:4] in text  # the year of its date
    # with a policy of its own: its one style block, nothing from elsewhere, no script
    policy = page.headers["content-security-policy"]
    assert "style-src 'sha256-" in policy and "default-src 'none'" in policy
    assert "<script" not in text
    # and asked for JSON, the same facts
    answer = await anyone.http.get(certificate["verificationPath"], headers=JSON)
    assert answer.status_code == 200
    facts = answer.json()
    assert (facts["status"], facts["valid"], facts["holderName"], facts["title"]) == (
        "VALID",
        True,
        "Student",
        "Sample quiz",
    )
    assert facts["organization"]["slug"] == org.slug
    assert facts["issuedAt"] == certificate["issuedAt"].replace("+00:00", "Z")


async def test_a_code_typed_loosely_finds_the_certificate(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    typed = certificate["code"].replace("-", "").lower()
    answer = await client_factory().http.get(f"/certificates/{typed}", headers=JSON)
    assert answer.status_code == 200 and answer.json()["code"] == certificate["code"]


async def test_an_unknown_code_is_said_to_be_unknown(client_factory: ClientFactory) -> None:
    anyone = client_factory()
    for typed in ["ABCD-EFGH-JKMN-PQRS", "not-a-code", "<b>x"]:
        page = await anyone.http.get(f"/certificates/{typed}")
        assert page.status_code == 404
        assert "Unknown certificate code" in page.text
        assert "<b>" not in page.text  # echoed escaped, never as markup
        answer = await anyone.http.get(f"/certificates/{typed}", headers=JSON)
        assert answer.status_code == 404 and answer.json()["status"] == "UNKNOWN"
    pdf = await anyone.http.get("/certificates/ABCD-EFGH-JKMN-PQRS.pdf")
    assert pdf.status_code == 404


async def test_a_revoked_certificate_says_so_with_its_public_reason_only(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given two certificates, revoked with a private and with a public reason
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    private = await issued(teacher, student, org.slug)
    public = await issued(teacher, student, org.slug)
    for certificate, shown in [(private, False), (public, True)]:
        revoked = await teacher.gql(
            REVOKE,
            {
                "input": {
                    "id": certificate["id"],
                    "reason": f"Copied answers ({'public' if shown else 'internal'})",
                    "reasonPublic": shown,
                }
            },
        )
        revoked.ok()
    anyone = client_factory()
    # when anyone opens their pages
    private_page = await anyone.http.get(private["verificationPath"])
    public_page = await anyone.http.get(public["verificationPath"])
    # then both say they were revoked (410 Gone), and only one says why
    for page in (private_page, public_page):
        assert page.status_code == 410
        assert "was revoked on" in page.text and "no longer valid" in page.text
        assert "This certificate is valid" not in page.text
    assert "internal" not in private_page.text
    assert "Copied answers (public)" in public_page.text
    facts = (await anyone.http.get(public["verificationPath"], headers=JSON)).json()
    assert (facts["status"], facts["valid"]) == ("REVOKED", False)
    assert facts["revocationReason"] == "Copied answers (public)" and facts["revokedAt"]
    hidden = (await anyone.http.get(private["verificationPath"], headers=JSON)).json()
    assert hidden["revocationReason"] is None
    # and its PDF is no longer served
    assert (await anyone.http.get(private["verificationPath"] + ".pdf")).status_code == 410


async def test_the_pdf_names_the_holder_and_the_code(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a certificate of a member whose display name needs escaping on a page
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    account = await org.add("zoe", Role.STUDENT)
    renamed = await owner.gql(
        RENAME, {"input": {"id": account.global_id, "displayName": "Zoë <Ångström>"}}
    )
    renamed.ok()
    zoe = await signed_in(org, "zoe")
    certificate = await issued(teacher, zoe, org.slug)
    anyone = client_factory()
    # when anyone downloads the PDF
    pdf = await anyone.http.get(certificate["pdfUrl"].removeprefix("http://testserver"))
    # then it is a PDF naming the holder, what was achieved, the code and where to verify
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Zoë <Ångström>" in text
    assert certificate["code"] in text
    assert "Sample quiz" in text
    assert certificate["verificationUrl"] in text
    # and the page shows the name as text, not as markup
    page = await anyone.http.get(certificate["verificationPath"])
    assert "Zoë &lt;Ångström&gt;" in page.text and "<Ångström>" not in page.text


async def test_the_page_needs_no_session_and_ignores_a_bad_key(
    org: OrgFixture, signed_in: SignIn, app: Starlette
) -> None:
    teacher, student = await signed_in(org, "teacher"), await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    stranger = ApiClient(app)
    try:
        page = await stranger.http.get(
            certificate["verificationPath"],
            headers={"Authorization": "Bearer iq_live_" + "0" * 40},
        )
        assert page.status_code == 200
    finally:
        await stranger.close()


def pdf_images(body: bytes) -> list[tuple[int, int]]:
    """The (width, height) of every raster image on the PDF's pages."""
    reader = PdfReader(io.BytesIO(body))
    sizes = []
    for page in reader.pages:
        for found in page.images:
            assert found.image is not None, "an image pypdf could not decode"
            sizes.append(found.image.size)
    return sizes


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
async def test_the_pdf_shows_the_orgs_uploaded_logo(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, fmt: str
) -> None:
    # given a certificate of an org without a logo
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    student = await signed_in(org, "student")
    certificate = await issued(teacher, student, org.slug)
    anyone = client_factory()
    path = certificate["pdfUrl"].removeprefix("http://testserver")
    # then its PDF carries no image (the QR code is drawn, not an image)
    before = await anyone.http.get(path)
    assert before.status_code == 200 and pdf_images(before.content) == []
    # when the owner uploads a logo
    (await upload_logo(owner, image(fmt, (40, 20)))).ok()
    # then the same certificate's PDF shows it: one image, of the logo's size
    after = await anyone.http.get(path)
    assert after.status_code == 200 and pdf_images(after.content) == [(40, 20)]
    # and it is still the certificate: holder and code printed
    assert certificate["code"] in pdf_text(after.content)


async def test_a_logo_by_web_address_is_not_fetched_for_the_pdf(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given an org whose logo is a web address, not an upload
    owner, teacher = await signed_in(org, "owner"), await signed_in(org, "teacher")
    (await update_branding(owner, logoUrl="https://example.org/logo.png")).ok()
    certificate = await issued(teacher, await signed_in(org, "student"), org.slug)
    # when anyone downloads the PDF
    pdf = await client_factory().http.get(certificate["pdfUrl"].removeprefix("http://testserver"))
    # then it is drawn without an image (drawing a page makes no request)
    assert pdf.status_code == 200 and pdf_images(pdf.content) == []
