"""Notices (通知公告): the committee's board, online, on paper and in the inbox.

models.py       notices, categories, subscriptions, confirmations
content.py      notices as multilingual content (translations, the desk) and search updates
services.py     writing, publishing (every content language or "translation coming"),
                archiving, sending, subscriptions, confirmations and reminders
jobs.py         the queue's part: sending a notice when it goes up
views.py        /notices: the board, a notice, its A4 print page, feeds, the committee's pages
api.py          /api/v1/notices
search.py       the site search hook
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

PUBLISHED_KIND = NotificationKind(
    "notices.published",
    _l("New notices you follow"),
    subject=_l("Notice: %(title)s"),
    text=_l(
        "A new notice from the residents' committee (%(category)s). Open it to read it in your language."
    ),  # fmt: skip
    description=_l(
        "When the residents' committee publishes a notice in a category and place you follow."
    ),  # fmt: skip
)
REMINDER_KIND = NotificationKind(
    "notices.reminder",
    _l("Reminders to confirm notices"),
    subject=_l("Please confirm you have read: %(title)s"),
    text=_l(
        "The residents' committee asks everyone concerned to confirm they have read this notice."
    ),  # fmt: skip
    description=_l(
        "When the residents' committee reminds you to confirm a notice that concerns you."
    ),  # fmt: skip
)

domain = Domain(
    "notices",
    blueprint="consult.notices.views:bp",
    models=["consult.notices.models", "consult.notices.content"],
    permissions="consult.notices.permissions",
    tasks=["consult.notices.jobs"],
    seed="consult.notices.demo:seed_notices",
    navigation=[
        NavEntry(
            "notices.board",
            _l("Notices"),
            active="/notices",
            description=_l(
                "read the residents' committee's notices in your language, print them for the lobby, and follow the ones that concern you."
            ),
        )
    ],
    api="consult.notices.api:routes",
    dashboard="consult.notices.dashboard:tiles",
    exports="consult.notices.export:export_tables",
    search="consult.notices.search:sources",
    notifications=[PUBLISHED_KIND, REMINDER_KIND],
    personal_data="consult.notices.personal:personal_data",
    forget_user="consult.notices.personal:forget_user",
)
