from django.conf import settings
from django.urls import translate_url
from wagtail.models import Site


def site_chrome(request):
    """What the base template needs on every page: the navigation and the other language's URL."""
    site = Site.find_for_request(request) if request else None
    root = site.root_page.specific if site else None
    nav_pages = root.get_children().live().public().in_menu().specific() if root else []
    other_language = {}
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    for code, name in settings.LANGUAGES:
        if code != current:
            other_language = {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
            break
    return {"nav_root": root, "nav_pages": nav_pages, "other_language": other_language}
