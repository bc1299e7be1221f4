"""Account mutations: thin wrappers over ``accounts.service`` and ``accounts.importing``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload
from strawberry.types import Info

from app.access.scopes import Scope
from app.accounts import importing, service
from app.accounts.types import MemberImportProblem, PasswordPolicy
from app.auth.tokens import SESSION_COOKIE
from app.auth.types import Viewer
from app.core.errors import BadUserInput
from app.core.settings import get_settings
from app.graphql.inputs import INPUT
from app.graphql.permissions import member_session, public, requires
from app.graphql.relay import decode_id
from app.members.types import Member
from app.orgs.types import OrganizationFields

if TYPE_CHECKING:
    # The schema's ``Organization`` is these fields plus other domains' lists, which
    # accept them as they are (``is_type_of``); Strawberry resolves the lazy name.
    from app.orgs.types import OrganizationFields as Organization

MEMBERS_WRITE = requires(Scope.MEMBERS_WRITE)
ORG_WRITE = requires(Scope.ORG_WRITE)


@strawberry.input(description="Your current password and the new one.")
class ChangeMyPasswordInput:
    current_password: str = strawberry.field(description="The password you signed in with.")
    new_password: str = strawberry.field(
        description="The new password; the organization's policy applies."
    )


@strawberry.type
class ChangeMyPasswordPayload:
    viewer: Viewer = strawberry.field(description="Who you are now (no change required).")
    ended_sessions: int = strawberry.field(description="How many of your other sessions ended.")


@strawberry.input(description="The member to give a temporary password.")
class SetTemporaryPasswordInput:
    member_id: relay.GlobalID = strawberry.field(description="The member's id.")
    password: str | None = strawberry.field(
        default=None,
        description="The temporary password (the policy applies); left out, one is generated.",
    )


@strawberry.type
class SetTemporaryPasswordPayload:
    member: Member
    temporary_password: str = strawberry.field(
        description="Shown this once: hand it to the member, who must change it at sign-in."
    )


@strawberry.input(description="The member to make a one-time password reset link for.")
class CreatePasswordResetLinkInput:
    member_id: relay.GlobalID = strawberry.field(description="The member's id.")
    email_to: str | None = strawberry.field(
        default=None,
        description="Mail the link to this address (only when the server has SMTP settings).",
    )


@strawberry.type
class CreatePasswordResetLinkPayload:
    member: Member
    url: str = strawberry.field(description="The link, shown this once (it holds the token).")
    expires_at: datetime = strawberry.field(description="When it stops working (24 hours).")
    emailed_to: str | None = strawberry.field(description="The address it was mailed to.")
    email_problem: str | None = strawberry.field(
        description="Why mailing failed (the link still works: hand it over)."
    )


@strawberry.input(description="A reset link's token and the new password.")
class ResetPasswordWithLinkInput:
    token: str = strawberry.field(description="The token of the link (after #token=).")
    new_password: str = strawberry.field(description="The organization's policy applies.")


@strawberry.type
class ResetPasswordWithLinkPayload:
    viewer: Viewer = strawberry.field(description="The member, signed in with the new password.")


@strawberry.input(description="The password policy's fields to change; others stay.")
class UpdatePasswordPolicyInput:
    min_length: int | None = strawberry.field(
        default=None, description="Fewest characters, between minLengthFloor and minLengthCeiling."
    )
    reject_common_passwords: bool | None = strawberry.field(
        default=None, description="Refuse the most common passwords."
    )


@strawberry.type
class UpdatePasswordPolicyPayload:
    password_policy: PasswordPolicy = strawberry.field(description="The policy now.")


@strawberry.input(
    description=(
        "Members as CSV: a header row (username, display name, role, optional password) and "
        f"up to {importing.MAX_ROWS:,} rows, at most "
        f"{importing.MAX_BYTES // 1024 // 1024} MiB; either an upload (GraphQL multipart "
        "request) or text."
    )
)
class ImportMembersInput:
    file: Upload | None = strawberry.field(default=None, description="The uploaded file.")
    text: str | None = strawberry.field(default=None, description="Or the file's text.")
    dry_run: bool = strawberry.field(
        default=True, description="Only check and report (the default); false imports."
    )


@strawberry.type
class ImportMembersPayload:
    dry_run: bool = strawberry.field(description="Whether this was only a check.")
    row_count: int = strawberry.field(description="Member rows read (blank lines skipped).")
    valid_row_count: int = strawberry.field(description="Rows without a problem.")
    problem_count: int = strawberry.field(description="All problems found.")
    problems: list[MemberImportProblem] = strawberry.field(
        description=f"The problems, by line (the first {importing.MAX_REPORTED_PROBLEMS})."
    )
    imported_count: int = strawberry.field(
        description="Members added: all rows, or none when any row has a problem."
    )
    generated_password_count: int = strawberry.field(
        description="Rows without a password, given a generated (temporary) one."
    )
    credentials_csv: str | None = strawberry.field(
        description="The generated credentials (username, display_name, role, password) as "
        "CSV text, returned this once and stored nowhere; null when none were generated."
    )


@strawberry.input(description="No fields: makes a new portal code.")
class RotatePortalCodeInput:
    client_mutation_id: str | None = strawberry.field(
        default=None, description="Echoed back, for clients that track requests."
    )


@strawberry.type
class RotatePortalCodePayload:
    organization: Annotated[Organization, strawberry.lazy("app.schema.organization")]
    portal_code: str = strawberry.field(description="The new code, shown this once.")
    login_path: str = strawberry.field(description="The portal's login page with the new code.")


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description="Change your password (the current one is required); your other sessions "
        "end. The one thing a session with a temporary password may do. Member sessions only.",
        permission_classes=[member_session()],
    )
    async def change_my_password(
        self, info: Info, input: Annotated[ChangeMyPasswordInput, INPUT]
    ) -> ChangeMyPasswordPayload:
        ended = await service.change_my_password(
            info.context.sc, input.current_password, input.new_password
        )
        return ChangeMyPasswordPayload(
            viewer=Viewer(actor=info.context.actor), ended_sessions=ended
        )

    @strawberry.mutation(
        description="Give a member a temporary password, to change at their next sign-in; "
        "their sessions end. Needs members:write (an admin can't reset an owner).",
        permission_classes=[MEMBERS_WRITE],
    )
    async def set_temporary_password(
        self, info: Info, input: Annotated[SetTemporaryPasswordInput, INPUT]
    ) -> SetTemporaryPasswordPayload:
        member, password = await service.set_temporary_password(
            info.context.sc,
            info.context.actor.home_org(),
            decode_id(input.member_id, "Member", "memberId"),
            input.password,
        )
        return SetTemporaryPasswordPayload(
            member=Member.from_row(member), temporary_password=password
        )

    @strawberry.mutation(
        description="A one-time link for a member to set a new password (24 hours; older "
        "unused links stop working). Needs members:write (an admin can't reset an owner).",
        permission_classes=[MEMBERS_WRITE],
    )
    async def create_password_reset_link(
        self, info: Info, input: Annotated[CreatePasswordResetLinkInput, INPUT]
    ) -> CreatePasswordResetLinkPayload:
        made = await service.create_reset_link(
            info.context.sc,
            info.context.actor.home_org(),
            decode_id(input.member_id, "Member", "memberId"),
            input.email_to,
        )
        return CreatePasswordResetLinkPayload(
            member=Member.from_row(made.member),
            url=made.url,
            expires_at=made.expires_at,
            emailed_to=made.emailed_to if made.email_problem is None else None,
            email_problem=made.email_problem,
        )

    @strawberry.mutation(
        description="Set a new password with a reset link: the link stops working, the "
        "member's other sessions end and this browser is signed in (qg_session cookie).",
        permission_classes=[public()],  # the link's token is the permission
    )
    async def reset_password_with_link(
        self, info: Info, input: Annotated[ResetPasswordWithLinkInput, INPUT]
    ) -> ResetPasswordWithLinkPayload:
        signed_in = await service.use_reset_link(info.context.sc, input.token, input.new_password)
        settings = get_settings()
        info.context.response.set_cookie(
            SESSION_COOKIE,
            signed_in.token,
            max_age=int(signed_in.lifetime.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=settings.secure_cookies,
            path="/",
        )
        return ResetPasswordWithLinkPayload(viewer=Viewer(actor=info.context.actor))

    @strawberry.mutation(
        description="Change the organization's password policy (for passwords set from now "
        "on). Needs org:write.",
        permission_classes=[ORG_WRITE],
    )
    async def update_password_policy(
        self, info: Info, input: Annotated[UpdatePasswordPolicyInput, INPUT]
    ) -> UpdatePasswordPolicyPayload:
        rules = await service.update_policy(
            info.context.sc,
            min_length=input.min_length,
            reject_common=input.reject_common_passwords,
        )
        return UpdatePasswordPolicyPayload(password_policy=PasswordPolicy.of(rules))

    @strawberry.mutation(
        description="Import members from CSV: a dry run (the default) reports every bad row "
        "by line; a real run adds all rows, or none when any has a problem. Needs "
        "members:write.",
        permission_classes=[MEMBERS_WRITE],
    )
    async def import_members(
        self, info: Info, input: Annotated[ImportMembersInput, INPUT]
    ) -> ImportMembersPayload:
        text = importing.decode(await _file_of(input))  # read (and closed) before any refusal
        outcome = await importing.import_members(
            info.context.sc, info.context.actor.home_org(), text, dry_run=input.dry_run
        )
        return ImportMembersPayload(
            dry_run=outcome.dry_run,
            row_count=outcome.row_count,
            valid_row_count=outcome.valid_rows,
            problem_count=len(outcome.problems),
            problems=[
                MemberImportProblem.of(problem)
                for problem in outcome.problems[: importing.MAX_REPORTED_PROBLEMS]
            ],
            imported_count=outcome.imported,
            generated_password_count=outcome.generated,
            credentials_csv=outcome.credentials_csv,
        )

    @strawberry.mutation(
        description="A new portal code: the old one stops working at once; the new one is "
        "shown this once. Needs org:write.",
        permission_classes=[ORG_WRITE],
    )
    async def rotate_portal_code(
        self, info: Info, input: Annotated[RotatePortalCodeInput | None, INPUT] = None
    ) -> RotatePortalCodePayload:
        org, code = await service.rotate_portal_code(info.context.sc)
        return RotatePortalCodePayload(
            organization=OrganizationFields.from_row(org),
            portal_code=code,
            login_path=f"/org/{org.slug}/portal/{code}/login",
        )


async def _file_of(input: ImportMembersInput) -> bytes:
    """The file's bytes (one over the cap is enough to refuse with the size)."""
    either = BadUserInput({"file": "send either a file or text, not both or neither"})
    if input.file is None:
        if input.text is None:
            raise either
        return input.text.encode()
    upload: Any = input.file  # Starlette's UploadFile under the Upload scalar
    try:
        data: bytes = await upload.read(importing.MAX_BYTES + 1)
    finally:
        await upload.close()
    if input.text is not None:
        raise either
    return data
