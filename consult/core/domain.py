"""How a domain package declares itself, once, in its ``__init__.py``.

::

    domain = Domain(
        "proposals",
        blueprint="consult.proposals.views:bp",
        models="consult.proposals.models",
        permissions="consult.proposals.permissions",
        commands=["consult.proposals.cli:proposals_cli"],
        seed="consult.proposals.demo:seed_proposals",
        navigation=[NavEntry("proposals.index", _l("Proposals"), visible=everyone)],
        api="consult.proposals.api:routes",
        dashboard="consult.proposals.dashboard:tiles",
        exports="consult.proposals.export:tables",
        search="consult.proposals.search:sources",
        notifications=[NotificationKind("proposals.answered", _l("..."), _l("..."))],
        personal_data="consult.proposals.personal:personal_data",
        forget_user="consult.proposals.personal:forget_user",
    )

Everything but the name is optional; ``blueprint``, ``models``, ``setup`` and ``tasks``
may list several. ``setup`` is called with the app once it is built
(template filters, Flask-Login's loader ...). Parts are named as ``"module:attribute"`` (or
``"module"`` for models and permissions) and imported only when the app is built, so a
domain's ``__init__`` imports nothing heavy and domains never import each other to plug in.
``consult.domains`` lists the packages in order; create_app, the navigation, ``seed-demo``,
the API, the dashboard, the export, search and notifications read them from there.

Two hooks serve people's rights over their data (consult.data_rights):

- ``personal_data(user)`` returns the :class:`PersonalTable` s of what the domain holds
  about ``user`` (their objections, their proposals ...): shown on "My data" and written
  into its download. Only that person's data: never another person's name or value.
- ``forget_user(user, actor)`` runs when the committee confirms that ``user``'s account is
  deleted, before the account itself is blanked: remove what is personal and only theirs
  (settings, drafts, sign-ups), keep what they wrote for others (it stays attributed to the
  account, whose name then reads "a former resident"). It changes the session and never
  commits; raising ServiceError refuses the deletion (the committee sees why).

Both are optional: a domain without them holds nothing about anyone.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from werkzeug.utils import import_string


def resolve(reference):
    """A "module:attribute" or "module" string imported; anything else returned as it is."""
    if isinstance(reference, str):
        return import_string(reference.replace(":", "."))
    return reference


def everyone(user):
    return True


def signed_in(user):
    return bool(user and user.is_authenticated)


def signed_out(user):
    return not signed_in(user)


@dataclass(frozen=True)
class NavEntry:
    """A link in the site's navigation, shown to whoever ``visible(user)`` allows.

    ``area`` is "main" (the header's list), "account" (beside sign-out) or "footer" (the
    links at the foot of every page); ``active`` is the URL prefix under which the entry is
    marked as the current section. ``description`` says, on a role's home page, what the
    entry's page lets that reader do.
    """

    endpoint: str
    label: object
    visible: Callable | str = everyone
    area: str = "main"
    active: str | None = None
    badge: Callable | str | None = None  # badge(user) -> a count shown beside the label
    description: object = None

    def shown_to(self, user):
        return bool(resolve(self.visible)(user))

    def badge_for(self, user):
        return resolve(self.badge)(user) if self.badge is not None else None


@dataclass(frozen=True)
class Tile:
    """One figure or piece of open work on a role's home page (the dashboard hook).

    ``template`` (with ``context``) is drawn inside the tile, for a small form such as the
    invitation-code box on a resident's home.
    """

    title: object
    value: object = None
    url: str | None = None
    text: object = None
    urgent: bool = False
    template: str | None = None
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExportTable:
    """One CSV file of the committee's "export everything" ZIP (the export hook).

    ``rows`` is a callable returning an iterable of tuples in ``columns`` order; better a
    generator over the query than a list, so that a large table streams into the ZIP.
    """

    filename: str
    description: object
    columns: tuple
    rows: Callable[[], Iterable[tuple]]


@dataclass(frozen=True)
class PersonalTable:
    """Part of what Consult holds about one person (the personal-data hook).

    ``name`` names its file in the person's download (``<name>.csv``) and its key in the
    JSON; ``columns`` are ``(key, label)`` pairs; ``rows`` are tuples in that order (text,
    numbers, dates, times, booleans or None). A table with no rows is shown as "nothing".
    ``subject`` is ``(audit name, id)`` of the record the table shows (``("resident", 7)``):
    the audit trail's entries about that record, and the personal values kept beside it
    under that subject, are shown to the person as theirs too.
    """

    name: str
    title: object
    columns: tuple
    rows: list
    description: object = None
    subject: tuple | None = None

    @property
    def keys(self):
        return tuple(key for key, _label in self.columns)

    @property
    def labels(self):
        return tuple(label for _key, label in self.columns)


@dataclass(frozen=True)
class SearchDocument:
    """One searchable item as the index sees it: every text of it in every language
    (title, summary, body, each translation), title first. Site search tokenizes them."""

    kind: str
    object_id: int
    texts: tuple


@dataclass(frozen=True)
class SearchResult:
    """One found item as a reader sees it in the results: ``title`` and ``excerpts`` in
    the reader's language where there is one, ``url`` from ``url_for``."""

    kind: str
    object_id: int
    title: str
    url: str
    excerpts: tuple = ()
    updated_at: object = None


