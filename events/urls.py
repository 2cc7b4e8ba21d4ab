from django.urls import path

from . import moderation, views
from .feeds import NewEventsFeed

app_name = "events"
urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/maand/<int:year>/<int:month>/", views.month, name="month"),
    path("agenda/archief/", views.archive, name="archive"),
    path("agenda/ical/", views.agenda_ics, name="ical"),
    path("agenda/feed/", NewEventsFeed(), name="feed"),
    path("agenda/voorstellen/", moderation.propose, name="propose"),
    path("agenda/voorstel/<int:pk>/", moderation.proposal, name="proposal"),
    path("agenda/voorstel/<int:pk>/opnieuw-indienen/", moderation.resubmit, name="resubmit"),
    path("agenda/moderatie/", moderation.queue, name="queue"),
    path("agenda/moderatie/nieuw/", moderation.team_new, name="team_new"),
    path("agenda/moderatie/<int:pk>/", moderation.moderate, name="moderate"),
    path("agenda/<slug:slug>.ics", views.event_ics, name="ics"),
    path("agenda/<slug:slug>/", views.detail, name="detail"),
]
