"""Integrity: events reported while taking a quiz, the rules that flag attempts, reviews."""
