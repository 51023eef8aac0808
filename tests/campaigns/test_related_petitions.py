"""The petitions a campaign page lists beside it lead to action: those a visitor can sign come first."""

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import PetitionStatus


def test_a_campaign_lists_its_partners_open_petition_before_their_newer_won_one(campaign, home):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    partner.save_revision().publish()
    campaign.co_organisers.set([partner])
    index = PetitionIndexPageFactory(parent=home, slug="more-petitions")
    for slug, status in (("open-one", PetitionStatus.OPEN), ("won-one", PetitionStatus.WON)):
        petition = PetitionPageFactory(parent=index, slug=slug, title=slug, status=status)
        petition.co_sponsors.set([partner])
        petition.save_revision().publish()

    listed = campaign.related_petitions()

    assert [petition.slug for petition in listed] == ["open-one", "won-one"]
