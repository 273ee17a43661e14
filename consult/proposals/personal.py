"""What proposals hold about one person (the personal-data hooks, consult.core.domain): the
proposals they wrote (drafts too), the ones they support and follow, the files they
attached, and, for the committee, the official answers they wrote.

When the account is deleted:

- its drafts go, with their files: nobody else has seen them;
- its follows go: they only served to tell that person;
- what it published stays, attributed to the account, whose name then reads "a former
  resident": proposals, their files and timeline, official answers;
- its supports stay: they were given in public to a consultation, count towards the
  committee's threshold, and moved proposals to review; removing them would change a
  consultation's record after the fact. They name nobody once the account is blank.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from consult.core import audit
from consult.core.cache import bump
from consult.core.domain import PersonalTable
from consult.extensions import db
from consult.proposals.models import (
    DRAFT,
    PROPOSALS_VERSION,
    Answer,
    Attachment,
    AttachmentKind,
    Follow,
    Outcome,
    Proposal,
    ProposalState,
    Support,
)

audit.describe("proposal.draft_deleted_with_account", _l("Draft deleted: its author's account was deleted"))  # fmt: skip

PROPOSAL_COLUMNS = (
    ("id", _l("Number")),
    ("title", _l("Title")),
    ("state", _l("State")),
    ("language", _l("Language")),
    ("created_at", _l("Written")),
    ("published_at", _l("Published")),
    ("closes_on", _l("Consultation ends")),
    ("supports", _l("Supports")),
    ("comments", _l("Comments")),
    ("withdrawn_reason", _l("Reason for withdrawing")),
)


def _titled(model, user_column, user):
    """(row, proposal) pairs of ``model`` rows of ``user``, oldest first."""
    return db.session.execute(
        select(model, Proposal)
        .join(Proposal, Proposal.id == model.proposal_id)
        .where(user_column == user.id)
        .order_by(model.id)
    ).all()


def personal_data(user):
    written = db.session.scalars(
        select(Proposal).where(Proposal.author_id == user.id).order_by(Proposal.id)
    ).all()
    supports = _titled(Support, Support.user_id, user)
    follows = _titled(Follow, Follow.user_id, user)
    files = _titled(Attachment, Attachment.uploaded_by_id, user)
    answers = _titled(Answer, Answer.author_id, user)
    return [
        PersonalTable(
            "proposals",
            _l("Proposals you wrote"),
            PROPOSAL_COLUMNS,
            [
                (
                    p.id,
                    p.title,
                    ProposalState(p.state).label,
                    p.language,
                    p.created_at,
                    p.published_at,
                    p.closes_on,
                    p.supports_count,
                    p.comments_count,
                    p.withdrawn_reason,
                )  # fmt: skip
                for p in written
            ],
            _l("Your proposals, drafts too, in the language you wrote them in."),
        ),
        PersonalTable(
            "proposal_supports",
            _l("Proposals you support"),
            (("id", _l("Number")), ("title", _l("Title")), ("at", _l("When"))),
            [(p.id, p.title, s.created_at) for s, p in supports],
        ),
        PersonalTable(
            "proposal_follows",
            _l("Proposals you follow"),
            (("id", _l("Number")), ("title", _l("Title")), ("at", _l("Since"))),
            [(p.id, p.title, f.created_at) for f, p in follows],
            _l("You are told when they change state or are answered."),
        ),
        PersonalTable(
            "proposal_files",
            _l("Files you attached to proposals"),
            (
                ("id", _l("Number")),
                ("title", _l("Title")),
                ("filename", _l("File")),
                ("kind", _l("Kind")),
                ("size", _l("Size (bytes)")),
                ("at", _l("When")),
            ),
            [
                (p.id, p.title, a.filename, AttachmentKind(a.kind).label, a.size, a.created_at)
                for a, p in files
            ],
        ),
        PersonalTable(
            "proposal_answers",
            _l("Official answers you wrote"),
            (
                ("id", _l("Number")),
                ("title", _l("Title")),
                ("outcome", _l("Outcome")),
                ("language", _l("Language")),
                ("published_at", _l("Published")),
            ),
            [
                (p.id, p.title, Outcome(a.outcome).label, a.language, a.published_at)
                for a, p in answers
            ],
            _l("As a member of the residents' committee."),
        ),
    ]


def forget_user(user, actor):
    """Drafts and follows go; published proposals, answers and supports stay."""
    from consult.proposals.services import remove_draft

    drafts = db.session.scalars(
        select(Proposal).where(Proposal.author_id == user.id, Proposal.state == DRAFT)
    ).all()
    for draft in drafts:
        audit.record("proposal.draft_deleted_with_account", draft, actor=actor, data={"account": user.id})  # fmt: skip
        remove_draft(draft)
    db.session.execute(delete(Follow).where(Follow.user_id == user.id))
    db.session.flush()
    wrote = db.session.scalar(select(Proposal.id).where(Proposal.author_id == user.id).limit(1))
    answered = db.session.scalar(select(Answer.id).where(Answer.author_id == user.id).limit(1))
    if wrote is not None or answered is not None:
        bump(PROPOSALS_VERSION)  # pages naming the author are drawn again
