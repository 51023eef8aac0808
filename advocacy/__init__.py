"""The top floor: what the public and the partners send back, read across every domain (inbox, dashboard).

It reads the apps below it and none of them imports it: a domain announces a submission with the ground
floor's signal, and this app files it (``pyproject.toml``'s import contract says so).
"""
