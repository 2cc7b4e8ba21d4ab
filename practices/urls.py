from django.urls import path

from .feeds import PublishedPracticesFeed
from .views import public, review, team, workspace

app_name = "practices"
urlpatterns = [
    path("praktijken/", public.databank, name="databank"),
    path("praktijken/export.csv", public.databank_csv, name="databank_csv"),
    path("praktijken/feed/", PublishedPracticesFeed(), name="feed"),
    path("praktijken/materiaal/<int:pk>/", public.material_download, name="material"),
    path("praktijken/<slug:slug>/", public.practice_detail, name="detail"),
    path("praktijken/<slug:slug>/afdrukken/", public.practice_print, name="print"),
    path("werkruimte/praktijk-aanmelden/", workspace.register, name="register"),
    path("werkruimte/praktijk/<int:pk>/", workspace.workspace, name="workspace"),
    path("werkruimte/praktijk/<int:pk>/sectie/<slug:key>/", workspace.edit_section, name="edit_section"),
    path("werkruimte/praktijk/<int:pk>/sectie/<slug:key>/reactie/", workspace.comment, name="comment"),
    path("werkruimte/praktijk/<int:pk>/stap/<slug:name>/", workspace.transition, name="transition"),
    path("werkruimte/praktijk/<int:pk>/ronde/<int:number>/", workspace.round_detail, name="round"),
    path("werkruimte/praktijk/<int:pk>/volgend-niveau/", workspace.next_level, name="next_level"),
    path("werkruimte/praktijk/<int:pk>/materiaal/", workspace.materials, name="materials"),
    path("werkruimte/praktijk/<int:pk>/intake/", team.intake, name="intake"),
    path("werkruimte/praktijk/<int:pk>/meelezen-afronden/", team.return_read_along, name="return_read_along"),
    path("werkruimte/praktijk/<int:pk>/commissieleden/", team.assign, name="assign"),
    path("werkruimte/team/", team.queues, name="team"),
    path("werkruimte/team/collectieve-beschrijving/", team.new_trajectory, name="new_trajectory"),
    path("werkruimte/beoordelen/", review.to_review, name="to_review"),
    path("werkruimte/beoordeling/<int:pk>/", review.review, name="review"),
    path("werkruimte/ronde/<int:pk>/beslissing/", review.decide, name="decide"),
]
