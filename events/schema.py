"""schema.org Event data for an event's page (JSON-LD), from what the page itself shows."""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from practices.text import plain

from .models import EVENT_TZ

MODES = {
    "on_site": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _absolute(path: str) -> str:
    return path if path.startswith("http") else f"{settings.BASE_URL}{path}"


def _place(event):
    address = {"@type": "PostalAddress", "addressCountry": "BE"}
    if event.street:
        address["streetAddress"] = event.street
    if event.postcode:
        address["postalCode"] = event.postcode
    if event.municipality_id:
        address["addressLocality"] = event.municipality.name
        address["addressRegion"] = event.municipality.province.name
    return {
        "@type": "Place",
        "name": event.venue_name or (event.municipality.name if event.municipality_id else ""),
        "address": address,
    }


def event_json_ld(event) -> dict:
    sessions = event.ordered_sessions()
    url = _absolute(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or plain(event.description)[:500],
        "url": url,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODES[event.attendance],
        "inLanguage": "nl-BE",
    }
    if sessions:
        data["startDate"] = timezone.localtime(sessions[0].start, EVENT_TZ).isoformat()
        data["endDate"] = timezone.localtime(max(s.end for s in sessions), EVENT_TZ).isoformat()
    if len(sessions) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": session.title or event.title,
                "startDate": timezone.localtime(session.start, EVENT_TZ).isoformat(),
                "endDate": timezone.localtime(session.end, EVENT_TZ).isoformat(),
            }
            for session in sessions
        ]
    locations = []
    if event.is_on_site:
        locations.append(_place(event))
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url or event.registration_url or url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    offer = {
        "@type": "Offer",
        "price": "0" if event.is_free else f"{event.price:.2f}" if event.price is not None else None,
        "priceCurrency": "EUR",
        "availability": "https://schema.org/InStock",
        "url": event.registration_url or url,
    }
    if event.registration_deadline:
        offer["validThrough"] = event.registration_deadline.isoformat()
    data["offers"] = {k: v for k, v in offer.items() if v is not None}
    if event.is_free:
        data["isAccessibleForFree"] = True
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    organisers = []
    if event.is_expoo:
        organisers.append({"@type": "Organization", "name": "EXPOO", "url": _absolute("/")})
    for organisation in event.organisers.all():
        entry = {"@type": "Organization", "name": organisation.name}
        if organisation.is_public:  # like the page: only a public organisation's page is linked
            entry["url"] = _absolute(organisation.get_absolute_url())
        organisers.append(entry)
    if organisers:
        data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    return data


def json_ld_script(event) -> str:
    """The <script type="application/ld+json"> element; <, > and & escaped so text cannot end it."""
    text = json.dumps(event_json_ld(event), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - JSON with <, >, & escaped
