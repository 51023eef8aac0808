"""Partners: the coalition directory, the partner portal and the members' space."""
