"""The public results: the count as it stands (announced on the spot), then the declaration
(选举结果公告) with the rule that decided each contest in the reader's language, and the
notice to post, printed on A4 in every content language."""

from flask import render_template
from flask_babel import force_locale
from markupsafe import Markup

from consult.core.permissions import load
from consult.elections.models import Election, ElectionStatus
from consult.elections.permissions import can_view_results
from consult.elections.services.declaration import declared, results_for
from consult.elections.views import bp
from consult.i18n import (
    content_language_for,
    content_languages,
    current_locale_name,
    normalize_locale,
)


def _context(election):
    status = ElectionStatus(election.status)
    begun = status in (ElectionStatus.COUNTING, ElectionStatus.SECOND_ROUND, ElectionStatus.DECLARED)  # fmt: skip
    return {
        "election": election,
        "begun": begun,
        "document": results_for(election) if begun else None,
        "declaration": declared(election),
    }


@bp.get("/elections/<id:election_id>/results")
@load("election_id", Election, permit=can_view_results)
def results(election):
    context = _context(election)
    return render_template(
        "elections/results.html",
        language=content_language_for(),
        locale=current_locale_name(),
        **context,
    )


@bp.get("/elections/<id:election_id>/results/print")
@load("election_id", Election, permit=can_view_results)
def print_results(election):
    """The notice: one section per content language, each in that language's words (the
    engine's explanation too), for an A4 sheet on the notice board."""
    context = _context(election)
    sections = []
    for language in content_languages() if context["begun"] else ():
        locale = normalize_locale(language) or "en"
        with force_locale(locale):
            body = render_template("elections/_results_body.html", language=language, locale=locale, printed=True, **context)  # fmt: skip
        sections.append((language, locale, Markup(body)))
    return render_template("elections/results_print.html", sections=sections, **context)
