"""Polls: secret ballots, receipt codes, and results anyone can recount.

models.py      polls, options, the voter list, voter records, ballots, paper batches, results
services.py    the committee's rules: create, edit until open, open, close early, cancel
voting.py      casting a ballot; whether a reader may vote and why not
paper.py       paper voters ticked on the voter list; batches of paper ballots
closing.py     closing, rewriting the rows in random order, the ballot list, publication
electorate.py  who may vote; the voter list fixed at opening
results.py     what the results page shows: rounds, turnout (small groups hidden); chart.py
ballot_form.py the ballot form for each method; forms.py the committee's forms
fast_commit.py SQLite: ballot commits that do not wait for the disk
views/         /polls pages; api.py the open-data API
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

POLL_OPENED = NotificationKind(
    "polls.opened",
    _l("A poll opens for you"),
    subject=_l("A poll is open: %(question)s"),
    text=_l("You may vote in this poll. Open it to read the question and cast your ballot."),
    description=_l("When a poll you may vote in opens."),
)
RESULTS_PUBLISHED = NotificationKind(
    "polls.published",
    _l("Poll results"),
    subject=_l("Results are published: %(question)s"),
    text=_l(
        "The results and the list of ballots are published. Check that your receipt code is in the list."
    ),
    description=_l("When the results of a poll you could vote in are published."),
)


def setup(app):
    # Tests run inside a transaction that VACUUM or a WAL checkpoint would wait for.
    app.config.setdefault("POLL_STORAGE_SCRUB", "off" if app.testing else "full")
    app.jinja_env.filters.setdefault("markdown", _markdown)
    app.jinja_env.filters.setdefault("percent", _percent)
    from consult.polls import fast_commit

    fast_commit.install()


def _percent(value):
    from flask_babel import format_percent

    return format_percent(value, "#,##0.0%")


def _markdown(source):
    from markupsafe import Markup

    from consult.text.markdown import render_markdown

    return Markup(render_markdown(source or ""))


domain = Domain(
    "polls",
    blueprint="consult.polls.views:bp",
    models="consult.polls.models",
    permissions="consult.polls.permissions",
    setup=setup,
    tasks=["consult.polls.jobs"],
    seed="consult.polls.demo:seed_polls",
    navigation=[NavEntry("polls.index", _l("Polls"), active="/polls")],
    api="consult.polls.api:routes",
    dashboard="consult.polls.dashboard:tiles",
    exports="consult.polls.export:export_tables",
    notifications=[POLL_OPENED, RESULTS_PUBLISHED],
    personal_data="consult.polls.personal:personal_data",
    forget_user="consult.polls.personal:forget_user",
)
