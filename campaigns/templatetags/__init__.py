"""Template tags of the campaigns app, and the sharing and search-engine tags every page can use."""
