"""expire_story_consents."""
