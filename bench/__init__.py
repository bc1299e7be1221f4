"""Benchmarks: wrk against a real server, reported as ratios to a baseline of the same run."""
