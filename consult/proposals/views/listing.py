"""The listing: filters, orders and numbered pages, in the reader's language.

The list (with its filter form) is the same for every reader of one language, so it is
rendered once per language, filters and page, and cached until a proposal, a category or a
translation changes (consult.core.cache).
"""

from flask import render_template, request
from markupsafe import Markup
from sqlalchemy import select

from consult.core.cache import cached
from consult.core.pagination import page_arg
from consult.core.searching import read_query
from consult.extensions import db
from consult.i18n import current_locale_name
from consult.multilingual.languages import language_choices, reader_language
from consult.multilingual.models import TRANSLATIONS_VERSION
from consult.multilingual.reading import localize
from consult.proposals.categories import categories
from consult.proposals.dates import community_today
from consult.proposals.models import PROPOSALS_VERSION, PUBLIC_STATES
from consult.proposals.queries import SORTS, listing_page, parse_filters
from consult.proposals.views import bp
from consult.residents.models import REGISTER_VERSION

PER_PAGE = 20
# What listings and proposal pages show comes from proposals, translations and the
# register's grids and buildings: a change to any of them renders them again.
CACHE_KEYS = (PROPOSALS_VERSION, TRANSLATIONS_VERSION, REGISTER_VERSION)


def _places():
    from consult.residents.models import Building, Grid

    grids = db.session.scalars(select(Grid).order_by(Grid.name)).all()
    buildings = db.session.scalars(select(Building).order_by(Building.name)).all()
    return grids, buildings


def render_listing(filters, number, today):
    """The list and its filter form as HTML, for the reader's language."""
    page = listing_page(filters, number, PER_PAGE, today)
    tag = reader_language()
    rows = [(proposal, localize(proposal, tag)) for proposal in page.items]
    grids, buildings = _places()
    return Markup(
        render_template(
            "proposals/_listing.html",
            page=page,
            rows=rows,
            filters=filters,
            args=filters.args(),
            today=today,
            tag=tag,
            states=PUBLIC_STATES,
            sorts=SORTS,
            categories=categories(),
            grids=grids,
            buildings=buildings,
            languages=language_choices(),
        )
    )


@bp.get("/proposals")
def index():
    filters = parse_filters(request.args)
    today = community_today()
    number = page_arg()
    listing = cached(
        "proposals.listing",
        CACHE_KEYS,
        (filters, number, current_locale_name(), today),
        lambda: render_listing(filters, number, today),
    )
    # Words that cannot be searched for (only punctuation, too long): said, and left out.
    problem = read_query(request.args["q"])[2] if request.args.get("q", "").strip() else None
    return render_template("proposals/index.html", listing=listing, query_problem=problem)
