"""Settings: ``base`` is production; ``dev`` and ``test`` adjust it for a laptop and for pytest."""
