"""manage.py reset_2fa <email>: remove a person's authenticator app and recovery codes."""

from django.core.management.base import BaseCommand, CommandError

from accounts.actions import reset_two_factor
from accounts.models import User


class Command(BaseCommand):
    help = "Reset the two-factor login of one person (lost phone and recovery codes); they set it up again at their next login."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the person's e-mail address")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the e-mail address {email!r}.")
        removed = reset_two_factor(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor login of {user.email} reset ({removed} device(s) removed); set up again at the next login."
            )
        )
