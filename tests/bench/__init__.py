"""Tests of the benchmark's pure parts: percentiles, form and page-weight parsing, mail links, the report."""
