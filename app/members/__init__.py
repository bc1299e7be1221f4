"""Members of an organization: who they are, their role, and the rules for changing them."""
