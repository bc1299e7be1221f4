"""Leaderboards: standings kept current on every scored attempt, and pushed live."""
