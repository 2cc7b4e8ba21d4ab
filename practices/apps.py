from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practice database")

    def ready(self):
        from core.search import register_kind

        from . import dashboard  # noqa: F401  (registers the dashboard panels)
        from .search import site_search

        register_kind("practice", site_search, order=10)
