"""The committee's official answer.

The committee writes the answer in one language (a draft only it and translators see);
translators translate it at the desk (the committee may too). It is published only when
every content language has a text written by a person (the original or a person's current
translation: a machine's draft or an OpenCC conversion never counts), and it says which
language prevails where the texts differ. Publishing moves the proposal to *answered* and
tells its followers.
"""

from flask_babel import lazy_gettext as _l

from consult.core import audit
from consult.core.models import utcnow
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.multilingual import services as multilingual
from consult.multilingual.languages import (
    content_language_for,
    language_name,
    normalize_tag,
    same_language,
)
from consult.multilingual.reading import has_text_by_a_person, missing_languages
from consult.proposals.dates import community_today
from consult.proposals.models import ANSWERED, OPEN, REVIEW, Answer, Outcome
from consult.proposals.permissions import can_answer_proposal

audit.describe("proposal.answer_saved", _l("Official answer written"))
audit.describe("proposal.answered", _l("Official answer published"))

FIELDS = ("outcome", "body", "language", "prevailing_language")


def save_answer(actor, proposal, outcome, body, language, prevailing_language=None):
    """Write or rewrite the committee's answer (until it is published)."""
    if not can_answer_proposal(actor, proposal):
        raise ServiceError(_l("Only the committee answers a proposal, before it is answered."))
    answer = proposal.answer
    if answer is not None and answer.is_published:
        raise ServiceError(_l("The answer is published and can no longer be changed."))
    problems = Problems()
    outcome = Outcome.parse(outcome or "")
    if outcome is None:
        problems.add(_l("Choose the committee's decision."), "outcome")
    body = (body or "").strip()
    if not body:
        problems.add(_l("Write the answer."), "body")
    elif len(body) > 20000:
        problems.add(_l("Use at most %(max)d characters.", max=20000), "body")
    language = normalize_tag(language)
    if language is None:
        problems.add(_l("Choose the language you wrote in."), "language")
    prevailing = normalize_tag(prevailing_language) if prevailing_language else language
    if prevailing is None or (language and not _may_prevail(prevailing, language)):
        problems.add(_l("Choose a content language or the answer's own."), "prevailing_language")
    problems.raise_any()
    before = audit.snapshot(answer, FIELDS) if answer else {}
    if answer is None:
        answer = Answer(proposal_id=proposal.id, author_id=actor.id, revision=1,
                        outcome=outcome, body=body, language=language,
                        prevailing_language=prevailing)  # fmt: skip
        db.session.add(answer)
        proposal.answer = answer
        db.session.flush()
        multilingual.ask_machine_drafts(actor, answer)
    else:
        texts = multilingual.snapshot_texts(answer)
        answer.outcome, answer.body, answer.language = outcome, body, language
        answer.prevailing_language = prevailing
        multilingual.original_edited(actor, answer, texts)
    audit.record(
        "proposal.answer_saved",
        answer,
        actor=actor,
        changes=audit.changes_since(before, answer) if before else None,
        data={"proposal": proposal.id, "revision": answer.revision},
    )
    return answer


def _may_prevail(prevailing, language):
    return same_language(prevailing, language) or content_language_for(prevailing) is not None


def publish_answer(actor, proposal):
    """Publish the answer: every content language needs a text written by a person."""
    from consult.proposals import ANSWERED_KIND
    from consult.proposals.services import change_state, in_every_locale, record_consultation_end

    if not can_answer_proposal(actor, proposal):
        raise ServiceError(_l("Only the committee answers a proposal, before it is answered."))
    answer = proposal.answer
    if answer is None:
        raise ServiceError(_l("Write the answer first."))
    if proposal.current_state(community_today()) != REVIEW:
        raise ServiceError(_l("Start the review before publishing the answer: the consultation is still open."))  # fmt: skip
    missing = missing_languages(answer)
    if missing:
        names = ", ".join(language_name(tag) for tag in missing)
        raise ServiceError(
            _l(
                "The answer needs a text written by a person in every content language. Missing: %(languages)s.",
                languages=names,
            )  # fmt: skip
        )
    if not has_text_by_a_person(answer, answer.prevailing_language):
        raise ServiceError(_l("The prevailing language must be one the answer is written in."))
    if proposal.state == OPEN:
        record_consultation_end(proposal, actor)
    answer.published_at = utcnow()
    audit.record("proposal.answered", answer, actor=actor,
                 data={"proposal": proposal.id, "outcome": answer.outcome,
                       "revision": answer.revision,
                       "prevailing_language": answer.prevailing_language})  # fmt: skip
    outcome = Outcome(answer.outcome)
    change_state(actor, proposal, ANSWERED, kind=ANSWERED_KIND,
                 outcome=in_every_locale(lambda locale: str(outcome.label)))  # fmt: skip
    return answer
