from django.core.management.base import BaseCommand

from practices.tasks import ensure_scheduled


class Command(BaseCommand):
    help = "Queue the daily practice reminders (overdue reviews, re-assessments) unless already queued."

    def handle(self, *args, **options):
        self.stdout.write("Daily reminders queued." if ensure_scheduled() else "Daily reminders were already queued.")
