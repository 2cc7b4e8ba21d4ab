"""What the JSON API's endpoints share: their error answers as the OpenAPI schema documents them
(drf-spectacular), and the JSON 404 for every path under /api/ that no view answers (a slug with
characters a slug cannot have, for one), so that the API never answers with an HTML page."""

from django.http import JsonResponse
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound

NOT_FOUND = OpenApiResponse(
    inline_serializer("Fout", {"detail": serializers.CharField()}),
    description="Niet gevonden: geen gepubliceerd object met deze slug, of een pagina die niet bestaat.",
)
BAD_FILTER = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description="Een onbekende filterwaarde: per parameter de foutmeldingen.",
)


def not_found(request) -> JsonResponse:
    """The 404 of any path under /api/ (core.views.page_not_found sends them here)."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
