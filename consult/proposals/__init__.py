"""Proposals: what residents and the committee put to the community, in any language.

models.py       proposals, their timeline, supports, follows, categories, attachments, answers
content.py      proposals and answers as multilingual content (consult.multilingual)
services.py     writing, publishing, withdrawing, review, closing; supports.py, answers.py,
                categories.py and attachments.py for the rest of the rules
queries.py      the listing's filters and orders, and what a page loads
views/          /proposals and below
api.py          /api/v1/proposals
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

STATE_CHANGED = NotificationKind(
    "proposals.state_changed",
    _l("Proposals you follow change state"),
    subject=_l("“%(title)s” is now: %(state)s"),
    text=_l("A proposal you follow has moved on. Open it to see its timeline."),
    description=_l(
        "When a proposal you follow (or wrote, or support) is under review, withdrawn or closed."
    ),
)
ANSWERED_KIND = NotificationKind(
    "proposals.answered",
    _l("Answers to proposals you follow"),
    subject=_l("The residents' committee has answered “%(title)s”: %(outcome)s"),
    text=_l("Open the proposal to read the official answer in your language."),
    description=_l(
        "When the residents' committee publishes its official answer to a proposal you follow."
    ),
)

domain = Domain(
    "proposals",
    blueprint="consult.proposals.views:bp",
    models=[
        "consult.proposals.models",
        "consult.proposals.content",
        "consult.proposals.commentable",
    ],
    permissions="consult.proposals.permissions",
    tasks=["consult.proposals.jobs"],
    seed="consult.proposals.demo:seed_proposals",
    navigation=[
        NavEntry(
            "proposals.index",
            _l("Proposals"),
            active="/proposals",
            description=_l(
                "read what residents put to the community, in your language; verified residents write, support and follow proposals."
            ),
        )
    ],
    api="consult.proposals.api:routes",
    dashboard="consult.proposals.dashboard:tiles",
    exports="consult.proposals.export:export_tables",
    search="consult.proposals.search:sources",
    notifications=[STATE_CHANGED, ANSWERED_KIND],
    personal_data="consult.proposals.personal:personal_data",
    forget_user="consult.proposals.personal:forget_user",
)
