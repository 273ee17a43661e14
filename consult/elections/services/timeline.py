"""The timeline: the rule set's deadlines counted back from election day, and the checklist
of what is done, due or late, decided from stored facts whenever it is asked for (never by
whether a job ran). A daily job reminds the committee of what is due soon or late."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.elections import clock
from consult.elections.models import HelperAssignment, HelperRole, Objection, PublicationKind
from consult.extensions import db

DONE, DUE, LATE = "done", "due", "late"
STATUS_LABELS = {DONE: _l("Done"), DUE: _l("Due"), LATE: _l("Late")}
SOON_DAYS = 3  # reminders start this many days before a deadline

LABELS = {
    "voter_list": _l("Publish the voter list"),
    "objections": _l("Decide every objection to the voter list"),
    "candidates": _l("Publish the candidates (more candidates than seats)"),
    "counting_staff": _l("Publish the counting staff"),
    "withdrawals": _l("Candidates' written withdrawals close"),
    "proxies": _l("Proxy votes filed and their list published"),
    "mobile_observers": _l("At least %(count)d observers for each mobile ballot box"),
}


@dataclass
class Step:
    key: str
    due: date
    status: str
    done_at: datetime | None = None
    detail: object = None  # a lazy string saying what is missing
    label_values: dict | None = None

    @property
    def label(self):
        return LABELS[self.key] % self.label_values if self.label_values else LABELS[self.key]

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def done_late(self):
        return self.done_at is not None and clock.local_date(self.done_at) > self.due


def deadlines(election):
    """{step: date} from election day and the rule set (objections from the list's actual
    publication once it is published)."""
    from consult.elections.services.publishing import first_publication

    rules, day = election.rules, election.election_day
    voter_list = day - timedelta(days=rules.voter_list_days)
    published = first_publication(election, PublicationKind.VOTER_LIST)
    start = clock.local_date(published.published_at) if published else voter_list
    objections_close = start + timedelta(days=rules.objection_days)
    return {
        "voter_list": voter_list,
        "objections_close": objections_close,
        "objections": objections_close + timedelta(days=rules.objection_decision_days),
        "candidates": day - timedelta(days=rules.candidate_list_days),
        "counting_staff": day - timedelta(days=rules.staff_list_days),
        "withdrawals": day - timedelta(days=rules.withdrawal_days),
        "proxies": day - timedelta(days=rules.proxy_days),
        "mobile_observers": day - timedelta(days=1),
        "election_day": day,
    }


def _status(done, due, today):
    if done:
        return DONE
    return LATE if today > due else DUE


def _published_step(election, key, kind, due, today, extra_ok=True, detail=None):
    from consult.elections.services.publishing import first_publication

    published = first_publication(election, kind)
    done = published is not None and extra_ok
    return Step(key, due, _status(done, due, today), published.published_at if done else None, None if done else detail)  # fmt: skip


def timeline(election, today=None):
    """The checklist, in deadline order."""
    from consult.elections.services.candidates import not_competitive
    from consult.elections.services.proxies import proxies_of
    from consult.elections.services.staff import conflicted_staff

    today = today or clock.today()
    due = deadlines(election)
    steps = [
        _published_step(
            election, "voter_list", PublicationKind.VOTER_LIST, due["voter_list"], today
        ),  # fmt: skip
        _objections_step(election, due, today),
    ]
    unmet = election.rules.competitive and not_competitive(election)
    steps.append(
        _published_step(
            election, "candidates", PublicationKind.CANDIDATES, due["candidates"], today,
            extra_ok=not unmet,
            detail=_l("A contest has no more candidates than seats.") if unmet else None,
        )
    )  # fmt: skip
    conflicts = conflicted_staff(election)
    steps.append(
        _published_step(
            election, "counting_staff", PublicationKind.COUNTING_STAFF, due["counting_staff"],
            today, extra_ok=not conflicts,
            detail=_l("An appointment conflicts with a candidate.") if conflicts else None,
        )
    )  # fmt: skip
    closed = today > due["withdrawals"]
    steps.append(Step("withdrawals", due["withdrawals"], DONE if closed else DUE))
    unpublished = [p for p in proxies_of(election) if p.published_at is None]
    proxies = _published_step(
        election, "proxies", PublicationKind.PROXIES, due["proxies"], today,
        extra_ok=not unpublished,
        detail=_l("Proxy votes filed since the last publication are void until published.") if unpublished else None,
    )  # fmt: skip
    if not proxies_of(election):  # nobody gave a proxy: nothing to publish
        proxies = Step("proxies", due["proxies"], DONE if today > due["proxies"] else DUE)
    steps.append(proxies)
    mobile = [s for s in election.stations if s.mobile]
    if mobile:
        steps.append(_mobile_step(election, mobile, due["mobile_observers"], today))
    return sorted(steps, key=lambda step: step.due)


def _objections_step(election, due, today):
    rows = db.session.execute(
        select(Objection.decide_by, Objection.decided_at).where(
            Objection.election_id == election.id
        )
    ).all()
    open_rows = [r for r in rows if r.decided_at is None]
    overdue = [r for r in open_rows if today > r.decide_by]
    if overdue:
        status = LATE
    elif open_rows or today <= due["objections_close"]:
        status = DUE  # objections may still come
    else:
        status = DONE
    detail = _l("Objections waiting for a decision: %(count)d.", count=len(open_rows)) if open_rows else None  # fmt: skip
    last = max((r.decided_at for r in rows if r.decided_at), default=None)
    return Step("objections", due["objections"], status, last if status == DONE else None, detail)


def _mobile_step(election, stations, due, today):
    from consult.elections.models import HelperApplication, Shift

    need = election.rules.mobile_box_min_observers
    short = []
    for station in stations:
        observers = db.session.scalar(
            select(func.count(func.distinct(HelperAssignment.application_id)))
            .join(Shift, HelperAssignment.shift_id == Shift.id)
            .join(HelperApplication, HelperAssignment.application_id == HelperApplication.id)
            .where(
                Shift.station_id == station.id,
                HelperAssignment.status == "approved",
                HelperApplication.role == HelperRole.OBSERVER.value,
            )
        )
        if observers < need:
            short.append(station.name)
    detail = _l("Short of observers: %(stations)s.", stations=", ".join(short)) if short else None
    return Step("mobile_observers", due, _status(not short, due, today), None, detail, {"count": need})  # fmt: skip


def reminders(election, today=None):
    """The steps to remind the committee of: late, or due within SOON_DAYS."""
    today = today or clock.today()
    return [
        step
        for step in timeline(election, today)
        if step.status == LATE or (step.status == DUE and (step.due - today).days <= SOON_DAYS)
    ]
