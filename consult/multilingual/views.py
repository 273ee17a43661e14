"""The translation desk (/desk), the translation form beside the original, verification,
machine drafts, and readers asking for a translation."""

from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, render_form
from consult.core.pagination import page_arg
from consult.core.permissions import permit, refuse
from consult.core.services import run_service
from consult.multilingual import services
from consult.multilingual.desk import queue_page
from consult.multilingual.forms import translation_form
from consult.multilingual.languages import (
    content_language_for,
    content_languages,
    language_name,
    same_language,
    variant_name,
)
from consult.multilingual.machine import provider_configured
from consult.multilingual.permissions import (
    can_request_translation,
    can_translate_content,
    can_use_desk,
    can_verify_translation,
)
from consult.multilingual.reading import original
from consult.multilingual.registry import CONTENT_TYPES, content_type_of, find_content

bp = Blueprint("multilingual", __name__)
PER_PAGE = 30


@bp.app_template_global()
def content_language_name(tag):
    return language_name(tag)


@bp.app_template_global()
def language_variant_name(tag):
    return variant_name(tag)


def load_content(check):
    """Load ``<content_type>/<content_id>`` and the content language ``<language>`` of the
    URL (404 when unknown, or when it is the original's own language), then ask
    ``check(user, content)``."""

    def decorator(view):
        @wraps(view)
        def wrapped(content_type, content_id, language):
            content = find_content(content_type, content_id)
            tag = content_language_for(language)
            if content is None or tag != language:
                abort(404)
            if same_language(tag, content_type_of(content).original_language(content)):
                abort(404)
            if not check(current_user, content):
                refuse()
            return view(content, tag)

        wrapped.permission = check
        return wrapped

    return decorator


@bp.get("/desk")
@permit(can_use_desk)
def desk():
    language = request.args.get("language")
    language = language if language in content_languages() else None
    kind = request.args.get("kind")
    kind = kind if kind in CONTENT_TYPES else None
    page = queue_page(page_arg(), PER_PAGE, language, kind)
    args = {key: value for key, value in (("language", language), ("kind", kind)) if value}
    return render_template(
        "multilingual/desk.html",
        page=page,
        args=args,
        language=language,
        kind=kind,
        kinds=CONTENT_TYPES.values(),
        languages=content_languages(),
    )


def _translate_page(content, language, form=None):
    content_type = content_type_of(content)
    row = services.find_translation(content, language)
    form = form or translation_form(content_type, row)
    return render_form(
        "multilingual/translate.html",
        form,
        content=content,
        content_type=content_type,
        language=language,
        row=row,
        original=original(content),
        outdated=row is not None and row.is_outdated(content),
        can_verify=row is not None and can_verify_translation(current_user, row),
        machine_available=provider_configured(),
        confirm_form=ConfirmForm(),
    )


@bp.route("/desk/<content_type>/<id:content_id>/<language>", methods=["GET", "POST"])
@load_content(can_translate_content)
def translate(content, language):
    content_type = content_type_of(content)
    row = services.find_translation(content, language) if request.method == "GET" else None
    form = translation_form(content_type, row)
    if form.validate_on_submit() and run_service(
        form,
        services.save_translation,
        current_user,
        content,
        language,
        form.texts(),
        from_machine_draft=form.from_machine_draft.data,
    ):
        flash(_("Your translation is saved. A second translator can now verify it."), "success")
        return redirect(request.path)
    return _translate_page(content, language, form if request.method == "POST" else None)


def _run_and_return(service, *args, success=None):
    """Run a button's service; show its problem as a message; go back to the desk form."""
    form = ConfirmForm()
    if form.validate_on_submit():
        if run_service(form, service, *args):
            if success:
                flash(success, "success")
        else:
            for message in form.form_errors:
                flash(message, "error")
    return form


@bp.post("/desk/<content_type>/<id:content_id>/<language>/verify")
@load_content(can_translate_content)
def verify(content, language):
    row = services.find_translation(content, language)
    if row is None:
        abort(404)
    _run_and_return(
        services.verify_translation,
        current_user,
        content,
        row,
        success=_("You have verified this translation."),
    )
    return redirect(_desk_url(content, language))


@bp.post("/desk/<content_type>/<id:content_id>/<language>/machine-draft")
@load_content(can_translate_content)
def machine_draft(content, language):
    if not provider_configured():
        flash(_("No machine translation service is configured."), "error")
    else:
        _run_and_return(
            services.ask_machine_drafts,
            current_user,
            content,
            success=_("A machine translation has been asked for. It appears here as a draft."),
        )
    return redirect(_desk_url(content, language))


@bp.post("/translations/<content_type>/<id:content_id>/<language>/request")
@load_content(can_request_translation)
def request_translation(content, language):
    _run_and_return(
        services.request_translation,
        current_user,
        content,
        language,
        success=_(
            "Your request is counted. Translators see the most requested texts first; you will be told when it is translated."
        ),
    )
    return redirect(content_type_of(content).path(content))


def _desk_url(content, language):
    return url_for(
        "multilingual.translate",
        content_type=content_type_of(content).name,
        content_id=content.id,
        language=language,
    )
