"""Notice pages: the board and its archive, a notice, its A4 print page, Atom feeds,
subscriptions, confirmations, and the committee's writing, publishing and categories."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, render_form
from consult.core.pagination import page_arg, paginate
from consult.core.permissions import load, permit
from consult.core.qr import qr_data_uri
from consult.core.services import flash_result, run_service
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.i18n import LOCALE_TAGS, community_name
from consult.multilingual.languages import (
    content_language_for,
    content_languages,
    language_name,
    reader_language,
)
from consult.multilingual.reading import has_text_by_a_person, localize, original
from consult.notices import clock, queries, services
from consult.notices import permissions as rules
from consult.notices.forms import (
    CategoryForm,
    NoticeForm,
    PublishForm,
    SubscriptionForm,
    scope_choices,
)
from consult.notices.models import ARCHIVED, Notice, NoticeCategory
from consult.residents.places import name_of

bp = Blueprint("notices", __name__)
PER_PAGE = 20


def _filters():
    """(category, scope, args) from the query string; unknown values are ignored."""
    category = services.category_by_slug(request.args.get("category"))
    scope = queries.parse_scope(request.args.get("scope"))
    args = {}
    if category is not None:
        args["category"] = category.slug
    if scope is not None:
        args["scope"] = request.args["scope"]
    return category, scope, args


def _listing(template, stmt_for, endpoint):
    category, scope, args = _filters()
    now = clock.now()
    page = paginate(queries.loaded(stmt_for(now, category, scope)), page_arg(), PER_PAGE)
    tag = reader_language()
    return render_template(
        template,
        page=page,
        rows=[(notice, localize(notice, tag)) for notice in page.items],
        categories=services.categories(),
        scopes=scope_choices(),
        filters=args,
        args=args,
        tag=tag,
        endpoint=endpoint,
        feed_lang=tag,
    )


@bp.get("/notices")
def board():
    return _listing("notices/board.html", queries.board, "notices.board")


@bp.get("/notices/archive")
def archive():
    return _listing("notices/archive.html", queries.archive, "notices.archive")


def place_label(notice):
    if notice.grid is not None:
        return name_of(notice.grid)
    if notice.building is not None:
        return _("Building %(name)s", name=name_of(notice.building))
    return _("Whole community")


@bp.app_context_processor
def _helpers():
    return {"notice_place": place_label}


@bp.get("/notices/<id:notice_id>")
@load("notice_id", Notice, permit=rules.can_view_notice)
def notice(notice):
    tag = reader_language()
    shown = localize(notice, tag)
    status = services.status(notice)
    coming = bool(shown.missing and content_language_for(tag))
    return render_template(
        "notices/notice.html",
        notice=notice,
        shown=shown,
        source=original(notice),
        status=status,
        coming=coming and status != ARCHIVED,
        confirmed=services.has_confirmed(current_user, notice),
        may_confirm=rules.can_confirm_notice(current_user, notice),
        confirm_form=ConfirmForm(),
    )


def _column(notice, tag):
    """One content language's column of the print page, labelled in that language."""
    locale = "zh_Hans" if tag.startswith("zh") else ("en" if tag.startswith("en") else None)
    shown = localize(notice, tag if tag != "zh" else "zh-Hans")
    written = has_text_by_a_person(notice, tag)
    with force_locale(locale or "en"):
        labels = {
            "coming": _("Translation coming. The text below is the original."),
            "category": notice.category.name(LOCALE_TAGS[locale or "en"]),
            "place": place_label(notice),
            "published": _("Published on %(date)s", date=format_date(notice.publish_at))
            if notice.publish_at
            else "",
            "scan": _("Scan to read this notice online in your language."),
            "community": community_name(locale or "en"),
        }
    return {"tag": tag, "shown": shown, "written": written, "labels": labels,
            "locale": locale or "en"}  # fmt: skip


@bp.get("/notices/<id:notice_id>/print")
@load("notice_id", Notice, permit=rules.can_view_notice)
def print_notice(notice):
    """One A4 page for the board in the lobby: every content language side by side, and a
    QR code to the notice's page."""
    url = external_url_for("notices.notice", notice_id=notice.id)
    return render_template(
        "notices/print.html",
        notice=notice,
        columns=[_column(notice, tag) for tag in content_languages()],
        qr=qr_data_uri(url),
        url=url,
    )


