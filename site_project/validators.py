"""What every public form checks the same way: a name someone can read, and Django's messages in our languages.

``visible_text`` refuses a name made only of characters that show nothing: spaces, zero-width spaces and
joiners, control and format characters, Hangul fillers, the blank Braille pattern, Khmer's invisible
vowels, variation selectors. A person's name needs at least one character a reader can see, and fits on
one line.

``DJANGO_MESSAGES`` names Django's own validation messages that our public forms can show. Django's Thai,
Khmer and Burmese catalogues lack many of them, and a missing Khmer or Burmese message falls back to Thai
(the site's default language), so a Khmer reader saw Thai or English. Naming them here makes
``bin/messages`` keep their translations in ``site_project/locale``, which takes precedence over Django's.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
BLANK_CHARACTERS = frozenset(
    "\u034f"  # combining grapheme joiner
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u17b4\u17b5"  # Khmer inherent vowels, never drawn
    "\u180b\u180c\u180d\u180e\u180f"  # Mongolian selectors and vowel separator
    "\u2800"  # Braille pattern blank
)


def is_visible(character: str) -> bool:
    code = ord(character)
    return not (
        unicodedata.category(character) in INVISIBLE_CATEGORIES
        or character in BLANK_CHARACTERS
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF
    )


def visible_text(value: str) -> None:
    """A validator for names: at least one character a reader can see, and all of it on one line.

    A line break or another control character in a name has no use, and one in an organisation's name broke
    the e-mail whose subject names it. A null character is left to the validator every CharField has, so
    that it is reported once.
    """
    if not value or "\x00" in value:
        return
    if not any(is_visible(character) for character in value):
        raise ValidationError(_("Enter a name with at least one visible character."), code="invisible")
    if any(unicodedata.category(character) == "Cc" for character in value):
        raise ValidationError(
            _("A name is one line: remove line breaks, tabs and control characters."), code="control"
        )


DJANGO_MESSAGES = (
    gettext_noop("This field is required."),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("Please either submit a file or check the clear checkbox, not both."),
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."
    ),
    gettext_noop("This account is inactive."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("username"),  # the user fields the login and password messages name
    gettext_noop("email address"),
    gettext_noop("first name"),
    gettext_noop("last name"),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        "max",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
)
