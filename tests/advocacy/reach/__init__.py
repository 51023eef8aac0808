"""Partners' reach in the portal: links, counts, signer lists and refusals."""
