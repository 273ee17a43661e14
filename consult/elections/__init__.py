"""Committee elections (换届选举): preparing an election by the law's timeline, the observer
and volunteer programme (part 1); election day's counts per station, observers who
countersign them, second rounds and the declaration of results (part 2).

models/      elections, rule sets, contests, stations and shifts, the voter list and
             objections, candidates, relations, counting staff, proxies, helpers;
             station counts, second rounds, countersignatures, the declaration
services/    the rules, one module per area (see services/__init__.py)
views/       the committee's pages, residents' pages and the public helper pages
links.py     signed links for helpers, iCalendar files, badges' QR codes
photos.py    candidates' photos under UPLOAD_DIR
jobs.py      helper messages, lapsing sign-ups, deadline reminders (task queue)
api.py       elections in the open-data API
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

VOTER_LIST_PUBLISHED = NotificationKind(
    "elections.voter_list_published",
    _l("A voter list is published"),
    subject=_l("The voter list of %(title)s is published"),
    text=_l(
        "Check whether you are on it. If something is wrong, you can lodge an objection on the election's page within the time the rules allow."
    ),  # fmt: skip
    description=_l("When the residents' committee publishes an election's voter list."),
)
OBJECTION_DECIDED = NotificationKind(
    "elections.objection_decided",
    _l("Your objection to a voter list is decided"),
    subject=_l("Your objection to the voter list of %(title)s: %(decision)s"),
    text=_l("The residents' committee's reason: %(note)s"),
    description=_l("When the residents' committee decides an objection you lodged."),
)
DEADLINE_REMINDER = NotificationKind(
    "elections.deadline",
    _l("Election deadlines (committee)"),
    subject=_l("%(title)s: %(step)s (%(status)s, %(day)s)"),
    text=_l("Open the election's timeline to see what is done and what is left."),
    description=_l("Each morning, for what is late or due within three days."),
)

COUNT_OBJECTION = NotificationKind(
    "elections.count_objection",
    _l("Objections to a station's count (committee)"),
    subject=_l("%(title)s: an observer objects to the count at %(station)s"),
    text=_l("Answer the objection on the count's page; the results cannot be declared before."),
    description=_l("When an observer records an objection to a station's count."),
)

domain = Domain(
    "elections",
    blueprint="consult.elections.views:bp",
    models="consult.elections.models",
    permissions="consult.elections.permissions",
    tasks=["consult.elections.jobs"],
    setup="consult.elections.views:setup_app",
    seed="consult.elections.demo:seed_election",
    navigation=[
        NavEntry(
            "elections.index",
            _l("Elections"),
            active="/elections",
            description=_l(
                "the residents' committee election: its timeline and candidates; anyone may sign up to observe or volunteer."
            ),
        )
    ],
    api="consult.elections.api:routes",
    dashboard="consult.elections.dashboard:tiles",
    exports="consult.elections.export:export_tables",
    notifications=[VOTER_LIST_PUBLISHED, OBJECTION_DECIDED, DEADLINE_REMINDER, COUNT_OBJECTION],
    personal_data="consult.elections.personal:personal_data",
    forget_user="consult.elections.personal:forget_user",
)
