from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self):
        from . import (
            body,
            facets,  # noqa: F401  (keeps the facet index's version stamp)
            tasks,  # noqa: F401  (stores the references of changed publications)
        )

        body.connect_signals()  # renews the publications' page stamps and stores their bodies
