"""Every change to publications that is more than an editor's save in the admin: one function each,
checking, writing in one transaction and recording the entry in Wagtail's audit log."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .importing import Prepared
from .models import PublicationAuthor


def can_import(user, publish: bool = False) -> tuple[bool, str]:
    """Editors who may add publications may import a library; publishing it at once takes the
    permission to publish."""
    if not (user.is_authenticated and user.has_perm("toolbox.add_publication")):
        return False, _("You may not add publications.")
    if publish and not user.has_perm("toolbox.publish_publication"):
        return False, _("You may not publish publications.")
    return True, ""


def import_publications(prepared: list[Prepared], *, by=None, publish: bool = False) -> list:
    """Create the checked publications, all or none: drafts unless `publish`, each with a first
    revision and an audit entry, as if an editor had made them in the admin. `by` is None for the
    management command, which runs with the rights of whoever may run it."""
    if by is not None:
        allowed, reason = can_import(by, publish)
        if not allowed:
            raise PermissionDenied(reason)
    created = []
    with transaction.atomic():
        for item in prepared:
            publication = item.publication
            publication.live = False
            publication.authors = [
                PublicationAuthor(kind=kind, name=name, given_names=given, sort_order=order)
                for order, (kind, name, given) in enumerate(item.authors)
            ]
            publication.themes = item.themes
            publication.save()
            revision = publication.save_revision(user=by, clean=False)
            log(publication, "wagtail.create", user=by, revision=revision, content_changed=True)
            if publish:
                revision.publish(user=by, skip_permission_checks=True)  # checked above
            created.append(publication)
    return created
