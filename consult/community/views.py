"""Public pages (/contact, /privacy, /accessibility) and the committee's pages under
/community for its contact details and privacy notice."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError

from consult.community import services
from consult.community.forms import contact_form, language_name, notice_form
from consult.community.permissions import can_manage_community
from consult.community.services import CONTACT_FIELDS, field_for
from consult.core.forms import render_form
from consult.core.permissions import permit
from consult.core.services import run_service
from consult.i18n import content_languages
from consult.text.markdown import render_markdown

bp = Blueprint("community", __name__)


def init_app(app):
    """Templates everywhere may show the committee's contact details (footer, letters) and
    the privacy notice (sign-up)."""
    app.jinja_env.globals["committee_contact"] = contact_or_nothing
    app.jinja_env.globals["privacy_notice_for_sign_up"] = notice_for_sign_up


def contact_or_nothing(locale=None):
    """The contact details for a page's footer, or None when they cannot be read: an error
    page (the database may be what failed) must still render."""
    try:
        return services.contact_details(locale)
    except SQLAlchemyError:
        current_app.logger.warning("contact details could not be read", exc_info=True)
        return None


def notice_for_sign_up():
    """The notice in force (number 0: the built-in text), as sign-up shows it."""
    notice = services.current_notice()
    html, converted = _notice_page_data(notice)
    return {
        "number": notice["number"] if notice else 0,
        "published_at": notice["published_at"] if notice else None,
        "html": html,
        "converted": converted,
    }


def _notice_page_data(notice):
    """What a notice page shows: the reader's text as safe HTML, and whether converted."""
    texts = notice["texts"] if notice else services.default_notice_texts()
    body, converted = services.notice_text(texts)
    return Markup(render_markdown(body)), converted


@bp.get("/contact")
def contact():
    return render_template("community/contact.html")


@bp.get("/privacy")
def privacy():
    notice = services.current_notice()
    html, converted = _notice_page_data(notice)
    return render_template(
        "community/privacy.html", notice=notice, html=html, converted=converted, older=None
    )


@bp.get("/privacy/versions")
def privacy_versions():
    return render_template("community/privacy_versions.html", versions=services.notice_versions())


@bp.get("/privacy/versions/<id:number>")
def privacy_version(number):
    notice = services.notice_version(number)
    if notice is None:
        abort(404)
    html, converted = _notice_page_data(notice)
    current = services.current_notice_number()
    return render_template(
        "community/privacy.html",
        notice=notice,
        html=html,
        converted=converted,
        older=notice["number"] != current,
    )


@bp.get("/accessibility")
def accessibility():
    return render_template("community/accessibility.html")


@bp.route("/community/contact", methods=["GET", "POST"])
@permit(can_manage_community)
def edit_contact():
    languages = content_languages()
    saved = services.all_contact_details()
    data = {
        field_for(name, tag): (saved.get(tag) or {}).get(name)
        for tag in languages
        for name in CONTACT_FIELDS
    }
    form = contact_form(languages, data)
    if form.validate_on_submit():
        details = {
            tag: {name: form[field_for(name, tag)].data for name in CONTACT_FIELDS}
            for tag in languages
        }
        if run_service(form, services.save_contact_details, current_user, details):
            flash(_("The contact details have been saved."), "success")
            return redirect(url_for("community.edit_contact"))
    groups = [
        (tag, language_name(tag), [form[field_for(name, tag)] for name in CONTACT_FIELDS])
        for tag in languages
    ]
    return render_form("community/edit_contact.html", form, groups=groups)


@bp.route("/community/privacy", methods=["GET", "POST"])
@permit(can_manage_community)
def edit_privacy():
    languages = content_languages()
    notice = services.current_notice()
    texts = notice["texts"] if notice else services.default_notice_texts()
    form = notice_form(languages, {field_for("text", tag): texts.get(tag) for tag in languages})
    if form.validate_on_submit() and (
        done := run_service(
            form,
            services.publish_privacy_notice,
            current_user,
            {tag: form[field_for("text", tag)].data for tag in languages},
        )
    ):
        flash(
            _("Version %(number)s of the privacy notice is published.", number=done.result.number),
            "success",
        )
        return redirect(url_for("community.privacy"))
    fields = [(tag, form[field_for("text", tag)]) for tag in languages]
    return render_form("community/edit_privacy.html", form, notice=notice, fields=fields)
