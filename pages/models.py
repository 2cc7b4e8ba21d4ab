"""Editorial pages: the home page, content pages, news and the contact form."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import ratelimit, restrictions

from .blocks import BodyBlock, TileBlock


class HomePage(restrictions.ViewRestrictionsFromMemory, Page):
    """The front door: an introduction and tiles that lead to every capability."""

    intro = models.TextField(_("introduction"))
    tiles_heading = models.CharField(_("tiles heading"), max_length=120, default="Waarmee kunnen we je helpen?")
    tiles = StreamField([("tile", TileBlock())], verbose_name=_("tiles"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("tiles_heading"),
        FieldPanel("tiles"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = restrictions.public(NewsItemPage.objects.live()).order_by("-date")[:3]
        return context


class ContentPage(restrictions.ViewRestrictionsFromMemory, Page):
    """A general page composed of blocks: about EXPOO, the team, statements, and so on."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")

    def public_children(self):
        """The live pages below this one that anyone may see ("In this section")."""
        return restrictions.public(self.get_children().live())


class NewsIndexPage(restrictions.ViewRestrictionsFromMemory, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pages.NewsItemPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = restrictions.public(NewsItemPage.objects.child_of(self).live()).order_by("-date", "-pk")
        context["page_obj"] = Paginator(items, 10).get_page(request.GET.get("page"))
        return context


class NewsItemPage(restrictions.ViewRestrictionsFromMemory, Page):
    date = models.DateField(_("date"))
    intro = models.TextField(_("summary"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField("core.Theme", blank=True, verbose_name=_("themes"))

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("intro"), FieldPanel("body"), FieldPanel("themes")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body"), index.FilterField("date")]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(restrictions.ViewRestrictionsFromMemory, AbstractEmailForm):
    """The contact form: submissions are kept in the admin and mailed to the team."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("E-mail"),
        ),
    ]
    max_count = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        """Wagtail's form handling, limited per sender (the logged-in person or the e-mail address
        entered) and per client address: over the limit the form comes back with a message, status
        429, and nothing is stored or mailed."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        account = request.user.pk if request.user.is_authenticated else _sender_address(form, request.POST)
        refusal = ratelimit.refusal(request, "contact", account=account)
        if refusal:
            ratelimit.refuse(form, refusal)
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=429)
        if form.is_valid():
            ratelimit.record(request, "contact", account=account)
            return self.render_landing_page(request, self.process_form_submission(form), *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)


def _sender_address(form, data) -> str | None:
    """The value of the form's first e-mail field, as typed."""
    for name, field in form.fields.items():
        if isinstance(field, forms.EmailField):
            return data.get(name) or None
    return None


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The pages every footer links to; editors pick them once per site."""

    about_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("about EXPOO")
    )
    accessibility_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("accessibility statement")
    )
    privacy_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("privacy statement")
    )
    contact_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("contact")
    )
    address = models.TextField(_("address"), blank=True, default="")

    panels = [
        FieldPanel("about_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
        FieldPanel("contact_page"),
        FieldPanel("address"),
    ]

    class Meta:
        verbose_name = _("footer")
