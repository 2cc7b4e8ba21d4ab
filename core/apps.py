from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import pagecache, security, signals  # noqa: F401 - signal handlers and deploy checks
        from .admin_scripts import patch_chooser_widgets
        from .choices import keep_choice_labels, project_models
        from .spreadsheets import patch_wagtail_csv_exports

        patch_chooser_widgets()
        patch_wagtail_csv_exports()
        pagecache.connect_signals()
        keep_choice_labels(project_models())
