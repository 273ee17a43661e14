"""The inbox, notification settings, and the committee's urgent message form."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, render_form
from consult.core.navigation import safe_next_url
from consult.core.notifications import services
from consult.core.notifications.forms import UrgentForm, settings_form
from consult.core.notifications.kinds import choosable_kinds, render
from consult.core.notifications.models import Notification
from consult.core.notifications.sms import sms_enabled
from consult.core.pagination import page_arg, paginate
from consult.core.permissions import is_committee, is_signed_in, load, permit, predicate
from consult.core.services import run_service
from consult.extensions import db
from consult.i18n import current_locale_name

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@predicate
def can_open_notification(user, notification):
    return is_signed_in(user) and notification.user_id == user.id


@bp.get("")
@permit(is_signed_in)
def inbox():
    stmt = (
        select(Notification)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.id.desc())
    )
    page = paginate(stmt, page_arg(), 30)
    locale = current_locale_name()
    items = [(n, *render(n.kind, n.params, locale)) for n in page.items]
    return render_template("notifications/inbox.html", page=page, items=items, form=ConfirmForm())


@bp.get("/<id:notification_id>")
@load("notification_id", Notification, permit=can_open_notification)
def open_notification(notification):
    """Mark the message read and go where it leads (on this site only)."""
    services.mark_read(current_user, notification)
    db.session.commit()
    return redirect(safe_next_url(notification.path) or url_for("notifications.inbox"))


@bp.post("/read")
@permit(is_signed_in)
def read_all():
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, services.mark_all_read, current_user):
        flash(_("Every message is marked as read."), "success")
    return redirect(url_for("notifications.inbox"))


@bp.route("/settings", methods=["GET", "POST"])
@permit(is_signed_in)
def settings():
    kinds = choosable_kinds()
    form = settings_form(kinds, services.settings_of(current_user), request.form or None)
    if form.validate_on_submit() and run_service(
        form, services.save_settings, current_user, form.choices(kinds)
    ):
        flash(_("Your notification settings have been saved."), "success")
        return redirect(url_for("notifications.settings"))
    return render_form("notifications/settings.html", form, kinds=kinds, sms=sms_enabled())


@bp.route("/urgent", methods=["GET", "POST"])
@permit(is_committee)
def urgent():
    source = services.audience()
    if source is None:
        abort(404)
    form = UrgentForm()
    form.scope.choices = source.scope_choices()
    if form.validate_on_submit() and run_service(
        form, services.send_urgent, current_user, form.scope.data, form.texts()
    ):
        flash(_("The urgent message is being sent to everyone it concerns."), "success")
        return redirect(url_for("notifications.urgent"))
    return render_form("notifications/urgent.html", form, sms=sms_enabled())
