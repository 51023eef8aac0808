"""Commands: load_demo_data."""
