from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The kinds that exist today; a new capability registers its kind in its own ready().
KIND_MODULES = [
    "practices.search_index",
    "toolbox.search_index",
    "organisations.search_index",
    "pages.search_index",
    "dossiers.search_index",
    "events.search_index",
]


class SitesearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from . import signals  # noqa: F401

        for module in KIND_MODULES:
            import_module(module)
