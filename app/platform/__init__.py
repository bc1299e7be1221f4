"""The platform console: staff sign-in with a second factor, orgs, platform keys and
the platform log."""
