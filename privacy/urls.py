from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("gegevens-downloaden/", views.download, name="download"),
    path("account-wissen/", views.erase, name="erase"),
    path("gewist/", views.erased, name="erased"),
]
