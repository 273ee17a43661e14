"""Comment forms. The services check the rules; the forms carry what was typed."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectField, TextAreaField

from consult.comments.models import BODY_LIMIT, FlagReason, Stance
from consult.core.forms import Form
from consult.core.validators import max_length, optional
from consult.multilingual.languages import content_languages, language_choices

# Languages residents write comments in, after the community's content languages.
WRITTEN_IN = ("zh-Hans", "zh-Hant", "en", "ko", "ja", "ru", "fr", "de", "es", "pt", "vi", "ar",
              "hi", "th")  # fmt: skip
MARKDOWN_HELP = _l(
    "Markdown: **bold**, *italic*, - lists, [links](https://example.org). Mention someone with @ and their name: @王芳."
)


def written_in_choices(extra=None):
    """The content languages (Chinese in both scripts), other languages residents write in,
    and ``extra`` (a guessed tag) when it is none of them."""
    tags = [tag for tag in content_languages() if tag != "zh"]
    for tag in (*WRITTEN_IN, extra):
        if tag and tag not in tags:
            tags.append(tag)
    return language_choices(tags)


class CommentForm(Form):
    """Writing a comment or a reply: the text first, then the language, confirmed."""

    body = TextAreaField(_l("Your comment"), [max_length(BODY_LIMIT)], description=MARKDOWN_HELP)
    stance = RadioField(
        _l("Your stance on the proposal"),
        [optional()],
        choices=lambda: [("", _l("No stance")), *Stance.choices()],
        default="",
        validate_choice=False,
    )
    # Checked by the service (any BCP 47 tag the author confirms).
    language = SelectField(_l("Written in"), choices=written_in_choices, validate_choice=False,
                           description=_l("Guessed from your text: change it if it is wrong."))  # fmt: skip
    step = HiddenField(default="write")

    def __init__(self, *args, stances=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not stances:
            del self.stance

    def preset_language(self, tag):
        """Preset the select to ``tag`` (adding it when it is not among the choices)."""
        self.language.choices = lambda: written_in_choices(tag)
        self.language.data = tag

    def values(self):
        stance = self.stance.data if "stance" in self._fields else None
        return {"body": self.body.data, "language": self.language.data, "stance": stance or None}


class EditCommentForm(Form):
    body = TextAreaField(_l("Your comment"), [max_length(BODY_LIMIT)], description=MARKDOWN_HELP)
    language = SelectField(_l("Written in"), choices=written_in_choices, validate_choice=False)


class FlagForm(Form):
    reason = RadioField(_l("Why do you report it?"), choices=FlagReason.choices,
                        validate_choice=False)  # fmt: skip
    note = TextAreaField(
        _l("Anything the committee should know (optional)"), [optional(), max_length(1000)]
    )


class HideForm(Form):
    reason = SelectField(_l("Reason"), choices=FlagReason.choices, validate_choice=False)
    note = TextAreaField(
        _l("A word to the author (optional, sent with the reason)"),
        [optional(), max_length(1000)],
    )


class DismissForm(Form):
    note = TextAreaField(_l("Note for the audit trail (optional)"), [optional(), max_length(1000)])


class AppealForm(Form):
    text = TextAreaField(_l("Why should the comment be shown again?"), [max_length(1000)])


class AppealDecisionForm(Form):
    upheld = RadioField(
        _l("Decision"),
        choices=lambda: [
            ("yes", _l("Uphold: show the comment again")),
            ("no", _l("Keep it hidden")),
        ],
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Reason, told to the author (optional)"), [optional(), max_length(1000)]
    )

    def decision(self):
        return {"yes": True, "no": False}.get(self.upheld.data)
