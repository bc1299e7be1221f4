"""The domain event certificates announce (after the request commits), and its webhook.

``certificate.issued`` (CONTRACT.md section 7): once per certificate, when it is made, in
the transaction that made it (the outbox stages it with the change). ``Event.org_id`` is
the certificate's org; ``data`` holds ``certificateId``, ``kind`` (QUIZ or TOURNAMENT),
``code`` (as printed), ``verificationPath`` and ``verificationUrl`` (null unless the
server's public address is configured), ``memberId``, ``holderName``, ``title``,
``quizId`` and ``attemptId`` or ``tournamentId``, ``score``, ``maxScore``,
``percentage``, ``rank`` and ``issuedAt`` (RFC 3339). Ids are global ids.
"""

from __future__ import annotations

CERTIFICATE_ISSUED = "certificate.issued"
