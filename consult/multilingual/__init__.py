"""Multilingual content: translations of what people write, and the translation desk.

A domain makes a model translatable by registering a ContentType (registry.py); its
translations are rows of their own (models.py), shown to readers in their language
(reading.py), written, verified and asked for through services.py, drafted by a machine
translation service when one is configured (machine.py), and queued for translators at
/desk (desk.py, views.py).
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

TRANSLATED = NotificationKind(
    "multilingual.translated",
    _l("Translations you asked for"),
    subject=_l("“%(title)s” is now translated into %(language)s"),
    text=_l(
        "A translator has translated the text you asked for. Open it to read it in your language."
    ),
    description=_l("When a text you asked to have translated has been translated."),
)

domain = Domain(
    "multilingual",
    blueprint="consult.multilingual.views:bp",
    models="consult.multilingual.models",
    permissions="consult.multilingual.permissions",
    tasks=["consult.multilingual.machine"],
    navigation=[
        NavEntry(
            "multilingual.desk",
            _l("Translation desk"),
            visible="consult.multilingual.permissions:can_use_desk",
            active="/desk",
            description=_l(
                "translate proposals and answers that lack your language, and verify other translators' work."
            ),
        )
    ],
    dashboard="consult.multilingual.dashboard:tiles",
    exports="consult.multilingual.export:export_tables",
    notifications=[TRANSLATED],
    personal_data="consult.multilingual.personal:personal_data",
    forget_user="consult.multilingual.personal:forget_user",
)
