from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.retention import purge


class Command(BaseCommand):
    help = (
        "Purge personal data past its retention period now: contact messages, declined account requests, expired "
        "invitations, finished background tasks, "
        "and inactive accounts (warned first, then erased). See privacy/README.md."
    )

    def handle(self, *args, **options):
        report = purge()
        self.stdout.write(
            f"Contact messages older than {settings.EXPOO_RETENTION_CONTACT_MESSAGES_DAYS} days deleted: "
            f"{report['contact_messages']}\n"
            f"Declined account requests and expired invitations deleted: {report['closed_requests']}\n"
            f"Finished background tasks deleted: {report['task_results']}\n"
            f"Inactive accounts (no login for {settings.EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS} days): "
            f"warned {report['warned']}, erased {report['erased']}, waiting for an administrator {report['waiting']}, "
            f"staff accounts reported to the team {report['team_told']}"
        )
