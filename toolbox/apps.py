from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self):
        from . import (
            facets,  # noqa: F401  (keeps the facet index's version stamp)
            tasks,  # noqa: F401  (stores the references of changed publications)
        )
