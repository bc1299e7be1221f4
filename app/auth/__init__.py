"""Who is calling: the actor, the role and scope table, sessions and the login door."""
