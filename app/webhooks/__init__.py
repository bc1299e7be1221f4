"""Webhooks: org (and platform) endpoints, a durable outbox, and the delivery worker."""
