from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("export.csv", views.organisation_csv, name="csv"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
