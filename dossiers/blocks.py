"""The blocks of a thematic dossier: key insights with their source, and testimonials."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.blocks import RICH_TEXT_FEATURES


class InsightBlock(blocks.StructBlock):
    statement = blocks.CharBlock(
        label=_("insight"), max_length=300, help_text=_("One sentence a practitioner can take along, in plain language.")
    )
    explanation = blocks.RichTextBlock(label=_("explanation"), features=RICH_TEXT_FEATURES, required=False)
    source = SnippetChooserBlock(
        "toolbox.Publication",
        label=_("source publication"),
        help_text=_("The publication in the Toolbox this insight comes from. Shown only while it is published."),
    )
    source_detail = blocks.CharBlock(
        label=_("where in the source"), required=False, help_text=_("For example: chapter 3, p. 45.")
    )

    class Meta:
        icon = "pick"
        label = _("Key insight")
        template = "dossiers/blocks/insight.html"


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    speaker = blocks.CharBlock(
        label=_("who is speaking"),
        max_length=120,
        help_text=_("A role, never a name: for example 'a mother of three' or 'a coordinator of a Huis van het Kind'."),
    )
    media_url = blocks.URLBlock(label=_("audio or video link"), required=False)
    media_kind = blocks.ChoiceBlock(
        label=_("kind of recording"), choices=[("audio", _("Audio")), ("video", _("Video"))], required=False
    )
    transcript = blocks.TextBlock(
        label=_("transcript"), required=False, help_text=_("Required with a recording: not everyone can listen or watch.")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("media_url") and not value.get("transcript", "").strip():
            errors["transcript"] = ValidationError(_("Add a transcript: a recording without one shuts people out."))
        if value.get("media_url") and not value.get("media_kind"):
            errors["media_kind"] = ValidationError(_("Say whether the recording is audio or video."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "openquote"
        label = _("Testimonial")
        template = "dossiers/blocks/testimonial.html"
