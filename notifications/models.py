from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message for one person, shown on their dashboard and usually also sent by e-mail."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    verb = models.CharField(
        max_length=64, db_index=True, help_text="Machine name of what happened, e.g. 'account_request.approved'."
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.subject
