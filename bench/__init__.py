"""Benchmarks of the practice database (see README.md). Nothing here is imported by the site."""
