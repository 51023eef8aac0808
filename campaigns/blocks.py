"""The blocks a campaign page is built from: small, self-describing, and computing their own values."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from site_project import memo, provinces
from site_project.blocks import BodyBlock
from site_project.structured_data import json_ld, schema_date
from site_project.video import video_for


def province_choices() -> list[tuple[str, str]]:
    """The provinces as editors pick them, Thai with English beside it (migrations name this function)."""
    return provinces.editor_choices()


class FactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text=_("The number, as readers should see it, e.g. 2,000+"))
    label = blocks.CharBlock(max_length=120, help_text=_("What the number counts, e.g. people reached"))
    source = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Where the number comes from, e.g. a report and its year."),
    )


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=120, help_text=_("e.g. The campaign in numbers. Leave empty for none.")
    )
    facts = blocks.ListBlock(FactBlock(), min_num=1, max_num=6, help_text=_("One to six figures."))

    class Meta:
        icon = "table"
        template = "campaigns/blocks/facts_block.html"
        label = _("Facts and figures")
        description = _("A few large numbers with what they count and where they come from.")
        preview_value = {"heading": "", "facts": [{"figure": "2,000+", "label": "คนที่เข้าร่วม", "source": ""}]}


class VideoValue(blocks.StructValue):
    def video(self):
        return video_for(self.get("url") or "")


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        help_text=_("The video's address on YouTube or Vimeo (or another site: shown as a link).")
    )
    title = blocks.CharBlock(
        max_length=160, help_text=_("What the video is, for the link and screen readers.")
    )
    poster = ImageChooserBlock(
        required=False, help_text=_("A still from the video, shown until it is played.")
    )
    caption = blocks.CharBlock(required=False, max_length=300, help_text=_("Shown under the video."))

    class Meta:
        icon = "media"
        template = "campaigns/blocks/video_block.html"
        label = _("Video")
        value_class = VideoValue
        description = _("A video that loads nothing from the video site until the reader clicks play.")


class EventValue(blocks.StructValue):
    def anchor(self) -> str:
        return f"event-{self.get('date'):%Y%m%d}" if self.get("date") else "event"

    def province_name(self) -> str:
        return provinces.name(self.get("province"))

    def starts_at(self) -> datetime.datetime | datetime.date:
        if self.get("start_time"):
            return datetime.datetime.combine(self["date"], self["start_time"])
        return self["date"]

    def starts_at_moment(self) -> datetime.datetime | None:
        """The moment it starts in the site's time zone (Bangkok): its start time, or its day's first minute."""
        if not self.get("date"):
            return None
        return timezone.make_aware(
            datetime.datetime.combine(self["date"], self.get("start_time") or datetime.time.min)
        )

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        start = self.starts_at_moment()
        return start is not None and (now or timezone.now()) >= start

    def rsvp_open(self, now: datetime.datetime | None = None) -> bool:
        """Whether people may still say they will come: it takes RSVPs and has not started."""
        return bool(self.get("takes_rsvp")) and not self.has_started(now)

    def json_ld(self) -> str:
        place = {"@type": "Place", "name": self.get("venue") or self.province_name()}
        if self.get("province"):
            place["address"] = {
                "@type": "PostalAddress",
                "addressRegion": self.province_name(),
                "addressCountry": "TH",
            }
        locations = [place] if self.get("venue") or self.get("province") else []
        if self.get("online_url"):
            locations.append({"@type": "VirtualLocation", "url": self["online_url"]})
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.get("title"),
            "startDate": schema_date(self.starts_at()),
            "eventAttendanceMode": "https://schema.org/"
            + (
                "MixedEventAttendanceMode"
                if len(locations) > 1
                else "OnlineEventAttendanceMode"
                if self.get("online_url")
                else "OfflineEventAttendanceMode"
            ),
            "location": locations[0] if len(locations) == 1 else locations,
            "description": self.get("description") or "",
        }
        if self.get("end_time") and self.get("date"):
            data["endDate"] = schema_date(datetime.datetime.combine(self["date"], self["end_time"]))
        return json_ld(data)


class EventBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, help_text=_("e.g. Candle walk for 25 November"))
    date = blocks.DateBlock(help_text=_("The day it happens."))
    start_time = blocks.TimeBlock(required=False, help_text=_("When it starts. Leave empty for all day."))
    end_time = blocks.TimeBlock(required=False, help_text=_("When it ends, if known."))
    venue = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("The place, e.g. Chiang Rai clock tower. Empty if online only."),
    )
    province = blocks.ChoiceBlock(
        choices=province_choices, required=False, help_text=_("The province it takes place in.")
    )
    online_url = blocks.URLBlock(
        required=False, help_text=_("A link to join online (Zoom, Facebook Live…), if people can.")
    )
    description = blocks.TextBlock(required=False, help_text=_("What will happen and who it is for."))
    capacity = blocks.IntegerBlock(
        required=False,
        min_value=1,
        help_text=_("How many people the place holds. Staff see RSVPs against it. Empty: no limit."),
    )
    takes_rsvp = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text=_("Show a form where people say they will come. Staff see the answers under Campaigns."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("venue") and not value.get("province") and not value.get("online_url"):
            message = ValidationError(_("Give a place, a province or an online link."))
            raise StructBlockValidationError(block_errors={"venue": message, "online_url": message})
        if value.get("end_time") and value.get("start_time") and value["end_time"] <= value["start_time"]:
            raise StructBlockValidationError(
                block_errors={"end_time": ValidationError(_("The end must be after the start."))}
            )
        return value

    class Meta:
        icon = "date"
        template = "campaigns/blocks/event_block.html"
        label = _("Event")
        value_class = EventValue
        description = _("An event with its date, time and place, and a form to say you will come.")


class ToolkitDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text=_("A poster, leaflet or guide people can download."))
    description = blocks.CharBlock(
        required=False, max_length=200, help_text=_("One line on what it is and how to use it.")
    )


class ToolkitBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("e.g. Campaign toolkit"))
    intro = blocks.TextBlock(required=False, help_text=_("A sentence on who the materials are for."))
    documents = blocks.ListBlock(ToolkitDocumentBlock(), min_num=1, help_text=_("The files, in order."))

    class Meta:
        icon = "doc-full"
        template = "campaigns/blocks/toolkit_block.html"
        label = _("Toolkit")
        description = _("Documents people can download to run the campaign themselves.")


class ShareKitBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("e.g. Share the campaign"))
    line_message = blocks.TextBlock(
        help_text=_("The message sent on LINE, in this page's language. The page's address is added.")
    )
    facebook_message = blocks.TextBlock(
        help_text=_("A suggested Facebook post, in this page's language, for people to copy.")
    )
    hashtags = blocks.CharBlock(
        required=False, max_length=200, help_text=_("e.g. #ยุติความรุนแรง #OrangeTheWorld")
    )

    class Meta:
        icon = "mail"
        template = "campaigns/blocks/share_kit_block.html"
        label = _("Share kit")
        description = _("Ready-made messages for LINE and Facebook, one set per language.")


class PetitionValue(blocks.StructValue):
    def petition_in_language(self):
        """The petition in the reader's language where translated, only while it is live."""
        petition = self.get("petition")
        if petition is None:
            return None
        petition = petition.specific
        locale_id = memo.locale_ids().get(translation.get_language())
        if locale_id is not None and locale_id != petition.locale_id:  # else already in the reader's language
            translated = (
                type(petition)
                .objects.filter(translation_key=petition.translation_key, locale_id=locale_id)
                .first()
            )
            petition = translated or petition
        return petition if petition.live else None


class PetitionBlock(blocks.StructBlock):
    petition = blocks.PageChooserBlock(
        page_type="petitions.PetitionPage", help_text=_("The petition whose count and sign form appear here.")
    )
    intro = blocks.TextBlock(
        required=False, help_text=_("A sentence on why this petition matters to the campaign. Optional.")
    )

    class Meta:
        icon = "form"
        template = "campaigns/blocks/petition_block.html"
        label = _("Petition")
        value_class = PetitionValue
        description = _("A petition's live count and sign form, signed without leaving the campaign.")


class CampaignBodyBlock(BodyBlock):
    facts = FactsBlock()
    video = VideoBlock()
    petition = PetitionBlock()
    event = EventBlock()
    toolkit = ToolkitBlock()
    share_kit = ShareKitBlock()
