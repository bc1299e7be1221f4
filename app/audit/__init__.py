"""The append-only, hash-chained audit log of every change made through the API."""
