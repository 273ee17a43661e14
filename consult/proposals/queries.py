"""Reading proposals: the listing's filters and orders, and everything a page shows, each in a
fixed number of queries however many proposals, translations or timeline entries there are.
"""

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload, selectinload

from consult.core.pagination import paginate
from consult.core.permissions import parse_id
from consult.core.searching import matching, read_query
from consult.extensions import db
from consult.multilingual.languages import in_language, normalize_tag
from consult.multilingual.models import Translation
from consult.proposals.models import (
    ANSWERED,
    CLOSED,
    OPEN,
    PUBLIC_STATES,
    REVIEW,
    Answer,
    Proposal,
    ProposalState,
    Scope,
)

SORTS = ("newest", "supported", "discussed", "relevant")
# Listed unless a state is asked for: withdrawn proposals are shown by their own filter.
LISTED_STATES = (OPEN, REVIEW, ANSWERED, CLOSED)


@dataclass(frozen=True)
class ListFilters:
    state: ProposalState | None = None
    category_id: int | None = None
    scope: str | None = None  # "community", "grid:3" or "building:7"
    language: str | None = None  # a language tag: zh matches zh-Hans and zh-Hant
    sort: str = "newest"
    q: str = ""  # words searched for (site search's rules), with their terms
    terms: tuple = ()

    @property
    def default_sort(self):
        return "relevant" if self.terms else "newest"

    def args(self):
        """The filters as query-string arguments (for page links)."""
        values = {"q": self.q if self.terms else None,
                  "state": self.state.value if self.state else None,
                  "category": self.category_id, "scope": self.scope,
                  "language": self.language,
                  "sort": None if self.sort == self.default_sort else self.sort}  # fmt: skip
        return {key: value for key, value in values.items() if value}


def parse_scope(value):
    kind, _, number = (value or "").partition(":")
    if kind == Scope.COMMUNITY.value and not number:
        return kind
    if kind in (Scope.GRID.value, Scope.BUILDING.value) and parse_id(number):
        return f"{kind}:{parse_id(number)}"
    return None


def parse_filters(args):
    """The listing's filters from a query string; anything malformed is ignored."""
    state = ProposalState.parse(args.get("state") or "")
    language = normalize_tag(args.get("language") or "")
    query, terms, _problem = read_query(args.get("q")) if args.get("q") else ("", [], None)
    sort = args.get("sort") if args.get("sort") in SORTS else None
    if sort is None or (sort == "relevant" and not terms):
        sort = "relevant" if terms else "newest"
    return ListFilters(
        state=state if state in PUBLIC_STATES else None,
        category_id=parse_id(args.get("category", "")),
        scope=parse_scope(args.get("scope")),
        language=language.split("-")[0] if language else None,
        sort=sort,
        q=query,
        terms=tuple(terms),
    )


def state_condition(state, today):
    """SQL for proposals that readers see in ``state`` on ``today``: a consultation past its
    end date is under review."""
    ended = and_(Proposal.closes_on.is_not(None), Proposal.closes_on < today)
    if state == OPEN:
        return and_(Proposal.state == OPEN.value, ~ended)
    if state == REVIEW:
        return or_(Proposal.state == REVIEW.value, and_(Proposal.state == OPEN.value, ended))
    return Proposal.state == ProposalState(state).value


def filtered(stmt, filters, today):
    if filters.state is not None:
        stmt = stmt.where(state_condition(filters.state, today))
    else:
        stmt = stmt.where(Proposal.state.in_([state.value for state in LISTED_STATES]))
    if filters.category_id:
        stmt = stmt.where(Proposal.category_id == filters.category_id)
    if filters.scope:
        kind, _, number = filters.scope.partition(":")
        stmt = stmt.where(Proposal.scope == kind)
        if kind == Scope.GRID.value:
            stmt = stmt.where(Proposal.grid_id == int(number))
        elif kind == Scope.BUILDING.value:
            stmt = stmt.where(Proposal.building_id == int(number))
    if filters.language:
        stmt = stmt.where(in_language(Proposal.language, filters.language))
    return stmt


def searched(stmt, filters):
    """``stmt`` (selecting from proposals) narrowed to those holding every word searched
    for, and the subquery of matches (None without a query, or without site search)."""
    terms = list(filters.terms)
    found = matching("proposal", terms, ranked=filters.sort == "relevant") if terms else None
    if found is None:
        return stmt, None
    return stmt.join(found, found.c.object_id == Proposal.id), found


def ordered(stmt, sort, found=None):
    if sort == "relevant" and found is not None:
        return stmt.order_by(found.c.rank, Proposal.id.desc())
    if sort == "relevant":
        sort = "newest"
    column = {
        "newest": Proposal.published_at,
        "supported": Proposal.supports_count,
        "discussed": Proposal.comments_count,
    }[sort]
    return stmt.order_by(column.desc(), Proposal.id.desc())


def _list_rows(ids):
    return db.session.scalars(
        select(Proposal)
        .where(Proposal.id.in_(ids))
        .options(
            joinedload(Proposal.category),
            joinedload(Proposal.grid),
            joinedload(Proposal.building),
            selectinload(Proposal.translations),
        )
    ).unique()


def listing_page(filters, number, per_page, today):
    """One page of the listing: ids along an index first, then those rows with their
    category, place and translations (4 queries with the count)."""
    stmt, found = searched(filtered(select(Proposal.id), filters, today), filters)
    stmt = ordered(stmt, filters.sort, found)
    return paginate(stmt, number, per_page, id_column=Proposal.id, load=_list_rows)


def _translations_with_people():
    return selectinload(Proposal.translations).options(
        joinedload(Translation.translator), joinedload(Translation.verified_by)
    )


def proposal_for_page(proposal_id):
    """A proposal with everything its page shows (6 queries)."""
    return (
        db.session.scalars(
            select(Proposal)
            .where(Proposal.id == proposal_id)
            .options(
                joinedload(Proposal.author),
                joinedload(Proposal.category),
                joinedload(Proposal.grid),
                joinedload(Proposal.building),
                _translations_with_people(),
                joinedload(Proposal.answer)
                .selectinload(Answer.translations)
                .options(joinedload(Translation.translator), joinedload(Translation.verified_by)),
                selectinload(Proposal.timeline),
                selectinload(Proposal.attachments),
            )
            .execution_options(populate_existing=True)
        )
        .unique()
        .one()
    )


def public_proposals():
    """What a signed-out reader may see (the API's base): no drafts."""
    return select(Proposal).where(Proposal.state.in_([state.value for state in PUBLIC_STATES]))
