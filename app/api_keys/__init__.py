"""API keys for partners: scoped, rate-limited, audited and revocable at once.

A key is just another actor: the door (``door.py``) turns ``Authorization: Bearer
iq_live_…`` into an ``Actor`` whose scopes are the key's scopes intersected with what
its creator's role grants now, so every permission check stays in ``Actor.require``.
"""
