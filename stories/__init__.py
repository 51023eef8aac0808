"""Stories: survivors and influencers in their own words, the consent that lets them be told, and submissions."""
