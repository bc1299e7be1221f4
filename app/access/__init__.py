"""The principal: who is asking (``Actor``), what each role and key may do (scopes), and
the context a service receives. Imports only ``app.core`` and ``app.events``."""
