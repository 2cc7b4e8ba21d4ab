from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from privacy import actions, erasure


class Command(BaseCommand):
    help = (
        "Erase a person (their account and personal data; published practices of their organisation stay). "
        "Runs a waiting erasure request, or starts one."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="the person's e-mail address")
        parser.add_argument("--force", action="store_true", help="erase even when something still blocks it")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive", help="do not ask to confirm")

    def handle(self, *args, email, force, interactive, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None or erasure.is_erased(user):
            raise CommandError(f"No account with the e-mail address {email}.")
        reasons = [erasure.blocker_label(b) for b in erasure.blockers(user)]
        if reasons and not force:
            raise CommandError(
                "This erasure waits because of: "
                + "; ".join(reasons)
                + ". Resolve it first (appoint another organisation administrator, reassign the review), or use --force."
            )
        if interactive:
            answer = input(f"Erase {user.get_full_name() or user.email} <{user.email}> for good? Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was erased.")
        erasure_request = actions.erase_now(user)
        self.stdout.write(f"Erased (request {erasure_request.pk}): {erasure_request.summary}")
