"""Peers measured against quizgraph in the same run (``make bench-peer``)."""
