"""Settings for the server that test_durability.py starts and kills: the test settings with rate
limits raised out of reach (the test sends many forms from one address on purpose)."""

from expoo.settings.test import *  # noqa: F403

EXPOO_RATE_LIMITS = {  # noqa: F405
    scope: {kind: (1_000_000, window) for kind, (_, window) in limits.items()}
    for scope, limits in EXPOO_RATE_LIMITS.items()  # noqa: F405
}
