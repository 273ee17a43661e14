from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, SIGNED_IN

ACCESS = {
    "core.index": ANYONE,
    "core.healthz": ANYONE,
    "static": ANYONE,
    "api.index": ANYONE,
    "api.openapi": ANYONE,
    "api.community_community": ANYONE,
}


def url_values(db):
    return {"filename": "css/consult.css", "notification_id": _committee_message(db)}


ACCESS["audit.trail"] = COMMITTEE_ONLY
ACCESS.update(
    {
        "notifications.inbox": SIGNED_IN,
        "notifications.read_all": SIGNED_IN,
        "notifications.settings": SIGNED_IN,
        "notifications.urgent": COMMITTEE_ONLY,
        # A message of the committee member's: theirs to open (it leads on), nobody else's.
        "notifications.open_notification": {
            None: LOGIN,
            "resident": 403,
            "translator": 403,
            "committee": 302,
        },
    }
)


def _committee_message(db):
    from consult.accounts.services import find_user_by_email
    from consult.core.notifications.models import Notification

    message = Notification(
        user_id=find_user_by_email("committee@example.org").id, kind="urgent", path="/"
    )
    db.session.add(message)
    db.session.commit()
    return message.id
