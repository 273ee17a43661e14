"""The demo community's contact details and first privacy notice."""

from sqlalchemy import select

from consult.accounts.models import User
from consult.community import services
from consult.core.permissions import COMMITTEE
from consult.extensions import db

DEMO_CONTACT = {
    "zh": {
        "address": "杭州市上城区春江路 88 号 春江社区居委会 一楼服务大厅",
        "hours": "周一至周五 8:30–12:00、13:30–17:30；周六 9:00–12:00",
        "phone": "0571-8888 6600",
        "email": "office@chunjiang.example.org",
    },
    "en": {
        "address": "Chunjiang Community Residents' Committee, ground-floor service hall, 88 Chunjiang Road, Shangcheng District, Hangzhou",
        "hours": "Monday to Friday 8:30–12:00 and 13:30–17:30; Saturday 9:00–12:00",
    },
}


def seed_community():
    committee = db.session.scalars(select(User).filter_by(role=COMMITTEE).order_by(User.id)).first()
    if committee is None:
        return
    if services.all_contact_details():
        yield "exists: contact details"
    else:
        services.save_contact_details(committee, DEMO_CONTACT)
        yield "contact details of the committee office"
    if services.current_notice() is not None:
        yield "exists: privacy notice"
    else:
        notice = services.publish_privacy_notice(committee, services.default_notice_texts())
        yield f"privacy notice version {notice.number}"
