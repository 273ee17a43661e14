"""Numbered pages over any query, shared by every list (the register, proposals, ...).

``paginate`` counts once and loads one page. Long lists stay fast to the last page with a
deferred join: the page's ids are found first by a narrow query that an index can answer,
then only those rows are loaded with everything the template needs.
"""

from dataclasses import dataclass

from flask import request
from sqlalchemy import func, select

from consult.core.permissions import parse_id
from consult.extensions import db


@dataclass
class Page:
    items: list
    total: int
    number: int
    per_page: int

    @property
    def pages(self):
        return max((self.total + self.per_page - 1) // self.per_page, 1)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.pages

    @property
    def first_index(self):
        """1-based position of the first item shown (0 when there is none)."""
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    @property
    def last_index(self):
        return self.first_index + len(self.items) - 1 if self.items else 0

    def numbers(self, around=2):
        """Page numbers to link, None where a gap is: [1, None, 7, 8, 9, 10, 11, None, 40]."""
        shown = {1, self.pages, *range(self.number - around, self.number + around + 1)}
        result, previous = [], 0
        for number in sorted(n for n in shown if 1 <= n <= self.pages):
            if number - previous > 1:
                result.append(None)
            result.append(number)
            previous = number
        return result


def page_arg(name="page"):
    """The page number from the query string; anything malformed is page 1."""
    return parse_id(request.args.get(name, "")) or 1


def count_rows(stmt):
    return db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))


def paginate(stmt, number, per_page, *, id_column=None, load=None, total=None):
    """One page of ``stmt`` (ordered) as a :class:`Page`; a page past the end is the last one.

    With ``id_column`` the page is found by a deferred join: ``stmt`` selects ids only (in its
    order) and ``load(ids)`` returns the full rows, in any order; they are put in page order.
    ``total`` may be given when the caller can count more cheaply.
    """
    if total is None:
        total = count_rows(stmt)
    number = max(1, min(number, (total + per_page - 1) // per_page or 1))
    window = stmt.limit(per_page).offset((number - 1) * per_page)
    if id_column is None:
        items = list(db.session.scalars(window).unique())
    else:
        ids = list(db.session.scalars(window.with_only_columns(id_column)))
        by_id = {row.id: row for row in load(ids)} if ids else {}
        items = [by_id[i] for i in ids if i in by_id]
    return Page(items=items, total=total, number=number, per_page=per_page)
