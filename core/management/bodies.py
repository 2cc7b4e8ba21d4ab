"""The base of the commands that store the public pages' bodies of one kind (core.fragments)."""

from django.core.management.base import BaseCommand


class StoreBodiesCommand(BaseCommand):
    """Subclasses set `model` (with a `public()` queryset), `store` (ids or None -> how many stored),
    `task` (its background counterpart) and `plural` (how the output names the objects)."""

    model = None
    store = None
    task = None
    plural = ""

    def add_arguments(self, parser):
        parser.add_argument("--slug", action="append", default=[], help="only these (repeatable)")
        parser.add_argument(
            "--background", action="store_true", help="leave it to the task worker (at start-up: the site serves meanwhile)"
        )

    def handle(self, *args, slug=(), background=False, **options):
        if background:
            self.task.enqueue(None)
            self.stdout.write(
                f"the task worker will store the bodies of every public {self.plural[:-1]} that lacks a current one"
            )
            return
        public = self.model.objects.public()
        if slug:
            public = public.filter(slug__in=slug)
        pks = list(public.values_list("pk", flat=True))
        written = self.store(pks)
        self.stdout.write(f"{written} bodies of {len(pks)} public {self.plural} stored")
