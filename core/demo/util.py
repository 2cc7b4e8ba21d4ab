"""Small helpers shared by the demo loaders: counting, idempotent lookups and StreamField blocks."""

from collections import Counter

from django.utils.html import escape

DEMO_PASSWORD = "Expoo-demo-2026"  # local demo accounts only; never used outside a demo database
# The demo's staff accounts share one published authenticator key (two-factor login); add it to an
# app as EXPOODEMOEXPOODEMOEXPOODEMOEXPOO, or print the current code with `manage.py demo_code <email>`.
DEMO_TOTP_SECRET = "EXPOODEMOEXPOODEMOEXPOODEMOEXPOO"
DEMO_TOTP_KEY = "25dee70c8c712ef73864638977b9c3231c4bbdce"  # the same secret in hex, as django-otp keeps it


class Stats:
    """Counts what was created and what was already there, per kind of object."""

    def __init__(self):
        self.created = Counter()
        self.existing = Counter()
        self.notes = []

    def count(self, label: str, created: bool) -> None:
        (self.created if created else self.existing)[label] += 1

    def note(self, message: str) -> None:
        self.notes.append(message)

    def lines(self):
        for label in dict.fromkeys([*self.created, *self.existing]):
            yield f"  {label}: {self.created[label]} created, {self.existing[label]} already present"
        for message in self.notes:
            yield f"  {message}"


def get_or_create_term(model, slug, name, **defaults):
    """Find a taxonomy term by slug, else by name (an editor may have changed one of them)."""
    obj = model.objects.filter(slug=slug).first() or model.objects.filter(name=name).first()
    if obj:
        return obj, False
    return model.objects.create(slug=slug, name=name, **defaults), True


# StreamField blocks in their raw JSON form: a list of {"type": ..., "value": ...}.


def heading(text):
    return {"type": "heading", "value": text}


def text(*paragraphs):
    """Rich text from plain paragraphs; a paragraph that is a list becomes a bulleted list."""
    html = []
    for para in paragraphs:
        if isinstance(para, list | tuple):
            html.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in para) + "</ul>")
        else:
            html.append(f"<p>{escape(para)}</p>")
    return {"type": "text", "value": "".join(html)}


def quote(words, attribution=""):
    return {"type": "quote", "value": {"quote": words, "attribution": attribution}}


def cta(title, body, label, slug=None, url=""):
    """A call to action; `slug` names a page directly under the home page, resolved when loading."""
    value = {"title": title, "text": body, "link_page": None, "link_url": url, "link_label": label}
    if slug:
        value["_slug"] = slug
    return {"type": "call_to_action", "value": value}


def people(title, persons):
    """persons: (name, role, short introduction) tuples."""
    return {
        "type": "people",
        "value": {"heading": title, "people": [{"name": n, "role": r, "text": t} for n, r, t in persons]},
    }


def video(title, url, duration="", transcript=""):
    return {"type": "video", "value": {"title": title, "url": url, "duration": duration, "transcript": transcript}}
