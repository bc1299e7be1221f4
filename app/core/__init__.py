"""Cross-cutting pieces every domain uses: settings, database, clock, errors, pagination."""
