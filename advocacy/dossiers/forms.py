"""The small form behind "Make the delivery dossier": which petition (for a push), which extra language, the annex."""

from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.models import PetitionPage

EXTRA_LANGUAGE_CHOICES = [("km", _("Khmer")), ("my", _("Burmese"))]


class DossierForm(forms.Form):
    petition = forms.TypedChoiceField(
        label=_("Petition"),
        coerce=int,
        help_text=_("The petition whose signatures the dossier counts."),
        error_messages={"invalid_choice": _("Choose one of this push's petitions.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Also in"),
        choices=EXTRA_LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The dossier is always in Thai and English. Add Khmer or Burmese for a petition in that language."
        ),
        error_messages={"invalid_choice": _("Choose Khmer, Burmese or neither.")},
    )
    with_annex = forms.BooleanField(
        label=_("Add the annex of signers"),
        required=False,
        help_text=_(
            "A separate PDF listing the name and province of every confirmed signer (on a sensitive petition, only "
            "those who chose to show their name). Never e-mail addresses. It can take a minute for a large petition."
        ),
    )

    def __init__(self, *args, petitions: list[PetitionPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.petitions = {petition.pk: petition for petition in petitions}
        self.fields["petition"].choices = [(petition.pk, petition.title) for petition in petitions]
        if len(petitions) == 1:
            self.fields["petition"].initial = petitions[0].pk
            self.fields["petition"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        if not self.petitions:
            raise forms.ValidationError(
                _("There is no petition to count yet: add one to the push under “What carries it” first.")
            )
        return cleaned

    @property
    def chosen_petition(self) -> PetitionPage:
        return self.petitions[self.cleaned_data["petition"]]
