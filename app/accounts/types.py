"""GraphQL types of accounts: the password policy, reset links, an import's report."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.accounts import policy
from app.accounts.importing import Problem


@strawberry.type(description="The rules every new password of the organization meets.")
class PasswordPolicy:
    min_length: int = strawberry.field(description="The fewest characters a password may have.")
    reject_common_passwords: bool = strawberry.field(
        description="Whether the most common passwords (zxcvbn's list of 30,000) are refused."
    )

    @strawberry.field(description="The least minLength an owner may choose (platform bound).")
    def min_length_floor(self) -> int:
        return policy.MIN_LENGTH_FLOOR

    @strawberry.field(description="The largest minLength an owner may choose (platform bound).")
    def min_length_ceiling(self) -> int:
        return policy.MIN_LENGTH_CEILING

    @strawberry.field(description="The most characters any password may have.")
    def max_length(self) -> int:
        return policy.MAX_LENGTH

    @classmethod
    def of(cls, rules: policy.Policy) -> PasswordPolicy:
        return cls(min_length=rules.min_length, reject_common_passwords=rules.reject_common)


@strawberry.type(description="A working password reset link, as its page shows it.")
class PasswordResetLinkInfo:
    username: str = strawberry.field(description="Whose password the link sets.")
    display_name: str = strawberry.field(description="Their display name.")
    organization_name: str = strawberry.field(description="Their organization's name.")
    organization_slug: str = strawberry.field(description="Their organization's slug.")
    expires_at: datetime = strawberry.field(description="When the link stops working.")
    password_policy: PasswordPolicy = strawberry.field(description="The rules to meet.")


@strawberry.type(description="What is wrong with one row (or the header) of an import.")
class MemberImportProblem:
    line: int = strawberry.field(description="The line of the file (1 is the header).")
    column: str | None = strawberry.field(
        description="The column: username, displayName, role or password; null: the row."
    )
    code: str = strawberry.field(
        description="MISSING_FIELD, INVALID_USERNAME, INVALID_DISPLAY_NAME, INVALID_ROLE, "
        "ROLE_NOT_ALLOWED, DUPLICATE_IN_FILE, USERNAME_TAKEN, TOO_MANY_CELLS, a password "
        "policy code (PASSWORD_TOO_SHORT, PASSWORD_COMMON, ...), or a header's "
        "UNKNOWN_COLUMN, DUPLICATE_COLUMN, MISSING_COLUMN."
    )
    message: str = strawberry.field(description="What is wrong, in words.")

    @classmethod
    def of(cls, problem: Problem) -> MemberImportProblem:
        return cls(
            line=problem.line, column=problem.column, code=problem.code, message=problem.message
        )
