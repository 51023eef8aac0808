"""Template tags of the advocacy app's admin screens."""
