"""StreamField blocks shared by every app: small, self-describing, and computing their own values."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class LinkValue(blocks.StructValue):
    """A link to a page (shown in the reader's language where translated) or to another site.

    ``translations`` (translation key to page, from one query for a whole menu) and ``request`` (which
    carries Wagtail's site lookups) are optional: without them each call asks the database itself.
    """

    def page_in_language(self, translations: dict | None = None):
        page = self.get("page")
        if page is None:
            return None
        if translations is not None:
            return translations.get(page.translation_key, page)
        return page.localized

    def url(self, translations: dict | None = None, request=None) -> str:
        page = self.page_in_language(translations)
        if page:
            return page.get_url(request) or ""
        return self.get("external_url") or ""

    def text(self, translations: dict | None = None) -> str:
        page = self.page_in_language(translations)
        return self.get("label") or (page.title if page else self.get("external_url", ""))

    def is_external(self) -> bool:
        return not self.get("page") and bool(self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_("The words people click. Leave empty to use the page title."),
    )
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site."))
    external_url = blocks.URLBlock(required=False, help_text=_("Or a web address on another site."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = ValidationError(_("Choose a page or enter a web address, but not both."))
            raise StructBlockValidationError(block_errors={"page": message, "external_url": message})
        return value

    class Meta:
        icon = "link"
        value_class = LinkValue
        label = _("Link")
        description = _("A link to a page on this site or to another site.")
        preview_value = {"label": "ภาคี", "external_url": "https://example.org/"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text=_("Its metadata is removed on upload."))
    alt_text = blocks.CharBlock(
        max_length=200,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave empty only if it is decoration."
        ),
        required=False,
    )
    caption = blocks.CharBlock(required=False, max_length=300, help_text=_("Shown under the picture."))
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text=_("Who took or made the picture, with their consent.")
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("A picture with a caption and a credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words exactly as the person said them."))
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text=_("Who said it. Use an alias to protect a survivor.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation set apart from the text.")
        preview_value = {"quote": "ตัวจริงเสียงจริง", "attribution": "ภาคี"}


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("A short call to act, e.g. 'Sign the petition'."))
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences on why it matters."))
    link = LinkBlock(help_text=_("Where the button goes."))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with one button.")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        max_length=120,
        form_classname="title",
        template="blocks/heading_block.html",
        help_text=_("A section heading."),
        icon="title",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3", "document-link"],
        template="blocks/paragraph_block.html",
        icon="pilcrow",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {}
