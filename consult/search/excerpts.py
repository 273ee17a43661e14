"""What the results page shows of each found item: its title and one excerpt, with the
words searched for marked (consult.text.search_tokens.highlight)."""

from consult.text.search_tokens import highlight

# A text is searched for marks in its first characters only (a long text is cut anyway).
SCAN = 3000


def _pairs(excerpts):
    for item in excerpts:
        if isinstance(item, tuple | list):
            text, language = (tuple(item) + (None,))[:2]
        else:
            text, language = item, None
        if text:
            yield str(text), language


def window(segments, width):
    """``segments`` cut to about ``width`` characters around the first marked one, with
    "…" where text was left out."""
    flat, position, first = [], 0, None
    for text, marked in segments:
        if marked and first is None:
            first = position
        flat.append((position, text, marked))
        position += len(text)
    start = 0 if first is None or first < width // 3 else first - width // 3
    end = start + width
    cut = []
    for offset, text, marked in flat:
        piece = text[max(start - offset, 0) : max(end - offset, 0)]
        if piece:
            cut.append((piece, marked))
    if start > 0 and cut:
        cut.insert(0, ("…", False))
    if position > end and cut:
        cut.append(("…", False))
    return cut


def excerpt(excerpts, query, width=160):
    """``(segments, language)``: the first excerpt holding a word searched for, cut around
    it; else the first excerpt, unmarked. ``excerpts`` are texts or (text, language) pairs."""
    first = None
    for text, language in _pairs(excerpts):
        if first is None:
            first = (text, language)
        segments = highlight(text[:SCAN], query)
        if any(marked for _text, marked in segments):
            return window(segments, width), language
    if first is None:
        return [], None
    return window([(first[0][: width + 1], False)], width), first[1]


def title(text, query):
    return highlight(text, query) or [(text, False)]
