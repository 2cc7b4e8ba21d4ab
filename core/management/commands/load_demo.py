"""manage.py load_demo: load the fictional demo content; safe to run again."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.demo import DEMO_PASSWORD, USERS, load_demo


class Command(BaseCommand):
    help = "Load fictional demo data (taxonomy, organisations, accounts, pages). Idempotent: existing objects are left alone."

    def handle(self, *args, **options):
        if not getattr(settings, "EXPOO_ALLOW_DEMO", True):
            # The demo accounts have a published password: never on a real production site.
            raise CommandError("Demo data is disabled here (EXPOO_ALLOW_DEMO is off, as on any HTTPS production site).")
        started = time.monotonic()
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)  # not a line per page created and published
        try:
            stats = load_demo()
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - started:.1f} s:"))
        for line in stats.lines():
            self.stdout.write(line)
        if stats.created["users"]:
            accounts = ", ".join(user["email"] for user in USERS if user["email"].endswith("@expoo.example"))
            self.stdout.write(f"Demo accounts ({accounts}) use the password {DEMO_PASSWORD!r}. For local use only.")
            self.stdout.write("Staff accounts log in with a second step: `manage.py demo_code <email>` prints the code.")
