"""Benchmarks: a generator of synthetic data and the runner behind `make bench`."""
