"""Every action the platform log records, with the words a person reads it in.

The platform log is apart from the orgs' logs (``app.audit.actions`` catalogues
those); a staff action on an org lands in both, under the org's own action name there
(``org.disabled``) and under one of these here (``platform.org_disabled``).
``tests/platform/test_platform_audit.py`` fails when code records an action missing
here.
"""

from __future__ import annotations

ADMIN_CREATED = "platform.admin_created"
TOTP_ENROLLED = "platform.totp_enrolled"
SIGNED_IN = "platform.signed_in"
SIGNED_OUT = "platform.signed_out"
ORG_CREATED = "platform.org_created"
ORG_DISABLED = "platform.org_disabled"
ORG_ENABLED = "platform.org_enabled"
KEY_CREATED = "platform.key_created"
KEY_REVOKED = "platform.key_revoked"
KEY_ROTATED = "platform.key_rotated"

LABELS: dict[str, str] = {
    ADMIN_CREATED: "Platform admin created",
    TOTP_ENROLLED: "Second factor enrolled",
    SIGNED_IN: "Signed in to the console",
    SIGNED_OUT: "Signed out of the console",
    ORG_CREATED: "Organization created",
    ORG_DISABLED: "Organization disabled",
    ORG_ENABLED: "Organization re-enabled",
    KEY_CREATED: "Platform key created",
    KEY_REVOKED: "Platform key revoked",
    KEY_ROTATED: "Platform key rotated",
}
