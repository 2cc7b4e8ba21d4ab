"""Login and session events for the "expoo.security" logger, as structured fields in `extra`.

Never an e-mail address, password, code or client address in clear: the client is a keyed hash
(core.ratelimit.keyed_hash), enough to see that attempts come from one place.
"""

import logging

from core.ratelimit import client_address, keyed_hash

logger = logging.getLogger("expoo.security")

LOGIN_SUCCEEDED = "login.succeeded"
LOGIN_FAILED = "login.failed"
TWO_FACTOR_FAILED = "login.2fa_failed"
LOGOUT = "logout"
SESSION_EXPIRED = "session.expired"
TWO_FACTOR_ENROLLED = "2fa.enrolled"
RECOVERY_CODES_RENEWED = "2fa.recovery_codes_renewed"
TWO_FACTOR_RESET = "2fa.reset"

_WARNINGS = {LOGIN_FAILED, TWO_FACTOR_FAILED, TWO_FACTOR_RESET}


def log_event(event: str, request=None, *, user_id=None, **fields) -> None:
    """Emit one security event; `fields` are extra structured values (method, reason, ...)."""
    extra = {"event": event, "user_id": user_id, **fields}
    if request is not None:
        extra["client"] = keyed_hash(client_address(request))
    logger.log(logging.WARNING if event in _WARNINGS else logging.INFO, event, extra=extra)
