"""Requests for erasure and the warnings sent before an inactive account is erased.

Neither holds personal data of its own: an erasure request points at the account (which is
anonymised when the erasure runs) and records why it waits and what was erased, as counts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureSource(models.TextChoices):
    SELF = "self", _("Asked by the person")
    RETENTION = "retention", _("Inactive account (retention period)")
    ADMINISTRATOR = "administrator", _("Started by an administrator")


class ErasureStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for an administrator")
    DONE = "done", _("Erased")


class ErasureRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=ErasureStatus.WAITING)

    def done(self):
        return self.filter(status=ErasureStatus.DONE)


class ErasureRequest(models.Model):
    """One request to erase a person: run at once, or waiting until an administrator runs it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="erasure_requests", verbose_name=_("person")
    )
    source = models.CharField(_("source"), max_length=16, choices=ErasureSource.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ErasureStatus.choices, default=ErasureStatus.WAITING, db_index=True
    )
    # Why it waits: [{"code": "last_admin", "subject": "<organisation>"}, ...] (see erasure.blockers).
    blockers = models.JSONField(_("reasons to wait"), default=list, blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    completed_at = models.DateTimeField(_("erased"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("run by")
    )
    # What the erasure removed or anonymised, as counts per kind: never the data itself.
    summary = models.JSONField(default=dict, blank=True)

    objects = ErasureRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        permissions = [("run_erasure", "Can run a waiting erasure of a person")]

    def __str__(self) -> str:
        return _("Erasure request %(number)s") % {"number": self.pk}


class InactivityWarning(models.Model):
    """An inactive account was warned (or, for staff, the team was told) on this date.

    Logging in again cancels it: the next purge deletes the warning."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inactivity_warning")
    warned_at = models.DateTimeField(_("warned"))
    team_told = models.BooleanField(default=False, help_text="A staff account: the team was told instead of erasing it.")

    class Meta:
        verbose_name = _("inactivity warning")
        verbose_name_plural = _("inactivity warnings")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.warned_at:%Y-%m-%d}"
