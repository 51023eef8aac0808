"""Template tags of the stories app."""