def _back(notice):
    return redirect(url_for("notices.notice", notice_id=notice.id))


@bp.post("/notices/<id:notice_id>/confirm")
@load("notice_id", Notice, permit=rules.can_confirm_notice)
def confirm(notice):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.confirm_notice, current_user, notice)
        flash_result(form, done, _("Thank you: the residents' committee knows you have read this notice."))  # fmt: skip
    return _back(notice)


# Feeds -------------------------------------------------------------------------------------

FEED_SIZE = 50


def _feed(lang, category):
    from consult.notices.feeds import atom_feed

    locale = {tag: loc for loc, tag in LOCALE_TAGS.items()}.get(lang)
    if locale is None:
        abort(404)
    now = clock.now()
    stmt = select(Notice).where(*queries.visible_condition(now))
    if category is not None:
        stmt = stmt.where(Notice.category_id == category.id)
    notices = (
        db.session.scalars(
            queries.loaded(
                stmt.order_by(Notice.publish_at.desc(), Notice.id.desc()).limit(FEED_SIZE)
            )
        )
        .unique()
        .all()
    )
    with force_locale(locale):
        body = atom_feed(notices, lang, locale, category)
    return body, 200, {"Content-Type": "application/atom+xml; charset=utf-8"}


@bp.get("/notices/feeds/<lang>.atom")
def feed(lang):
    return _feed(lang, None)


@bp.get("/notices/feeds/<lang>/<slug>.atom")
def category_feed(lang, slug):
    category = services.category_by_slug(slug)
    if category is None:
        abort(404)
    return _feed(lang, category)


# Subscriptions -----------------------------------------------------------------------------


@bp.route("/notices/subscriptions", methods=["GET", "POST"])
@permit(rules.can_subscribe_notices)
def subscriptions():
    form = SubscriptionForm()
    current = services.subscriptions_of(current_user)
    following = bool(current["categories"] or current["scopes"])
    if request.method == "GET":
        shown = current if following else services.suggested_subscriptions(current_user)
        form.categories.data = [str(i) for i in shown["categories"]]
        form.scopes.data = sorted(shown["scopes"])
    if form.validate_on_submit():
        ids = [int(v) for v in form.categories.data or () if v.isdigit() and len(v) < 10]
        if run_service(form, services.save_subscriptions, current_user, ids, form.scopes.data):
            flash(_("Your notice subscriptions are saved."), "success")
            return redirect(url_for("notices.subscriptions"))
    return render_form("notices/subscriptions.html", form, following=following)


# The committee -----------------------------------------------------------------------------


@bp.get("/notices/manage")
@permit(rules.can_manage_notices)
def manage():
    notices = (
        db.session.scalars(
            queries.loaded(select(Notice)).order_by(
                Notice.publish_at.is_(None).desc(), Notice.publish_at.desc(), Notice.id.desc()
            )
        )
        .unique()
        .all()
    )
    now = clock.now()
    tag = reader_language()
    return render_template(
        "notices/manage.html",
        rows=[(n, localize(n, tag), n.status_at(now)) for n in notices],
    )


@bp.route("/notices/new", methods=["GET", "POST"])
@permit(rules.can_manage_notices)
def new_notice():
    form = NoticeForm()
    if request.method == "GET":
        form.fill_defaults()
    if form.validate_on_submit() and (
        done := run_service(form, services.create_notice, current_user, **form.values())
    ):
        flash(_("The notice is saved as a draft."), "success")
        return redirect(url_for("notices.publish", notice_id=done.result.id))
    return render_form("notices/form.html", form, notice=None)


@bp.route("/notices/<id:notice_id>/edit", methods=["GET", "POST"])
@load("notice_id", Notice, permit=rules.can_manage_notice)
def edit_notice(notice):
    form = NoticeForm()
    if request.method == "GET":
        form.load(notice)
    if form.validate_on_submit() and run_service(
        form, services.update_notice, current_user, notice, **form.values()
    ):
        flash(_("The notice is saved."), "success")
        return redirect(url_for("notices.publish", notice_id=notice.id))
    return render_form("notices/form.html", form, notice=notice)


def _manage_notice(view):
    """Committee pages about one notice."""
    return load("notice_id", Notice, permit=rules.can_manage_notice)(view)


