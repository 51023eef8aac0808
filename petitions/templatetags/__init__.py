"""Template tags of the petitions app."""
