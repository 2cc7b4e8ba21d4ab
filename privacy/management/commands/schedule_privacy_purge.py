from django.core.management.base import BaseCommand

from privacy.tasks import ensure_scheduled


class Command(BaseCommand):
    help = "Queue the daily purge of personal data past its retention period, unless already queued."

    def handle(self, *args, **options):
        self.stdout.write("Daily purge queued." if ensure_scheduled() else "Daily purge was already queued.")
