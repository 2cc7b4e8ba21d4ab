"""The read-only JSON API of published practices (and the JSON Lines import/export use the same
shape). Only what the public may see goes out: the level decides, as everywhere."""

from django.db import transaction
from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.pagination import PageNumberPagination

from core.api import NOT_FOUND
from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from organisations.models import Organisation

from .body import practice_context
from .models import Description, DescriptionSection, DescriptionTemplate, Practice, PracticeOrganisation, PracticeRole
from .search import PracticeSearch
from .workflow import PUBLISHED_LEVELS, Level, PublicView, Status

TAXONOMY_FIELDS = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "age_groups": AgeGroup,
    "support_functions": SupportFunction,
    "settings": Setting,
}


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(max_length=200)
    name = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(choices=PracticeRole.choices)
    municipality = serializers.CharField(read_only=True, allow_null=True)
    province = serializers.CharField(read_only=True, allow_null=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.SlugField(max_length=60)
    title = serializers.CharField(read_only=True)
    phase = serializers.CharField(read_only=True)
    text = serializers.CharField(
        allow_blank=True, help_text="Markdown source as the writers typed it; sanitise it when you render it as HTML."
    )


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    email = serializers.EmailField()
    phone = serializers.CharField(max_length=40, allow_blank=True, required=False, default="")


class PracticeSerializer(serializers.Serializer):
    """One practice as the public may see it; `description` and `contact` only from goed beschreven on."""

    slug = serializers.SlugField(max_length=200)
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=1500, allow_blank=True, help_text="Empty until the description is published.")
    level = serializers.ChoiceField(choices=list(Level.choices))
    level_label = serializers.CharField(read_only=True)
    level_decided_at = serializers.DateField(allow_null=True, required=False)
    reassessment_due = serializers.DateField(allow_null=True, required=False)
    url = serializers.CharField(read_only=True)
    themes = serializers.ListField(child=serializers.SlugField(), default=list)
    target_groups = serializers.ListField(child=serializers.SlugField(), default=list)
    age_groups = serializers.ListField(child=serializers.SlugField(), default=list)
    support_functions = serializers.ListField(child=serializers.SlugField(), default=list)
    settings = serializers.ListField(child=serializers.SlugField(), default=list)
    organisations = OrganisationRefSerializer(many=True)
    duration = serializers.CharField(allow_blank=True, required=False, default="")
    costs = serializers.CharField(allow_blank=True, required=False, default="")
    contact = ContactSerializer(allow_null=True, required=False)
    description = SectionSerializer(many=True, allow_null=True, required=False)

    def to_representation(self, practice):
        context = practice_context(practice)
        full = context["view"] == PublicView.DESCRIPTION
        data = {
            "slug": practice.slug,
            "title": practice.title,
            "summary": practice.public_summary,
            "level": practice.level,
            "level_label": practice.get_level_display(),
            "level_decided_at": practice.level_decided_at.isoformat() if full and practice.level_decided_at else None,
            "reassessment_due": practice.reassessment_due.isoformat() if full and practice.reassessment_due else None,
            "url": practice.get_absolute_url(),
            "themes": [t.slug for t in context["terms"]["themes"]],
            "target_groups": [t.slug for t in context["terms"]["target_groups"]],
            "age_groups": [t.slug for t in context["terms"]["age_groups"]] if full else [],
            "support_functions": [t.slug for t in context["terms"]["support_functions"]] if full else [],
            "settings": [t.slug for t in context["terms"]["settings"]] if full else [],
            "organisations": [
                {
                    "slug": link.organisation.slug,
                    "name": link.organisation.name,
                    "role": link.role,
                    "municipality": link.organisation.municipality.name if link.organisation.municipality_id else None,
                    "province": link.organisation.municipality.province.name if link.organisation.municipality_id else None,
                }
                for link in context["links"]
                if full or link.role == PracticeRole.SUBMITTER
            ],
            "duration": practice.duration if full else "",
            "costs": practice.costs if full else "",
            "contact": {"name": practice.contact_name, "email": practice.contact_email, "phone": practice.contact_phone}
            if full
            else None,
            "description": [
                {
                    "key": row["section"].key,
                    "title": row["section"].title,
                    "phase": row["section"].phase,
                    "text": row["text"].body,
                }
                for row in context["sections"]
            ]
            if full
            else None,
        }
        return data

    # Validation for import ------------------------------------------------------------
    def validate_level(self, value):
        if value not in Level.values:
            raise serializers.ValidationError("Onbekend niveau.")
        return value

    def validate(self, data):
        errors = {}
        for field, model in TAXONOMY_FIELDS.items():
            slugs = data.get(field) or []
            known = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            unknown = [s for s in slugs if s not in known]
            if unknown:
                errors[field] = [f"Onbekende waarde(n): {', '.join(unknown)}."]
        org_slugs = [o["slug"] for o in data.get("organisations") or []]
        known_orgs = set(Organisation.objects.public().filter(slug__in=org_slugs).values_list("slug", flat=True))
        if not org_slugs:
            errors["organisations"] = ["Minstens één organisatie is nodig."]
        elif unknown := [s for s in org_slugs if s not in known_orgs]:
            errors["organisations"] = [f"Onbekende organisatie(s): {', '.join(unknown)}."]
        elif not any(o["role"] == PracticeRole.SUBMITTER for o in data["organisations"]):
            errors["organisations"] = ["Eén organisatie moet de rol 'submitter' hebben."]
        published = data.get("level") in PUBLISHED_LEVELS
        if published and not data.get("description"):
            errors["description"] = ["Een gepubliceerd niveau vraagt een beschrijving."]
        if published and not data.get("contact"):
            errors["contact"] = ["Een gepubliceerd niveau vraagt contactgegevens."]
        template = DescriptionTemplate.objects.current()
        if data.get("description") and template:
            keys = {s.key for s in template.sections.all()}
            unknown = [s["key"] for s in data["description"] if s["key"] not in keys]
            if unknown:
                errors["description"] = [f"Onbekende onderdelen: {', '.join(unknown)}."]
        if Practice.objects.filter(slug=data.get("slug")).exists():
            errors["slug"] = ["Er bestaat al een praktijk met deze slug."]
        if errors:
            raise serializers.ValidationError(errors)
        return data

    @transaction.atomic
    def create(self, data):
        """Create an imported practice at its level, with its accepted description as version 1."""
        contact = data.get("contact") or {}
        practice = Practice.objects.create(
            slug=data["slug"] or slugify(data["title"]),
            title=data["title"],
            summary=data["summary"],
            level=data["level"],
            status=Status.PUBLISHED if data["level"] in PUBLISHED_LEVELS else Status.WRITING,
            duration=data.get("duration", ""),
            costs=data.get("costs", ""),
            contact_name=contact.get("name", ""),
            contact_email=contact.get("email", ""),
            contact_phone=contact.get("phone", ""),
            level_decided_at=data.get("level_decided_at"),
            reassessment_due=data.get("reassessment_due"),
        )
        orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[o["slug"] for o in data["organisations"]])}
        for ref in data["organisations"]:
            PracticeOrganisation.objects.create(practice=practice, organisation=orgs[ref["slug"]], role=ref["role"])
        for field, model in TAXONOMY_FIELDS.items():
            getattr(practice, field).set(model.objects.filter(slug__in=data.get(field) or []))
        if data.get("description"):
            template = DescriptionTemplate.objects.current()
            phases = {s.key: s.phase for s in template.sections.all()}
            version = Description.objects.create(practice=practice, template=template, is_draft=False, version=1)
            texts = {s["key"]: s["text"] for s in data["description"]}
            DescriptionSection.objects.bulk_create(
                DescriptionSection(description=version, key=key, phase=phase, body=texts.get(key, ""))
                for key, phase in phases.items()
            )
            if data["level"] in PUBLISHED_LEVELS:
                practice.published_description = version
                practice.published_at = practice.created_at
                practice.save(update_fields=["published_description", "published_at"])
        return practice


