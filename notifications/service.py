"""One call for every side effect that tells people something: `notify(...)`."""

import contextlib
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification
from .tasks import send_email

_state = threading.local()


@contextlib.contextmanager
def muted():
    """Record nothing and send nothing inside this block (demo data, bulk imports)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def notify(verb: str, *, recipients: Iterable, template: str, context: dict, url: str = "", email: bool = True) -> None:
    """Record a notification for each recipient (users or bare e-mail addresses) and queue its e-mail.

    `template` names a pair `notifications/email/<template>_subject.txt` and `..._body.txt`.
    E-mails are queued after the surrounding transaction commits, so a rolled-back action sends nothing.
    """
    if getattr(_state, "muted", False):
        return
    absolute_url = f"{settings.BASE_URL}{url}" if url.startswith("/") else url
    for recipient in recipients:
        # Mail goes out in Dutch: the platform's first language, whatever page triggered it.
        with translation.override(settings.LANGUAGE_CODE):
            ctx = {**context, "recipient": recipient, "url": absolute_url, "site_name": settings.WAGTAIL_SITE_NAME}
            subject = " ".join(render_to_string(f"notifications/email/{template}_subject.txt", ctx).split())
            body = render_to_string(f"notifications/email/{template}_body.txt", ctx)
        address = recipient if isinstance(recipient, str) else recipient.email
        if not isinstance(recipient, str):
            Notification.objects.create(recipient=recipient, verb=verb, subject=subject, body=body, url=url)
        if email and address:
            transaction.on_commit(lambda a=address, s=subject, b=body: send_email.enqueue([a], s, b))
