"""Staff notifications: written from the event bus after the commit, counted live."""