def api_queryset():
    return (
        Practice.objects.public()
        .prefetch_related(
            "themes",
            "target_groups",
            "age_groups",
            "support_functions",
            "settings",
            "organisation_links__organisation__municipality__province",
        )
        .select_related("published_description__template")
    )


class Pagination(PageNumberPagination):
    page_size = 20
    max_page_size = 100
    page_size_query_param = "per_pagina"
    page_query_param = "page"


FILTER_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Zoektermen (titel, samenvatting, gepubliceerde beschrijving)"),
    OpenApiParameter("niveau", OpenApiTypes.STR, enum=Level.values, description="Niveau van beschrijving"),
    *[OpenApiParameter(p, OpenApiTypes.STR, description=f"Slug ({p})") for p in PracticeSearch.TERM_FACETS],
    OpenApiParameter("provincie", OpenApiTypes.STR, description="Slug van de provincie"),
    OpenApiParameter("organisatie", OpenApiTypes.STR, description="Slug van de organisatie"),
    OpenApiParameter("sorteer", OpenApiTypes.STR, enum=["relevantie", "nieuwste", "titel"]),
]


@extend_schema(
    parameters=FILTER_PARAMETERS, responses={200: PracticeSerializer, 404: NOT_FOUND}, summary="Praktijken zoeken en filteren"
)
class PracticeListView(ListAPIView):
    serializer_class = PracticeSerializer
    pagination_class = Pagination

    def get_queryset(self):
        return api_queryset()

    def list(self, request, *args, **kwargs):
        ids = PracticeSearch(request.query_params).run()
        page_ids = self.paginate_queryset(ids)
        by_pk = {p.pk: p for p in api_queryset().filter(pk__in=page_ids)}
        data = PracticeSerializer([by_pk[pk] for pk in page_ids if pk in by_pk], many=True).data
        return self.get_paginated_response(data)


@extend_schema(responses={200: PracticeSerializer, 404: NOT_FOUND}, summary="Eén praktijk")
class PracticeDetailView(RetrieveAPIView):
    serializer_class = PracticeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return api_queryset()
