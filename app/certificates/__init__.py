"""Certificates: issued on passing a quiz or finishing a tournament high enough, verified
by anyone through a public code, revoked by staff."""
