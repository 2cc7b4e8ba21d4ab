"""Capabilities add panels to the personal dashboard ("Mijn EXPOO") without accounts knowing them.

A provider is `func(request) -> dict | None`; the dict names a `template` and carries its context.
"""

_providers = []


def register_panel(provider):
    _providers.append(provider)
    return provider


def panels(request) -> list[dict]:
    return [panel for provider in _providers if (panel := provider(request))]
