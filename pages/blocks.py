"""The StreamField blocks editors compose pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe what the image shows for people who cannot see it. Leave empty only for decoration."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who says it"), required=False, help_text=_("For example a role: 'a father of two'."))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "pages/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or web address"), required=False, help_text=_("A full address or a path such as /praktijken/.")
    )
    link_label = blocks.CharBlock(label=_("button text"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "pages/blocks/call_to_action.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "pages/blocks/document_link.html"


class VideoLinkBlock(blocks.StructBlock):
    """A link to a video elsewhere: no embedded player, so no third-party tracking on our pages."""

    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(label=_("web address of the video"))
    duration = blocks.CharBlock(label=_("duration"), required=False, help_text=_("For example 4:30."))
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video link")
        template = "pages/blocks/video_link.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    role = blocks.CharBlock(label=_("role"), required=False)
    text = blocks.TextBlock(label=_("short introduction"), required=False)

    class Meta:
        icon = "user"
        label = _("Person")


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("people"))

    class Meta:
        icon = "group"
        label = _("People")
        template = "pages/blocks/people.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), icon="title", template="pages/blocks/heading.html")
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    video = VideoLinkBlock()
    people = PeopleBlock()


class TileBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"))
    link_page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or web address"), required=False, help_text=_("A full address or a path such as /organisaties/.")
    )

    class Meta:
        icon = "grip"
        label = _("Tile")
