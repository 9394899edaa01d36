"""Benchmarks: synthetic data, the measurements behind `make bench`, and the load test."""
