"""Accounts: password changes and resets, the per-org password policy, member CSV import,
portal code rotation."""