@bp.route("/notices/<id:notice_id>/publish", methods=["GET", "POST"])
@_manage_notice
def publish(notice):
    form = PublishForm()
    if form.validate_on_submit() and run_service(
        form, services.publish_notice, current_user, notice,
        form.publish_at.utc(), form.mark_missing.data,
    ):  # fmt: skip
        flash(_("The notice is published.") if services.status(notice) != services.SCHEDULED
              else _("The notice is scheduled."), "success")  # fmt: skip
        return _back(notice)
    tag = reader_language()
    return render_form(
        "notices/publish.html",
        form,
        notice=notice,
        shown=localize(notice, tag),
        status=services.status(notice),
        languages=services.languages_status(notice),
        confirm_form=ConfirmForm(),
    )


@bp.post("/notices/<id:notice_id>/ask/<language>")
@_manage_notice
def ask_translation(notice, language):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.ask_translation, current_user, notice, language)
        flash_result(form, done, _("Translators are asked for %(language)s: the notice is on the translation desk.", language=language_name(language)))  # fmt: skip
    return redirect(url_for("notices.publish", notice_id=notice.id))


@bp.post("/notices/<id:notice_id>/archive")
@_manage_notice
def archive_notice(notice):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.archive_notice, current_user, notice)
        flash_result(form, done, _("The notice is archived: it is off the board and stays in the archive."))  # fmt: skip
    return _back(notice)


@bp.post("/notices/<id:notice_id>/delete")
@_manage_notice
def delete_notice(notice):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.delete_notice, current_user, notice)
        flash_result(form, done, _("The notice is deleted."))
        if done:
            return redirect(url_for("notices.manage"))
    return _back(notice)


@bp.get("/notices/<id:notice_id>/confirmations")
@_manage_notice
def confirmations(notice):
    rows = services.confirmation_counts(notice)
    return render_template(
        "notices/confirmations.html",
        notice=notice,
        shown=localize(notice, reader_language()),
        rows=rows,
        totals=services.confirmation_totals(rows),
        status=services.status(notice),
        confirm_form=ConfirmForm(),
    )


@bp.post("/notices/<id:notice_id>/remind")
@_manage_notice
def remind(notice):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.send_reminder, current_user, notice)
        if done:
            flash(_("A reminder is sent to %(count)d residents who have not confirmed yet.", count=done.result), "success")  # fmt: skip
        else:
            for message in form.form_errors:
                flash(message, "error")
    return redirect(url_for("notices.confirmations", notice_id=notice.id))


@bp.route("/notices/categories", methods=["GET", "POST"])
@permit(rules.can_manage_notices)
def categories_page():
    form = CategoryForm()
    if form.validate_on_submit() and run_service(
        form, services.create_category, current_user, form.name_en.data,
        form.name_zh_hans.data, form.name_zh_hant.data, form.slug.data,
    ):  # fmt: skip
        flash(_("The category is added."), "success")
        return redirect(url_for("notices.categories_page"))
    return render_form(
        "notices/categories.html",
        form,
        categories=services.categories(),
        confirm_form=ConfirmForm(),
    )


@bp.route("/notices/categories/<id:category_id>", methods=["GET", "POST"])
@load("category_id", NoticeCategory, permit=rules.can_manage_notice_category)
def edit_category(category):
    form = CategoryForm()
    if request.method == "GET":
        names = category.names or {}
        form.name_en.data, form.name_zh_hans.data = names.get("en"), names.get("zh-Hans")
        form.name_zh_hant.data, form.slug.data = names.get("zh-Hant"), category.slug
    if form.validate_on_submit() and run_service(
        form, services.update_category, current_user, category, form.name_en.data,
        form.name_zh_hans.data, form.name_zh_hant.data, form.slug.data,
    ):  # fmt: skip
        flash(_("The category is saved."), "success")
        return redirect(url_for("notices.categories_page"))
    return render_form("notices/category.html", form, category=category)


@bp.post("/notices/categories/<id:category_id>/delete")
@load("category_id", NoticeCategory, permit=rules.can_manage_notice_category)
def delete_category(category):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.delete_category, current_user, category)
        flash_result(form, done, _("The category is removed."))
    return redirect(url_for("notices.categories_page"))
