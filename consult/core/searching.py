"""The search hook's one signal: a domain says which item changed, site search (if
installed) re-reads it through the domain's ``SearchSource.document`` in the same
transaction. Domains call this and never import the search package."""

from blinker import Namespace

_signals = Namespace()

#: sent with the item's kind as sender and ``object_id``; receivers change the session only
content_changed_signal = _signals.signal("consult.content-changed")


def content_changed(kind, object_id):
    """Call after creating, editing, translating or deleting a searchable item (before commit)."""
    content_changed_signal.send(kind, object_id=object_id)
