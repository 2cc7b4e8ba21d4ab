"""A practice's description, section by section, its frozen versions, comments and materials."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..workflow import Phase


class Description(models.Model):
    """A practice's text in the grondplan. The draft is edited; each submission freezes a copy
    (a version) that belongs to a review round and never changes again."""

    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="descriptions")
    template = models.ForeignKey("practices.DescriptionTemplate", on_delete=models.PROTECT, related_name="descriptions")
    is_draft = models.BooleanField(default=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=0, help_text=_("0 for the draft; 1, 2, … for each submission."))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["practice", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["practice"], condition=models.Q(is_draft=True), name="one_draft_per_practice"),
            models.UniqueConstraint(
                fields=["practice", "version"], condition=models.Q(is_draft=False), name="unique_version_per_practice"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice} — {'draft' if self.is_draft else f'v{self.version}'}"

    def section_map(self) -> dict:
        return {s.key: s for s in self.sections.all()}


class DescriptionSection(models.Model):
    """The text of one template section. `revision` guards against two people overwriting each other."""

    description = models.ForeignKey(Description, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=60)
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.DESCRIPTION)
    body = models.TextField(_("text"), blank=True, help_text=_("Plain text with simple formatting (Markdown)."))
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["description", "key"], name="unique_section_per_description")]

    def __str__(self) -> str:
        return self.key

    @property
    def is_filled(self) -> bool:
        return bool(self.body.strip())


class CommentKind(models.TextChoices):
    READ_ALONG = "read_along", _("Read-along feedback from the EXPOO team")
    REPLY = "reply", _("Reply from the writers")
    PARTICIPANT = "participant", _("Comment from a participant")
    FEEDBACK = "feedback", _("Commission feedback")


class Comment(models.Model):
    """A comment anchored to one section of a description (draft or version)."""

    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="comments")
    description = models.ForeignKey(Description, on_delete=models.CASCADE, related_name="comments")
    section_key = models.SlugField(max_length=60)
    kind = models.CharField(max_length=16, choices=CommentKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.section_key}: {self.body[:40]}"


def material_path(instance, filename):
    # Outside any public URL: files are served by a view that checks permission.
    # Always a random name ending in .pdf, whatever the uploader called the file.
    return f"private/practices/{instance.practice_id}/{uuid.uuid4().hex}.pdf"


class Material(models.Model):
    """A PDF attached to a practice; public only when the practice's description is published
    and the material is marked public."""

    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF file"), upload_to=material_path)
    size = models.PositiveIntegerField(default=0)
    is_public = models.BooleanField(_("show on the public page once published"), default=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
