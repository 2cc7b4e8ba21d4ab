"""Demo data for local development and demonstrations: plain Python data plus small loaders.

Everything here is fictional. `load_demo()` is idempotent: it looks every object up by a natural key
(slug, e-mail address, or slug under the parent page) and only creates what is missing, so a second
run creates nothing and never overwrites what an editor changed.
"""

from django.db import transaction

from notifications.service import muted
from sitesearch.tasks import gathered

from .dossiers import load_dossiers
from .events import load_events
from .organisations import load_approval_queue, load_organisations, load_service_areas
from .pages import load_pages
from .practices import load_practices
from .publications import load_publications
from .taxonomy import load_taxonomy
from .users import USERS, load_users, team_editor
from .util import DEMO_PASSWORD, Stats

__all__ = ["DEMO_PASSWORD", "USERS", "load_demo"]


def load_demo() -> Stats:
    stats = Stats()
    # Demo content tells nobody anything: no notifications, no e-mail. The site search indexes
    # what the loaders made once, at the end, not at every save.
    with transaction.atomic(), muted(), gathered():
        load_taxonomy(stats)
        load_organisations(stats)
        load_service_areas(stats)
        load_users(stats)
        load_approval_queue(stats, decided_by=team_editor())
        load_pages(stats)
        load_practices(stats)
        load_publications(stats)
        load_dossiers(stats)  # cites publications and practices by slug
        load_events(stats)
    return stats
