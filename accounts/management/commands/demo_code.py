"""manage.py demo_code <email>: print the current two-factor code of a demo account."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor
from accounts.models import User
from core.demo.util import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current 6-digit login code of a demo account (only where demo data is allowed)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="a demo account, e.g. redactie@expoo.example")

    def handle(self, *args, email, **options):
        if not getattr(settings, "EXPOO_ALLOW_DEMO", True):
            raise CommandError("Demo data is disabled here (EXPOO_ALLOW_DEMO is off, as on any HTTPS production site).")
        user = User.objects.filter(email__iexact=email.strip()).first()
        device = two_factor.confirmed_totp(user) if user else None
        # Only the published demo key: this command never reveals a real person's code.
        if device is None or device.key != DEMO_TOTP_KEY:
            raise CommandError(f"{email} is not a demo account with the demo authenticator key.")
        code, wait = two_factor.usable_code(device)
        if wait:  # the current code was just used: the next one is accepted from the next time step
            self.stderr.write(f"The current code was just used; this one works in {wait:.0f} s.")
        self.stdout.write(code)
