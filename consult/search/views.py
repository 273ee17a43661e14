"""/search: what the header's box finds, every kind of content mixed, best first."""

from itertools import islice

from flask import Blueprint, has_request_context, render_template, request, url_for
from flask.globals import request_ctx
from flask_login import current_user
from markupsafe import Markup, escape

from consult.core.pagination import page_arg
from consult.core.searching import MAX_QUERY_LENGTH, read_query
from consult.core.security import READS_NUL_ITSELF
from consult.search import engine
from consult.search.excerpts import excerpt, title

bp = Blueprint("search", __name__)
# A NUL typed or pasted into the box gets the page's message, not a bare 400.
READS_NUL_ITSELF.add("search.search_page")

PER_PAGE = 20


def mark_words(text, query):
    """``text`` as HTML with the words ``query`` finds in it wrapped in <mark>."""
    return Markup("").join(
        Markup("<mark>%s</mark>") % piece if marked else escape(piece)
        for piece, marked in title(text or "", query)
    )


@bp.app_context_processor
def _search_box():
    """The header's box (base.html draws it when the app has site search), and marking
    the words searched for in any list that combines a query with its filters. Nothing
    for what is rendered outside a request (e-mails from a job) or inside one that cannot
    build URLs (a request for another host: its e-mails take their links from PUBLIC_URL)."""
    if not has_request_context() or request_ctx.url_adapter is None:
        return {}
    return {
        "site_search_url": url_for("search.search_page"),
        "MAX_QUERY_LENGTH": MAX_QUERY_LENGTH,
        "mark_words": mark_words,
    }


def _chunks(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _results(hits, user, wanted):
    """At least ``wanted`` results the reader may see (fewer when there are no more), in
    the hits' order: each source says what ``user`` may see (drafts, deleted items)."""
    available = engine.sources()
    found = []
    for chunk in _chunks(hits, max(wanted, 1)):
        by_key = {}
        for kind in dict.fromkeys(hit.kind for hit in chunk):
            ids = [hit.object_id for hit in chunk if hit.kind == kind]
            for result in available[kind].results(ids, user) if kind in available else []:
                by_key[kind, result.object_id] = result
        found += [
            by_key[key] for key in ((hit.kind, hit.object_id) for hit in chunk) if key in by_key
        ]
        if len(found) >= wanted:
            break
    return found


def _shown(result, query, labels):
    segments, language = excerpt(result.excerpts, query)
    return {
        "result": result,
        "label": labels.get(result.kind, result.kind),
        "title": title(result.title, query),
        "excerpt": segments,
        "excerpt_language": language,
    }


@bp.get("/search")
def search_page():
    available = engine.sources()
    kind = request.args.get("kind") or None
    kind = kind if kind in available else None
    typed = request.args.get("q")
    number = page_arg()
    query, terms, problem = read_query(typed)
    shown, has_next = [], False
    if typed is not None and not problem:
        hits = engine.search(terms, [kind] if kind else None, limit=engine.MAX_HITS)
        start = (number - 1) * PER_PAGE
        user = current_user if current_user.is_authenticated else None
        # A page past the hits costs nothing (the sources are not asked).
        visible = _results(hits, user, start + PER_PAGE + 1) if start < len(hits) else []
        labels = {name: source.label for name, source in available.items()}
        shown = [_shown(result, query, labels) for result in visible[start : start + PER_PAGE]]
        has_next = len(visible) > start + PER_PAGE
    args = {key: value for key, value in (("q", query), ("kind", kind)) if value}
    return render_template(
        "search/results.html",
        query=query,
        search_query=query,
        searched=typed is not None,
        problem=problem if typed is not None else None,
        shown=shown,
        number=number,
        first_index=(number - 1) * PER_PAGE + 1,
        has_next=has_next,
        args=args,
        kind=kind,
        kinds=[(name, source.label) for name, source in available.items()],
    )
