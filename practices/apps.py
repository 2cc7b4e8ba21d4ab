from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practice database")

    def ready(self):
        from . import (
            body,  # noqa: F401  (renews the practices' page stamps and stores their bodies)
            dashboard,  # noqa: F401  (registers the dashboard panels)
            facets,  # noqa: F401  (keeps the facet index's version stamp)
        )
