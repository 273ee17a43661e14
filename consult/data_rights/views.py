"""A person's own data and deletion request; the committee's requests and its export."""

import tempfile
from datetime import date, datetime

from flask import Blueprint, Response, flash, redirect, render_template, send_file, url_for
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, form_status, render_form
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.data_rights import services
from consult.data_rights.archive import export_files, personal_zip, write_everything
from consult.data_rights.collect import (
    count_audit_entries,
    domain_tables,
    personal_tables,
)
from consult.data_rights.forms import DeletionRequestForm, RefuseForm
from consult.data_rights.models import AccountDeletionRequest, DeletionStatus
from consult.data_rights.permissions import (
    can_decide_deletion,
    can_handle_data_requests,
    can_see_own_data,
)
from consult.extensions import db

bp = Blueprint("data_rights", __name__)
AUDIT_ON_PAGE = 100
DECIDED_ON_PAGE = 20


@bp.app_template_global("personal_value")
def personal_value(value):
    """A cell of a personal-data table, as a reader reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


# A person's own data -------------------------------------------------------------------


@bp.get("/account/my-data")
@permit(can_see_own_data)
def my_data():
    user = current_user._get_current_object()
    tables = personal_tables(user, audit_limit=AUDIT_ON_PAGE)
    subjects = {("account", user.id)} | {t.subject for t in tables if t.subject}
    response = Response(
        render_template(
            "data_rights/my_data.html",
            tables=tables,
            audit_total=count_audit_entries(user, subjects),
            audit_shown=AUDIT_ON_PAGE,
            pending=services.pending_request(user),
        )
    )
    return _no_store(response)


@bp.get("/account/my-data.zip")
@permit(can_see_own_data)
def download_my_data():
    user = current_user._get_current_object()
    data = personal_zip(user, personal_tables(user))
    response = Response(data, mimetype="application/zip")
    name = f"consult-my-data-{date.today().isoformat()}.zip"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _no_store(response)


@bp.route("/account/delete", methods=["GET", "POST"])
@permit(can_see_own_data)
def request_deletion():
    user = current_user._get_current_object()
    form = DeletionRequestForm()
    if form.validate_on_submit() and run_service(
        form,
        services.request_account_deletion,
        user,
        password=form.password.data,
        reason=form.reason.data,
    ):
        flash(_("Your request is with the residents' committee."), "success")
        return redirect(url_for("data_rights.request_deletion"))
    return render_form(
        "data_rights/delete.html",
        form,
        pending=services.pending_request(user),
        requests=services.requests_of(user),
        withdraw_form=ConfirmForm(),
        holdings=[table.title for table in domain_tables(user) if table.rows],
    )


@bp.post("/account/delete/withdraw")
@permit(can_see_own_data)
def withdraw_deletion():
    user = current_user._get_current_object()
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, services.withdraw_deletion_request, user, services.pending_request(user)
    ):
        flash(_("Your request is withdrawn: your account stays."), "success")
    else:
        for message in form.form_errors:
            flash(message, "error")
    return redirect(url_for("data_rights.request_deletion"))


# The committee ----------------------------------------------------------------------


@bp.get("/data-rights")
@permit(can_handle_data_requests)
def committee():
    pending = db.session.scalars(
        select(AccountDeletionRequest)
        .where(AccountDeletionRequest.status == DeletionStatus.PENDING)
        .order_by(AccountDeletionRequest.requested_at, AccountDeletionRequest.id)
    ).all()
    decided = db.session.scalars(
        select(AccountDeletionRequest)
        .where(AccountDeletionRequest.status != DeletionStatus.PENDING)
        .order_by(AccountDeletionRequest.decided_at.desc(), AccountDeletionRequest.id.desc())
        .limit(DECIDED_ON_PAGE)
    ).all()
    return render_template(
        "data_rights/committee.html", pending=pending, decided=decided, files=export_files()
    )


def _request_page(request, confirm_form=None, refuse_form=None):
    confirm_form, refuse_form = confirm_form or ConfirmForm(), refuse_form or RefuseForm()
    return render_template(
        "data_rights/request.html",
        deletion=request,
        confirm_form=confirm_form,
        refuse_form=refuse_form,
    ), form_status(confirm_form, refuse_form)


@bp.get("/data-rights/requests/<id:request_id>")
@load("request_id", AccountDeletionRequest, permit=can_decide_deletion)
def deletion_request(request):
    return _request_page(request)


@bp.post("/data-rights/requests/<id:request_id>/confirm")
@load("request_id", AccountDeletionRequest, permit=can_decide_deletion)
def confirm_deletion(request):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, services.delete_account, current_user, request
    ):
        flash(_("The account is deleted; the person is told by e-mail."), "success")
        return redirect(url_for("data_rights.committee"))
    return _request_page(request, confirm_form=form)


@bp.post("/data-rights/requests/<id:request_id>/refuse")
@load("request_id", AccountDeletionRequest, permit=can_decide_deletion)
def refuse_deletion(request):
    form = RefuseForm()
    if form.validate_on_submit() and run_service(
        form, services.refuse_account_deletion, current_user, request, note=form.note.data
    ):
        flash(_("The request is refused; the person is told why."), "success")
        return redirect(url_for("data_rights.committee"))
    return _request_page(request, refuse_form=form)


@bp.get("/data-rights/export.zip")
@permit(can_handle_data_requests)
def export_everything():
    """Every domain's export tables as one ZIP, built in a temporary file and streamed."""
    # Closed by the response once sent (send_file streams it); here only if writing fails.
    spool = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        write_everything(spool)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    response = send_file(
        spool,
        mimetype="application/zip",
        as_attachment=True,
        download_name=f"consult-export-{date.today().isoformat()}.zip",
        max_age=0,
    )
    return _no_store(response)
