from django.urls import path

from . import views

app_name = "region"
urlpatterns = [
    path("", views.regional_offer, name="offer"),
]
