"""The read-only JSON API of the directory of organisations: public (approved) organisations only,
filtered like the list, and by the municipality or postcode they serve."""

from django.db.models import Exists, OuterRef, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.pagination import PageNumberPagination

from core.api import BAD_FILTER, NOT_FOUND
from core.search import clean_param, clean_query

from .models import Municipality, Organisation, OrganisationKind, Province, ServiceArea
from .region import MAX_LENGTH, find_municipality


class OrganisationAddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    postcode = serializers.CharField()
    municipality = serializers.CharField(allow_null=True)
    province = serializers.CharField(allow_null=True)


class OrganisationContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField()
    website = serializers.URLField(allow_blank=True)


class OrganisationSerializer(serializers.Serializer):
    """One organisation as the public may see it."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    kind_label = serializers.CharField()
    description = serializers.CharField()
    url = serializers.CharField()
    address = OrganisationAddressSerializer()
    contact = OrganisationContactSerializer()
    themes = serializers.ListField(child=serializers.SlugField())
    service_area = serializers.ChoiceField(
        choices=ServiceArea.choices,
        help_text="municipalities: the listed municipalities (and where it is located); province: also its whole province; "
        "region: all of Flanders and Brussels.",
    )
    served_municipalities = serializers.ListField(
        child=serializers.CharField(), help_text="Dutch names of the listed municipalities."
    )

    def to_representation(self, o):
        located = o.municipality if o.municipality_id else None
        return {
            "slug": o.slug,
            "name": o.name,
            "kind": o.kind,
            "kind_label": str(o.get_kind_display()),
            "description": o.description,
            "url": o.get_absolute_url(),
            "address": {
                "street": o.street,
                "postcode": o.postcode,
                "municipality": located.name if located else None,
                "province": located.province.name if located else None,
            },
            "contact": {"name": o.contact_name, "email": o.email, "phone": o.phone, "website": o.website},
            "themes": [t.slug for t in o.themes.all()],
            "service_area": o.service_area,
            "served_municipalities": [m.name for m in o.served_municipalities.all()],
        }


def api_queryset():
    return (
        Organisation.objects.public()
        .select_related("municipality__province")
        .prefetch_related("themes", "served_municipalities")
        .order_by("name", "pk")
    )


class Pagination(PageNumberPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "per_pagina"
    page_query_param = "page"


FILTER_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Zoekt in de naam en de gemeente"),
    OpenApiParameter("soort", OpenApiTypes.STR, enum=OrganisationKind.values, description="Soort organisatie"),
    OpenApiParameter("provincie", OpenApiTypes.STR, description="Slug van de provincie waar de organisatie gevestigd is"),
    OpenApiParameter(
        "gemeente",
        OpenApiTypes.STR,
        description="Organisaties die deze gemeente bedienen: naam (hoofdletters en accenten maken niet uit), "
        "postcode of NIS-code. Een postcode of naam die bij meer gemeenten past, geeft 400 met de keuzes.",
    ),
    OpenApiParameter("postcode", OpenApiTypes.STR, description="Organisaties die een gemeente met deze postcode bedienen"),
]


def _served(queryset, municipalities):
    ids = [m.pk for m in municipalities]
    union = Organisation.objects.none()
    for municipality in municipalities:
        union = union | Organisation.objects.serving(municipality)
    return queryset.filter(Exists(union.filter(pk=OuterRef("pk")))) if ids else queryset.none()


def filtered(params):
    """The public organisations matching the API's filters; an unknown value is a 400 with a Dutch message."""
    queryset = api_queryset()
    errors = {}
    if query := clean_query(params.get("q")):
        queryset = queryset.filter(Q(name__icontains=query) | Q(municipality__name__icontains=query))
    if kind := clean_param(params.get("soort"), 40):
        if kind in OrganisationKind.values:
            queryset = queryset.filter(kind=kind)
        else:
            errors["soort"] = [f"Onbekende soort. Kies uit: {', '.join(OrganisationKind.values)}."]
    if province := clean_param(params.get("provincie"), 60):
        if Province.objects.filter(slug=province).exists():
            queryset = queryset.filter(municipality__province__slug=province)
        else:
            errors["provincie"] = [
                f"Onbekende provincie. Kies uit: {', '.join(Province.objects.values_list('slug', flat=True))}."
            ]
    if (wanted := clean_param(params.get("gemeente"), MAX_LENGTH).strip()) and "gemeente" not in errors:
        lookup = find_municipality(wanted)
        if lookup.municipality:
            queryset = _served(queryset, [lookup.municipality])
        elif lookup.choices:
            errors["gemeente"] = [f"Meer gemeenten passen: {', '.join(m.name for m in lookup.choices)}. Kies er één."]
        else:
            errors["gemeente"] = ["Onbekende gemeente of postcode in Vlaanderen of Brussel."]
    if postcode := (params.get("postcode") or "").strip():
        municipalities = list(Municipality.objects.filter(postcodes__code=postcode[:4]).distinct()) if postcode.isdigit() else []
        if municipalities and len(postcode) == 4:
            queryset = _served(queryset, municipalities)
        else:
            errors["postcode"] = ["Onbekende postcode in Vlaanderen of Brussel (vier cijfers)."]
    if errors:
        raise ValidationError(errors)
    return queryset


@extend_schema(
    parameters=FILTER_PARAMETERS,
    responses={200: OrganisationSerializer, 400: BAD_FILTER, 404: NOT_FOUND},
    summary="Organisaties zoeken en filteren",
)
class OrganisationListView(ListAPIView):
    serializer_class = OrganisationSerializer
    pagination_class = Pagination

    def get_queryset(self):
        return filtered(self.request.query_params)


@extend_schema(responses={200: OrganisationSerializer, 404: NOT_FOUND}, summary="Eén organisatie")
class OrganisationDetailView(RetrieveAPIView):
    serializer_class = OrganisationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return api_queryset()
