"""Organizations (tenants): public profile, portal code, the disable and API access switches."""
