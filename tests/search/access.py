"""Who may use the search routes (for tests/core/test_route_walker.py)."""

from tests.access import ANYONE

ACCESS = {
    "search.search_page": ANYONE,
}


def url_values(db):
    return {}