@dataclass(frozen=True)
class SearchSource:
    """Content a domain offers to site search (the search hook).

    - ``documents()`` yields a :class:`SearchDocument` for every item worth indexing (rebuild);
    - ``document(object_id)`` gives one item's document now, or None when it no longer
      exists or should not be indexed (the index then drops it);
    - ``results(object_ids, user)`` turns matched ids into :class:`SearchResult` s, keeping
      only what ``user`` (None when signed out) may see now, in the order given.

    A domain keeps the index current by calling ``consult.core.searching.content_changed``
    (kind, id) in the service that creates, edits, translates or deletes an item.
    """

    kind: str
    label: object
    documents: Callable[[], Iterable[SearchDocument]]
    document: Callable[[int], SearchDocument | None]
    results: Callable[..., list]


@dataclass(frozen=True)
class NotificationKind:
    """A kind of message people can choose to get (the notifications hook).

    ``subject`` and ``text`` are lazy strings formatted with the parameters ``notify`` is
    given (``%(title)s``), in the recipient's language; a parameter may be a mapping from
    language to text (a proposal's title in each language), and the recipient's is used.
    """

    key: str
    label: object
    subject: object
    text: object = None
    description: object = None
    default: str = "each"  # each time; "daily" digest; "never"
    by_email: bool = True  # the default channels besides the in-app inbox
    by_sms: bool = False


@dataclass(frozen=True)
class Contact:
    """Someone a message can reach: an account, or a register entry without one."""

    name: str
    locale: str
    user_id: int | None = None
    email: str | None = None
    phone: str | None = None


@dataclass
class Domain:
    name: str
    blueprint: str | list | None = None
    models: str | list | None = None
    permissions: str | None = None
    commands: Iterable[str] = ()
    setup: str | list | Callable | None = None
    seed: str | Callable | None = None
    navigation: Iterable[NavEntry] = ()
    api: str | None = None
    dashboard: str | Callable | None = None
    exports: str | Callable | None = None
    search: str | Callable | None = None
    tasks: str | list | None = None  # modules whose @task functions the queue runs
    # Who lives where and how to reach them (contacts_in_scope, phone_of, scope_choices):
    # the register provides it for urgent messages and text messages.
    audience: str | None = None
    notifications: Iterable[NotificationKind] = field(default_factory=tuple)
    # People's rights over their data (see the module docstring).
    personal_data: str | Callable | None = None  # personal_data(user) -> [PersonalTable]
    forget_user: str | Callable | None = None  # forget_user(user, actor): before deletion

    def part(self, name):
        """The declared part ``name`` imported, or None when the domain has none."""
        reference = getattr(self, name)
        return resolve(reference) if reference is not None else None

    def parts(self, name):
        """Every reference of part ``name`` imported (blueprint, models and tasks may list
        several)."""
        reference = getattr(self, name)
        if reference is None:
            return []
        if isinstance(reference, str) or not isinstance(reference, list | tuple):
            return [resolve(reference)]
        return [resolve(item) for item in reference]

    def __repr__(self):
        return f"<Domain {self.name}>"
