from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from organisations import api as organisations_api
from practices import api as practices_api

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("praktijken/", practices_api.PracticeListView.as_view(), name="api_practices"),
    path("praktijken/<slug:slug>/", practices_api.PracticeDetailView.as_view(), name="api_practice"),
    path("organisaties/", organisations_api.OrganisationListView.as_view(), name="api_organisations"),
    path("organisaties/<slug:slug>/", organisations_api.OrganisationDetailView.as_view(), name="api_organisation"),
]


def public_endpoints(endpoints):
    """Document only the public API, not the Wagtail admin's internal endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
