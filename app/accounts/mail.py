"""Mailing a password reset link, when the server has SMTP settings (``QUIZGRAPH_SMTP_*``).

No mail server is assumed: without ``smtp_host`` a link is only shown to the owner or
admin who made it, to hand over. The standard library's ``smtplib`` is blocking, so a
send runs in a worker thread, bounded by ``smtp_timeout_seconds``.
"""

from __future__ import annotations

import asyncio
import logging
import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from app.core.settings import get_settings

logger = logging.getLogger("quizgraph.accounts.mail")

# Deliberately loose (one @, a dot in the domain, no spaces or line breaks): the mail
# server is the judge of an address; this catches typing slips and header injection.
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ADDRESS_MAX = 254


def address_problem(address: str) -> str | None:
    """Why ``address`` can't be mailed to (None: it looks like an address)."""
    if len(address) > ADDRESS_MAX or not _ADDRESS.match(address):
        return "is not an email address"
    return None


def configured() -> bool:
    return bool(get_settings().smtp_host)


@dataclass(frozen=True, slots=True)
class ResetMail:
    to: str
    org_name: str
    display_name: str
    url: str
    expires_at: datetime


def _message(mail: ResetMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = get_settings().smtp_from
    message["To"] = mail.to
    message["Subject"] = f"Set your password for {mail.org_name}"
    message.set_content(
        f"Hello {mail.display_name},\n\n"
        f"An administrator of {mail.org_name} made a link for you to set a new password:\n\n"
        f"{mail.url}\n\n"
        f"It works once, until {mail.expires_at:%Y-%m-%d %H:%M} UTC.\n"
        "If you didn't expect it, ignore this message.\n"
    )
    return message


def _send_blocking(message: EmailMessage) -> None:
    settings = get_settings()
    assert settings.smtp_host is not None
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
    ) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(message)


async def send_reset_link(mail: ResetMail) -> str | None:
    """Mail the link; None when the server took it, else why not (the link stands
    either way: the owner or admin can still hand it over)."""
    try:
        await asyncio.to_thread(_send_blocking, _message(mail))
    except (smtplib.SMTPException, OSError, ValueError) as error:
        logger.warning("mailing a reset link failed: %s", error)
        return "The mail server refused or could not be reached; hand the link over instead."
    return None
