"""Stories: consent rules, listings, feeds, the share-your-story form and image metadata."""
