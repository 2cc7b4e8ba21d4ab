from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import login_views as accounts_login_views
from core import health
from core import views as core_views
from events.feeds import EventSitemap
from organisations.sitemaps import OrganisationSitemap
from practices.feeds import PracticeSitemap
from toolbox.feeds import PublicationSitemap

sitemaps = {
    "pages": PageSitemap,
    "organisations": OrganisationSitemap,
    "practices": PracticeSitemap,
    "publications": PublicationSitemap,
    "events": EventSitemap,
}

urlpatterns = [
    # Wagtail's own login form would skip the second factor: it sends to the site's login instead.
    path("beheer/login/", accounts_login_views.admin_login, name="admin_login"),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Outside the language prefix; core.health.HealthCheckMiddleware answers them before anything else.
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("expoo.api_urls")),
]

urlpatterns += i18n_patterns(
    path("account/privacy/", include("privacy.urls")),
    path("account/", include("accounts.urls")),
    path("organisaties/", include("organisations.urls")),
    path("aanbod-in-de-regio/", include("organisations.region_urls")),
    path("zoeken/", core_views.search, name="search"),
    path("", include("practices.urls")),
    path("", include("toolbox.urls")),
    path("", include("events.urls")),
    # Wagtail's login for private pages and documents would skip the second factor, like /beheer/login/.
    path("_util/login/", accounts_login_views.admin_login, {"default_next": "/"}, name="frontend_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
