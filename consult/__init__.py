"""Consult: broad consultation for international residential communities.

The package import stays free of Flask so that ``consult.tally`` can run a recount
anywhere; ``create_app`` is loaded on first use.
"""


def create_app(config=None, overrides=None):
    """Build the Flask application (see ``consult.app.create_app``)."""
    from consult.app import create_app as _create_app

    return _create_app(config, overrides)
