"""Shared pieces of the security suite (test_security_*.py): the demo people per role, logging in
over plain HTTP with `requests`, and filling a form the way a browser would send it."""

import json
import re
from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup

from core.demo.util import DEMO_PASSWORD

# One demo person per role (core/demo/users.py). "other_org_admin" administers Huis van het Kind
# Lier; the objects of "another organisation" are picked so that they do not belong to Lier.
ROLES = {
    "anonymous": None,
    "member": "lid@expoo.example",  # member of Huis van het Kind Lier
    "org_admin": "orgbeheerder@expoo.example",  # administrator of Lier, member of De Wegwijzer Antwerpen
    "team": "redactie@expoo.example",
    "commission": "commissielid@expoo.example",
    "chair": "voorzitter@expoo.example",
    "administrator": "beheerder@expoo.example",
}


class Session(requests.Session):
    """A `requests` session against the live server: relative URLs, the CSRF token at hand."""

    def __init__(self, base_url: str, role: str = "anonymous"):
        super().__init__()
        self.base_url = base_url
        self.role = role
        self.headers["Accept-Language"] = "nl-BE"

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return super().request(method, urljoin(self.base_url, url), *args, **kwargs)

    def get(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)  # requests' own get() would follow them
        return self.request("GET", url, **kwargs)

    @property
    def csrf_token(self) -> str:
        if "csrftoken" not in self.cookies:
            self.get("/account/inloggen/")
        return self.cookies.get("csrftoken", "")

    def post_form(self, url, data, files=None, **kwargs):
        """POST as the site's own form would: token in the body, Referer of the same site."""
        data = dict(data)
        data["csrfmiddlewaretoken"] = self.csrf_token
        headers = {"Referer": urljoin(self.base_url, url), **kwargs.pop("headers", {})}
        return self.post(url, data=data, files=files, headers=headers, **kwargs)


def log_in(base_url: str, role: str) -> Session:
    """A session of the demo person of `role`, logged in through the login form (and the second
    step with the code accounts/testing.py computes from the stored key)."""
    session = Session(base_url, role)
    email = ROLES[role]
    if email is None:
        return session
    response = session.post_form("/account/inloggen/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, f"login of {role} failed: {response.status_code}"
    if "/inloggen/code/" in response.headers["Location"]:
        from accounts.models import User
        from accounts.testing import current_code

        code = current_code(User.objects.get(email__iexact=email))
        response = session.post_form("/account/inloggen/code/", {"code": code})
        assert response.status_code == 302, f"second step of {role} failed: {response.status_code}"
    assert session.get("/account/").status_code == 200, f"{role} is not logged in"
    return session


# Filling forms -----------------------------------------------------------------------------------

_SKIP_TYPES = {"submit", "button", "reset", "image", "file", "password"}


def form_fields(html: str, form_selector: str = "main form[method=post], main form[method=POST]"):
    """The fields of the first matching form as a browser would send them untouched, plus the kind
    of each field: {name: [value or list, kind, choices, maxlength]}."""
    soup = BeautifulSoup(html, "lxml")
    form = soup.select_one(form_selector) or soup.select_one("form[method=post]")
    assert form is not None, "no form on the page"
    fields: dict[str, list] = {}
    for element in form.select("input, textarea, select"):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            fields[name] = [element.text, "textarea", [], element.get("maxlength")]
        elif element.name == "select":
            options = [o.get("value", o.text) for o in element.select("option")]
            chosen = [o.get("value", o.text) for o in element.select("option[selected]")]
            multiple = element.has_attr("multiple")
            fields[name] = [chosen if multiple else (chosen[0] if chosen else ""), "select", options, None]
        else:
            kind = (element.get("type") or "text").lower()
            if kind in _SKIP_TYPES:
                continue
            if kind in ("checkbox", "radio"):
                entry = fields.setdefault(name, [[] if kind == "checkbox" else "", kind, [], None])
                entry[2].append(element.get("value", "on"))
                if element.has_attr("checked"):
                    if kind == "checkbox":
                        entry[0].append(element.get("value", "on"))
                    else:
                        entry[0] = element.get("value", "on")
            else:
                fields[name] = [element.get("value", ""), kind, [], element.get("maxlength")]
    return fields


# Text inputs that hold something else than free text (Wagtail's date pickers, slugs, numbers).
KEEP = {"slug", "go_live_at", "expire_at", "year", "doi", "isbn", "issn", "pages", "volume", "issue", "postcode", "phone"}


def is_text_field(name: str, kind: str) -> bool:
    return (
        kind in ("text", "textarea", "search")
        and not name.startswith(("csrf", "form-", "sessions-"))
        and not re.search(r"(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$", name)
    )


def fill(fields: dict, text_for, url_value="https://example.org/xss", overrides=None) -> dict:
    """Form data: every free-text field gets `text_for(name)`; choices get their first option when
    empty; URL, e-mail, date and time fields a valid value; `overrides` last."""
    data = {}
    for name, (value, kind, choices, maxlength) in fields.items():
        if is_text_field(name, kind) and name not in KEEP:
            value = text_for(name)[: int(maxlength or 100_000)]
        elif kind == "url":
            value = url_value
        elif kind == "email":
            value = value or "xss.test@example.org"
        elif kind == "date" and not value:
            value = "2027-03-15"
        elif kind == "time" and not value:
            value = "12:00" if "end" in name else "10:00"
        elif kind == "datetime-local" and not value:
            value = "2027-03-15T10:00"
        elif kind == "number" and not value:
            value = "1"
        elif kind == "checkbox" and not value and choices:
            value = [choices[0]]
        elif kind in ("radio", "select") and not value and choices:
            value = next((c for c in choices if c), "")
        data[name] = value
    data.update(overrides or {})
    return data


def draftail(text: str, link: str | None = None) -> str:
    """The JSON a Draftail rich-text editor posts: one paragraph, optionally a link on its first word."""
    entities = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}} if link else {}
    ranges = [{"offset": 0, "length": 4, "key": 0}] if link else []
    block = {
        "key": "xss01",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": ranges,
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": entities})
