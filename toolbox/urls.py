from django.urls import path

from . import oai, views
from .feeds import NewPublicationsFeed, NewPublicationsRssFeed

app_name = "toolbox"
urlpatterns = [
    path("toolbox/", views.toolbox, name="list"),
    path("toolbox/feed/atom/", NewPublicationsFeed(), name="feed_atom"),
    path("toolbox/feed/rss/", NewPublicationsRssFeed(), name="feed_rss"),
    path("toolbox/oai/", oai.endpoint, name="oai"),
    path("toolbox/export/<slug:fmt>/", views.export_list, name="export_list"),
    path("toolbox/<slug:slug>/", views.publication_detail, name="detail"),
    path("toolbox/<slug:slug>/export/<slug:fmt>/", views.export_one, name="export_one"),
]
