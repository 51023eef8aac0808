"""Stories told by survivors, influencers, activists and partner staff, and the consent that lets us tell them.

A story is only ever live while a consent record covers it: the consent says who agreed, for which languages
and channels, and until when. ``services.py`` unpublishes every translation when consent is withdrawn or ends.
"""

from .consent import (
    CHANNEL_CHOICES,
    WEBSITE,
    ConsentQuerySet,
    ConsentRequiredError,
    StoryConsent,
    StoryConsentForm,
)
from .pages import StoryIndexPage, StoryPage
from .storytellers import Storyteller
from .submissions import StorySubmission

__all__ = [
    "CHANNEL_CHOICES",
    "WEBSITE",
    "ConsentQuerySet",
    "ConsentRequiredError",
    "StoryConsent",
    "StoryConsentForm",
    "StoryIndexPage",
    "StoryPage",
    "StorySubmission",
    "Storyteller",
]
