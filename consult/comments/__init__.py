"""Comments: threads of replies on proposals (and any other registered kind of thing), in
every language, with stances, likes, edit history, reports and the committee's moderation.

registry.py     what can be commented on (each domain registers its kinds: Commentable)
models.py       comments, earlier versions, likes, reports (flags), appeals
content.py      comments as multilingual content (the translation desk translates them)
services.py     writing, replying, editing, deleting; likes.py; moderation.py
thread.py       a thread as readers see it (depth, order, language); section.py draws it
views.py        /comments/...; moderation_views.py: the committee's /moderation/comments
api.py          /api/v1/<collection>/<id>/comments for every commentable kind
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

REPLY_KIND = NotificationKind(
    "comments.reply",
    _l("Replies to your comments"),
    subject=_l("%(name)s replied to your comment on “%(title)s”"),
    text=_l("Open the discussion to read the reply in your language."),
    description=_l("When someone answers a comment you wrote."),
)
MENTION_KIND = NotificationKind(
    "comments.mention",
    _l("Mentions of you in comments"),
    subject=_l("%(name)s mentioned you in a comment on “%(title)s”"),
    text=_l("Open the discussion to read the comment in your language."),
    description=_l("When someone writes @ and your name in a comment."),
)
# Subject and text are written per language by the moderation service (hidden, shown
# again, an appeal decided), so one setting covers every decision about one's comments.
MODERATED_KIND = NotificationKind(
    "comments.moderated",
    _l("Decisions about your comments"),
    subject="%(subject)s",
    text="%(text)s",
    description=_l(
        "When the residents' committee hides one of your comments, shows it again or decides your appeal."
    ),
)
TO_MODERATE_KIND = NotificationKind(
    "comments.to_moderate",
    _l("Comments waiting for the committee"),
    subject="%(subject)s",
    text="%(text)s",
    description=_l(
        "For the committee: a comment hidden after reports by three verified residents, or an appeal."
    ),
)

domain = Domain(
    "comments",
    blueprint=["consult.comments.views:bp", "consult.comments.moderation_views:bp"],
    models=["consult.comments.models", "consult.comments.content"],
    permissions="consult.comments.permissions",
    setup="consult.comments.section:setup",
    seed="consult.comments.demo:seed_comments",
    navigation=[
        NavEntry(
            "comments_moderation.queue",
            _l("Moderation"),
            visible="consult.comments.permissions:can_moderate_comments",
            active="/moderation",
            description=_l("decide on reported comments and appeals, and keep discussions civil."),
        )
    ],
    api="consult.comments.api:routes",
    dashboard="consult.comments.dashboard:tiles",
    exports="consult.comments.export:export_tables",
    search="consult.comments.search:sources",
    notifications=[REPLY_KIND, MENTION_KIND, MODERATED_KIND, TO_MODERATE_KIND],
    personal_data="consult.comments.personal:personal_data",
    forget_user="consult.comments.personal:forget_user",
)
