"""The domain packages, in order. Nothing else names them.

Each package declares itself once, as ``domain`` in its ``__init__.py`` (see
:mod:`consult.core.domain`). The order is the order of navigation, of ``seed-demo`` steps
(a domain may seed from the ones before it) and of the API index. Adding a domain is a new
package plus one line here.
"""

from importlib import import_module

from flask import current_app

DOMAINS = (
    "consult.core",
    "consult.accounts",
    "consult.residents",
    "consult.community",
    "consult.multilingual",
    "consult.proposals",
    "consult.comments",
    "consult.elections",
    "consult.polls",
    "consult.notices",
    "consult.search",
    "consult.data_rights",
)


def load_domains(names=DOMAINS):
    """The Domain objects the packages ``names`` declare, in order."""
    domains = []
    for name in names:
        domain = getattr(import_module(name), "domain", None)
        if domain is None:
            raise RuntimeError(f"{name} declares no `domain` in its __init__.py")
        domains.append(domain)
    return domains


def current_domains():
    """The domains of the running app (its DOMAINS setting, by default the list above)."""
    return current_app.extensions["consult.domains"]


def each_part(name):
    """(domain, part) for every domain of the running app that declares part ``name``."""
    for domain in current_domains():
        part = domain.part(name)
        if part is not None:
            yield domain, part
