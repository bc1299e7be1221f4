"""Certificate mutations: revoke. A thin wrapper over ``certificates.service``."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.access.scopes import Scope
from app.certificates import service
from app.certificates.loaders import certificate_org
from app.certificates.models import MAX_REASON
from app.certificates.types import Certificate
from app.graphql.inputs import INPUT
from app.graphql.permissions import requires
from app.graphql.relay import decode_id


@strawberry.input(description="The certificate to revoke, and why.")
class RevokeCertificateInput:
    id: relay.GlobalID = strawberry.field(description="The certificate's id.")
    reason: str = strawberry.field(
        description=f"Why, 1-{MAX_REASON} characters (kept in the audit log)."
    )
    reason_public: bool = strawberry.field(
        default=False,
        description="Show the reason on the public verification page (default: it only "
        "says the certificate was revoked, and when).",
    )


@strawberry.type
class RevokeCertificatePayload:
    certificate: Certificate = strawberry.field(description="The certificate, revoked.")


async def _certificate_org(info: Info, input: RevokeCertificateInput) -> uuid.UUID | None:
    return await certificate_org(info).load(_certificate_id(input))


def _certificate_id(input: RevokeCertificateInput) -> uuid.UUID:
    return decode_id(input.id, "Certificate", "id")


@strawberry.type
class CertificateMutations:
    @strawberry.mutation(
        description="Revoke a certificate: its verification page says so from now on, and "
        "its PDF is no longer served. Final; revoking it again changes nothing and answers "
        "it as it is. Audited. Needs attempts:read (over everyone's records) and "
        "quizzes:write.",
        permission_classes=[
            requires(Scope.ATTEMPTS_READ, Scope.QUIZZES_WRITE, target=_certificate_org)
        ],
    )
    async def revoke_certificate(
        self, info: Info, input: Annotated[RevokeCertificateInput, INPUT]
    ) -> RevokeCertificatePayload:
        certificate = await service.revoke(
            info.context.sc,
            _certificate_id(input),
            input.reason,
            reason_public=input.reason_public,
        )
        return RevokeCertificatePayload(certificate=Certificate.from_row(certificate))
