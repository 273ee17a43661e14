"""Upload, import progress, export and the template of the register CSV."""

from datetime import date

from flask import flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.csv import csv_download
from consult.core.forms import ConfirmForm
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.residents import importer, jobs
from consult.residents.csvformat import COLUMNS, encoding_name, problem_message
from consult.residents.export import register_rows
from consult.residents.forms import ImportForm
from consult.residents.full_import import listed_residents, missing_from
from consult.residents.models import ImportJob, ImportStatus
from consult.residents.permissions import can_follow_import, can_manage_register
from consult.residents.rules import community_today
from consult.residents.upsert import apply
from consult.residents.views import bp

MAX_UPLOAD_BYTES = 16 * 1024 * 1024
REFRESH_SECONDS = 2


def _read_upload(form):
    """The uploaded bytes, or None with the reason added to the form's errors."""
    storage = form.file.data
    if storage is None or not getattr(storage, "filename", ""):
        form.file.errors.append(_("Choose a CSV file to upload."))
        return None
    data = storage.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        form.file.errors.append(
            _("The file is larger than %(size)d MB.", size=MAX_UPLOAD_BYTES // 2**20)
        )
        return None
    return data


@bp.route("/register/import", methods=["GET", "POST"])
@permit(can_manage_register)
def import_register():
    form = ImportForm()
    problems, counts, filename, checked, missing = [], None, None, None, None
    if form.validate_on_submit():
        data = _read_upload(form)
        if data is not None:
            filename = form.file.data.filename
            checked = importer.check(data)
            problems = checked.problems
            if checked.ok:
                # A full file: who it leaves out would be marked as moved out.
                missing = missing_from(checked) if form.full.data else None
                if form.dry_run.data:
                    counts = apply(checked, dry_run=True)
                elif done := run_service(
                    form,
                    jobs.start_import,
                    current_user,
                    filename,
                    importer.decode(data),
                    checked.processed,
                    checked.encoding,
                    missing=missing,
                ):
                    return redirect(url_for("residents.import_job", job_id=done.result.id))
    failed = bool(problems or form.errors)
    return render_template(
        "residents/import.html",
        form=form,
        problems=problems,
        counts=counts,
        filename=filename,
        checked=checked,
        missing=missing,
        encoding_name=encoding_name,
        problem_message=problem_message,
    ), 422 if failed else 200


@bp.get("/register/import/<id:job_id>")
@load("job_id", ImportJob, permit=can_follow_import)
def import_job(job):
    return _import_job_page(job)


def _import_job_page(job, retry_form=None, confirm_form=None):
    waiting = job.status == ImportStatus.CONFIRMING
    response = make_response(
        render_template(
            "residents/import_job.html",
            job=job,
            retry_form=retry_form or ConfirmForm(),
            confirm_form=confirm_form or ConfirmForm(),
            counts=jobs.job_counts(job),
            problems=jobs.job_problems(job),
            listed=listed_residents(job) if waiting else [],
            today=community_today(),
            encoding_name=encoding_name,
            problem_message=problem_message,
        )
    )
    if job.running:
        # The page reloads itself until the job is done: no script needed (the CSP allows none).
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    return response


@bp.post("/register/import/<id:job_id>/retry")
@load("job_id", ImportJob, permit=can_follow_import)
def retry_import(job):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, jobs.retry_import, current_user, job):
        return redirect(url_for("residents.import_job", job_id=job.id))
    response = _import_job_page(job, retry_form=form)
    response.status_code = 422
    return response


@bp.post("/register/import/<id:job_id>/confirm")
@load("job_id", ImportJob, permit=can_follow_import)
def confirm_import(job):
    """Import a full register file and mark the residents it leaves out as moved out."""
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, jobs.confirm_import, current_user, job):
        return redirect(url_for("residents.import_job", job_id=job.id))
    response = _import_job_page(job, confirm_form=form)
    response.status_code = 422
    return response


@bp.post("/register/import/<id:job_id>/cancel")
@load("job_id", ImportJob, permit=can_follow_import)
def cancel_import(job):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, jobs.cancel_import, current_user, job):
        flash(_("The import was cancelled: nothing was imported."), "info")
        return redirect(url_for("residents.import_register"))
    response = _import_job_page(job, confirm_form=form)
    response.status_code = 422
    return response


@bp.get("/register/export.csv")
@permit(can_manage_register)
def export_register():
    filename = f"register-{date.today().isoformat()}.csv"
    return csv_download(COLUMNS, register_rows(), filename)


@bp.get("/register/template.csv")
@permit(can_manage_register)
def register_template():
    return csv_download(COLUMNS, [], "register-template.csv")
