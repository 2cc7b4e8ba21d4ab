"""An admin chooser for public practices (editors link them from dossiers and other pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet


class PublicPracticesMixin:
    def get_object_list(self):
        from .models import Practice

        return Practice.objects.public().order_by("title")


class ChoosePracticeView(PublicPracticesMixin, chooser_views.ChooseView):
    pass


class ChoosePracticeResultsView(PublicPracticesMixin, chooser_views.ChooseResultsView):
    pass


class PracticeChooserViewSet(ChooserViewSet):
    model = "practices.Practice"
    icon = "clipboard-list"
    choose_one_text = _("Choose a practice")
    choose_another_text = _("Choose another practice")
    per_page = 20
    choose_view_class = ChoosePracticeView
    choose_results_view_class = ChoosePracticeResultsView


practice_chooser_viewset = PracticeChooserViewSet("practice_chooser")
