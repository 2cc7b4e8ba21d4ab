"""Roles are Django groups. This module is the one place that says which permissions each has."""

from django.utils.translation import gettext_lazy as _

EXPOO_TEAM = "EXPOO-team"
COMMISSION_MEMBER = "Commissielid"
COMMISSION_CHAIR = "Commissievoorzitter"
ADMINISTRATOR = "Beheerder"

ROLE_LABELS = {
    EXPOO_TEAM: _("EXPOO team"),
    COMMISSION_MEMBER: _("Commission member"),
    COMMISSION_CHAIR: _("Commission chair"),
    ADMINISTRATOR: _("Administrator"),
}

# The roles that reach unpublished work and personal data: they log in with a second factor
# (accounts/two_factor.py) and their sessions end sooner (accounts/middleware.py).
STRICT_LOGIN_ROLES = (EXPOO_TEAM, COMMISSION_MEMBER, COMMISSION_CHAIR, ADMINISTRATOR)

# "app_label.codename" per role; "*" means every permission there is.
ROLE_PERMISSIONS = {
    EXPOO_TEAM: [
        "wagtailadmin.access_admin",
        "accounts.decide_organisation_request",
        "organisations.add_organisation",
        "organisations.change_organisation",
        "organisations.view_organisation",
        *[f"core.view_{model}" for model in ("theme", "targetgroup", "agegroup", "supportfunction", "setting")],
        "practices.manage_practices",
        # The Toolbox: editors draft, publish and import publications.
        *[f"toolbox.{action}_publication" for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")],
        # The agenda: moderate proposed events, add EXPOO's own, keep them in the admin.
        "events.moderate_events",
        *[f"events.{action}_event" for action in ("add", "change", "delete", "view")],
        # The synonyms and abbreviations the search expands (CLB, HvhK, ...).
        *[f"sitesearch.{action}_synonym" for action in ("add", "change", "delete", "view")],
    ],
    COMMISSION_MEMBER: ["practices.review_practices"],
    COMMISSION_CHAIR: ["practices.review_practices", "practices.chair_commission"],
    ADMINISTRATOR: ["*"],
}
# Page permissions on the whole tree, per role (Wagtail's GroupPagePermission).
ROLE_PAGE_PERMISSIONS = {
    EXPOO_TEAM: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
ROLE_COLLECTION_PERMISSIONS = {
    EXPOO_TEAM: [
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ],
    ADMINISTRATOR: [
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
    ],
}


def _permissions(specs):
    from django.contrib.auth.models import Permission

    if "*" in specs:
        return list(Permission.objects.all())
    perms = []
    for spec in dict.fromkeys(specs):
        app_label, codename = spec.split(".", 1)
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm:
            perms.append(perm)
    return perms


def sync_roles(**kwargs) -> None:
    """Create the role groups and give them exactly the permissions declared above."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # post_migrate reaches apps one by one; make sure every app's permissions exist first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # ... and Wagtail's publish, lock and unlock permissions of snippets with drafts (Toolbox).
    from wagtail.snippets.models import create_extra_permissions

    create_extra_permissions(apps.get_app_config("wagtailsnippets"))
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for name in ROLE_LABELS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(ROLE_PERMISSIONS[name]))
        root = Page.get_first_root_node()
        if root:
            for codename in ROLE_PAGE_PERMISSIONS.get(name, []):
                perm = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
                if perm:
                    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        collection = Collection.get_first_root_node()
        if collection:
            for perm in _permissions(ROLE_COLLECTION_PERMISSIONS.get(name, [])):
                GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=perm)


def needs_strict_login(user) -> bool:
    """Team, commission members, the chair and administrators (superusers and Django staff too)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or user.groups.filter(name__in=STRICT_LOGIN_ROLES).exists()


def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=ADMINISTRATOR).exists())
