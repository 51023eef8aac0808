"""Management commands of the site project."""
