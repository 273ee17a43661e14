"""Site search: one box over every domain's content, in Chinese, English and pinyin.

models.py   the index table (and the full-text objects each database needs)
engine.py   keeping the index current (content_changed), rebuilding it, asking it
views.py    /search, the results page the header's box sends to
cli.py      `flask search rebuild`

Domains offer content with the ``search`` hook (a list of SearchSource, see
consult/core/domain.py) and call ``consult.core.searching.content_changed``; this package
knows no domain.
"""

from consult.core.domain import Domain

domain = Domain(
    "search",
    blueprint="consult.search.views:bp",
    models="consult.search.models",
    setup="consult.search.engine:setup",
    commands=["consult.search.cli:search_cli"],
    seed="consult.search.cli:seed_index",
)
