"""Structured logs without secrets or personal data.

- `JsonFormatter`: one JSON object per line: time (UTC), level, logger, message, the request id
  when the record was logged during a request, and every `extra` field of the record.
- `PlainFormatter`: the same record as readable text for development, scrubbed the same way.
- `ScrubFilter` (on the handler, so it covers every logger): removes passwords, tokens, session
  ids, CSRF tokens, Authorization headers and cookies, e-mail addresses, credentials in URLs and
  the secret part of password-reset and invitation links, from the message, its arguments and the
  extra fields. The formatters scrub exception text too.
- `RequestIdMiddleware`: gives every request an id (the proxy's X-Request-ID when it is sane),
  returned in the X-Request-ID response header and added to every record logged meanwhile.
- `log_access_denied(request, reason)`: the event `access.denied` on logger `expoo.security`.

This module imports only the standard library at import time: gunicorn's log configuration
(deploy/gunicorn.conf.py) uses it before Django is set up.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

REDACTED = "[redacted]"
EMAIL_REPLACEMENT = "[email]"
SECURITY_LOGGER = "expoo.security"

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("expoo_request_id", default=None)

# Keys whose value is never written, whatever it is (extra fields, dict keys, key=value pairs).
_SENSITIVE_WORDS = (
    r"pass(?:word|wd|phrase)?\d?|secret|token|session(?:id|_?key)?|csrf\w*|cookie|authori[sz]ation|api[_-]?key|"
    r"otp|totp|recovery[_-]?codes?|signature|credential|e-?mail(?:_?address)?|private[_-]?key"
)
_SENSITIVE_KEY = re.compile(rf"^[\w-]*?(?:{_SENSITIVE_WORDS})[\w-]*$", re.IGNORECASE)

_PATTERNS: list[tuple[re.Pattern, str]] = [
    # user:password@ in URLs (database, Redis, SMTP, S3 addresses)
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@"), rf"\1{REDACTED}@"),
    # Authorization / Cookie headers, in any quoting
    (
        re.compile(r"(?i)\b((?:proxy-)?authorization|(?:set-)?cookie|x-csrftoken|x-api-key)(['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n}]+"),
        rf"\1\2{REDACTED}",
    ),
    (re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}"), rf"\1 {REDACTED}"),
    # The secret part (and any query string) of password-reset and invitation links
    (
        re.compile(
            r"(?i)(/(?:wachtwoord-kiezen|uitnodiging|password-reset|reset|invitation|invite)/)(?!klaar/)[^\s'\"<>?#]+(\?[^\s'\"<>#]*)?"
        ),
        rf"\1{REDACTED}",
    ),
    # key=value and "key": "value" pairs with a sensitive key (query strings, form dumps, reprs)
    (
        re.compile(
            rf"(?i)\b([\w-]*(?:{_SENSITIVE_WORDS})[\w-]*)(['\"]?\s*[=:]\s*)(?!['\"]?{re.escape(REDACTED)})"
            r"(\"[^\"]*\"|'[^']*'|[^\s&;,'\"}\]]+)"
        ),
        rf"\1\2{REDACTED}",
    ),
    # e-mail addresses anywhere
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), EMAIL_REPLACEMENT),
]


def scrub_text(text: str) -> str:
    """The text with secrets and personal data replaced."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def scrub_value(key: str | None, value):
    """A JSON-ready copy of an extra field's value, scrubbed by key and by content."""
    if key is not None and _SENSITIVE_KEY.match(str(key)) and value not in (None, "", [], {}):
        return REDACTED
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {str(k): scrub_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [scrub_value(None, v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return scrub_text(str(value))


_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}
# Objects Django and servers attach to records that would only repeat the message (or leak a query string).
_SKIPPED_EXTRAS = {"request", "server_time", "request_id"}


def extra_fields(record: logging.LogRecord) -> dict:
    return {
        k: v
        for k, v in record.__dict__.items()
        if k not in _STANDARD_ATTRS and k not in _SKIPPED_EXTRAS and not k.startswith("_")
    }


def current_request_id() -> str | None:
    return _request_id.get()


class ScrubFilter(logging.Filter):
    """Rewrites the record in place: the message (with its arguments) and every extra field scrubbed."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_expoo_scrubbed", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = scrub_text(message), ()
        for key, value in extra_fields(record).items():
            setattr(record, key, scrub_value(key, value))
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id()
        record._expoo_scrubbed = True
        return True


class _ScrubbingFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        return scrub_text(super().formatException(ei))

    def formatStack(self, stack_info) -> str:  # noqa: N802 - logging's name
        return scrub_text(super().formatStack(stack_info))


class PlainFormatter(_ScrubbingFormatter):
    """Readable text (development): the usual line, then the extra fields as key=value."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = {k: scrub_value(k, v) for k, v in extra_fields(record).items()}
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            extras = {"request_id": request_id, **extras}
        if not extras:
            return scrub_text(line)
        first, _, rest = line.partition("\n")
        pairs = " ".join(f"{k}={json.dumps(v, ensure_ascii=False, default=str)}" for k, v in extras.items())
        return scrub_text(f"{first} {pairs}" + (f"\n{rest}" if rest else ""))


class JsonFormatter(_ScrubbingFormatter):
    """One JSON object per line (production)."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001
            message = f"{record.msg} {record.args!r}"
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub_text(message),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in extra_fields(record).items():
            if key not in entry:
                entry[key] = scrub_value(key, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = scrub_text(record.exc_text)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class HealthAccessFilter(logging.Filter):
    """Drops gunicorn's access-log lines for /health/ probes (they come every few seconds)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, dict) else {}
        return not str(args.get("U", "")).startswith("/health/")


_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Every request gets an id: the proxy's X-Request-ID when it looks like one, else a new one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


def log_access_denied(request, reason: str = "") -> None:
    """Record a refused request: path, method and user id (never the e-mail address)."""
    user = getattr(request, "user", None)
    try:
        user_id = user.pk if user is not None and user.is_authenticated else None
    except Exception:  # noqa: BLE001 - a broken session must not hide the event
        user_id = None
    logging.getLogger(SECURITY_LOGGER).warning(
        "access denied: %s %s",
        request.method,
        request.path,
        extra={
            "event": "access.denied",
            "path": request.path,
            "method": request.method,
            "user_id": user_id,
            "reason": reason,
            "status": 403,
        },
    )
