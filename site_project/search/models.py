from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One live page as the site search finds it: its text, and its words as index keys (``text.py``).

    The database matches and ranks the keys. On SQLite an FTS5 table, ``site_search_fulltext``, indexes the three
    ``*_words`` columns, kept in step by triggers; on PostgreSQL a ``document`` tsvector column of this table,
    with a GIN index, holds them with their positions and weights (title A, kind B, text D). Both are made by
    migration 0001 and are not fields of this model. A later migration that alters this table on SQLite (which
    Django does by copying it) must create the triggers of 0001 again.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.TextField()
    text = models.TextField(
        help_text="The page's text, normalised; the snippet under a result is cut from it."
    )
    title_words = models.TextField(help_text="Index keys of the title, space separated.")
    kind_words = models.TextField(help_text="Index keys of the words that name the page's kind.")
    body_words = models.TextField(help_text="Index keys of the text, space separated, in order.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title
