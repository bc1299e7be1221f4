"""Imports every domain's tables so ``SQLModel.metadata`` is complete (for alembic)."""

from sqlmodel import SQLModel

from app.audit.models import AuditEvent
from app.auth.models import MemberSession, PlatformAdmin
from app.members.models import Member
from app.orgs.models import Organization

metadata = SQLModel.metadata

__all__ = ["AuditEvent", "Member", "MemberSession", "Organization", "PlatformAdmin", "metadata"]
