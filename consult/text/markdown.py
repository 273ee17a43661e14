"""Markdown written by users, rendered to safe HTML or to plain text.

Rendering is CommonMark (markdown-it-py) with tables, strikethrough and bare links, with raw
HTML off (``<b>`` in the source is shown as text), then sanitised by nh3 (Ammonia) as a
second line of defence: only the tags below survive, links only with http, https, mailto or
a relative address, and every link gets ``rel="nofollow noopener noreferrer ugc"``.

Choices a reader will notice:
- A single line break is a line break (``breaks``), as in the text box it was typed in.
- ``# Heading`` becomes ``<h2>``: the page's ``<h1>`` is the title of what is shown.
- Images are shown as their alt text: only the app may serve pictures.
- Table column alignment is dropped (it is a ``style`` attribute, refused by the CSP too).
- Bare links are found for ``http(s)://…``, ``www.…`` and e-mail addresses; a bare
  ``example.org`` is not (``readme.md`` would be a link to Moldova), and a link stops at
  the first Chinese, Japanese or Korean character, so ``见https://example.org了解`` links
  only the address.
"""

from __future__ import annotations

import re
import threading
from html import escape

import nh3
from linkify_it import LinkifyIt
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "a", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer ugc"

_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
# Han, kana, Hangul, CJK punctuation and fullwidth forms end a bare link.
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003134f]"
)
_LINKIFY_SCHEMAS = {"http:", "https:", "mailto:"}

_parser: MarkdownIt | None = None
_lock = threading.Lock()


class _Linkifier:
    """linkify-it, with the bare-link rules above (markdown-it calls these four methods)."""

    def __init__(self) -> None:
        self._linkify = LinkifyIt()

    def pretest(self, text: str) -> bool:
        return self._linkify.pretest(text)

    def test(self, text: str) -> bool:
        return self._linkify.test(text)

    def match(self, text: str):
        kept = [_trimmed(link) for link in self._linkify.match(text) or []]
        return [link for link in kept if link is not None] or None

    def match_at_start(self, text: str):
        link = self._linkify.match_at_start(text)
        return _trimmed(link) if link is not None else None


def _trimmed(link):
    """The link cut before its first CJK character, or None when it is not one we keep."""
    schema = (link.schema or "").lower()
    if schema not in _LINKIFY_SCHEMAS and not (
        schema == "" and link.text.lower().startswith("www.")
    ):
        return None
    found = _CJK.search(link.text)
    if found is None:
        return link
    text = link.text[: found.start()].rstrip(".,;:!?'\"")
    removed = len(link.text) - len(text)
    host = text.split("//", 1)[-1].split("@")[-1]
    if "." not in host:
        return None
    link.text = text
    link.url = link.url[: len(link.url) - removed]
    link.last_index -= removed
    return link


def _validate_link(url: str) -> bool:
    """Only relative addresses and the schemes nh3 keeps become links at all."""
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def _render_image_as_alt_text(self, tokens, idx, options, env) -> str:
    return escape(self.renderInlineAsText(tokens[idx].children or [], options, env))


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    md.enable(["table", "strikethrough", "linkify"])
    md.linkify = _Linkifier()
    md.validateLink = _validate_link
    md.add_render_rule("image", _render_image_as_alt_text)
    return md


def parser() -> MarkdownIt:
    """The configured parser, built once (markdown-it parsers are reusable across threads)."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = _make_parser()
    return _parser


def render_markdown(source: str | None) -> str:
    """Safe HTML for the Markdown ``source`` (empty string for empty or None).

    The result may be inserted into a page unescaped (``|safe``): raw HTML in the source is
    shown as text, and nh3 removes anything outside the allowed tags, attributes and URL
    schemes whatever the parser produced.
    """
    if not source:
        return ""
    md = parser()
    env: dict = {}
    tokens = md.parse(source, env)
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
    return clean_html(md.renderer.render(tokens, md.options, env))


def clean_html(html: str) -> str:
    """``html`` with everything outside the allowed tags, attributes and URL schemes removed
    (the contents of ``script`` and ``style`` too), and ``rel`` set on every link."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def markdown_to_text(source: str | None) -> str:
    """The words of the Markdown ``source`` as plain text, for search, e-mail and summaries.

    Paragraphs and headings are separated by a blank line; list items keep their ``- `` or
    ``3. `` marker, one a line; table rows become lines with cells joined by `` | ``; code
    is kept as written; links keep their text (not the address) and images their alt text.
    Markup characters disappear, and nothing is escaped: escape the result where it is shown.
    """
    if not source:
        return ""
    blocks: list[str] = []
    group: list[str] | None = None  # the lines of the list or table being read
    lists: list[bool] = []  # for each open list: is it ordered?
    prefix = ""
    row: list[str] | None = None
    for token in parser().parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                group = []
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and group is not None:
                blocks.append("\n".join(group))
                group = None
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup} " if lists[-1] else "- "
            prefix = "  " * (len(lists) - 1) + marker
        elif kind == "table_open":
            group = []
        elif kind == "table_close" and group is not None:
            blocks.append("\n".join(group))
            group = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None and group is not None:
            group.append(" | ".join(row))
            row = None
        elif kind in ("inline", "fence", "code_block"):
            text = _inline_text(token.children or []) if kind == "inline" else token.content
            text = text.rstrip("\n")
            if row is not None:
                row.append(text)
            elif lists and group is not None:
                group.append(prefix + text)
                prefix = "  " * len(lists)
            else:
                blocks.append(text)
    return "\n\n".join(block for block in blocks if block)


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


# Markdown's marks, for the words alone: a full parse (markdown_to_text) costs a few
# milliseconds a text, too much for 10,000 proposals or for a page of results.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?https?://\S+>?")
_MARKS = re.compile(r"^\s*(?:[-*+>]|#{1,6}|\d+[.)])\s+|[*_`~#|]+", re.M)
_SPACE = re.compile(r"\s+")


def markdown_words(markdown):
    """The words of a Markdown text, marks and link addresses left out, on one line."""
    if not markdown:
        return ""
    text = _URL.sub(" ", _LINK.sub(r"\1", markdown))
    return _SPACE.sub(" ", _MARKS.sub(" ", text)).strip()
