"""The benchmark: the site under gunicorn beside a bare Django baseline, with ratios. See ``bench/run.py``."""
