"""Poll pages: /polls for everyone, the ballot under /polls/<id>/vote, and the committee's
pages to create, edit, open, close, cancel, tick paper voters and enter paper ballots."""

from flask import Blueprint

bp = Blueprint("polls", __name__)

from consult.polls.views import manage, pages, voting  # noqa: E402,F401
