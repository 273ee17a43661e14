"""The rule set an election is run by, stored with it (PRODUCT.md's table; the defaults).

A community sets what its own measures say: every value is editable on the election's
rule page and kept as JSON in ``elections.rules``, so an election keeps the rules it was
prepared under even when the defaults change later.
"""

import json
from dataclasses import asdict, dataclass, field, fields
from fractions import Fraction

from flask_babel import lazy_gettext as _l

from consult.core.enums import Choice


class ElectionMode(Choice):
    DIRECT = "direct", _l("All voters directly")
    HOUSEHOLD = "household", _l("One representative per household")
    GROUPS = "groups", _l("Representatives of the residents' groups")


class RelationKind(Choice):
    """Family relations the rules speak of (declared, never guessed)."""

    SPOUSE = "spouse", _l("Spouse")
    PARENT = "parent", _l("Parent")
    CHILD = "child", _l("Child")
    SIBLING = "sibling", _l("Brother or sister")
    GRANDPARENT = "grandparent", _l("Grandparent")
    GRANDCHILD = "grandchild", _l("Grandchild")


CLOSE_FAMILY = ("spouse", "parent", "child", "sibling")
PROXY_FAMILY = (*CLOSE_FAMILY, "grandparent", "grandchild")


@dataclass
class Rules:
    """Every value of the rule set, with the defaults of the organic law (2018) and
    Zhejiang's measures (2020). Days count back from election day unless said otherwise."""

    min_age: int = 18  # organic law Art. 8
    list_foreign_residents: bool = False  # Constitution Art. 34: the vote is a citizen's
    mode: str = ElectionMode.DIRECT.value  # Art. 8
    representatives_per_group: int = 3  # in "groups" mode: 2 or 3
    voter_list_days: int = 20  # Zhejiang Art. 14
    objection_days: int = 5  # after the list's publication
    objection_decision_days: int = 3  # after an objection is lodged
    competitive: bool = True  # more candidates than seats (差额), Arts. 17-19
    candidate_list_days: int = 5
    withdrawal_days: int = 3
    staff_list_days: int = 5  # Arts. 22, 26
    staff_blocked_relations: list = field(default_factory=lambda: list(CLOSE_FAMILY))
    proxy_relations: list = field(default_factory=lambda: list(PROXY_FAMILY))  # Art. 25
    max_proxies: int = 3
    proxy_days: int = 3
    turnout: str = "1/2"  # valid only with more than this share of voters voting (Art. 27)
    first_round_majority: str = "1/2"  # elected with more than this share (Art. 28)
    second_round_minimum: str = "1/3"  # at least this share in the second round (Art. 29)
    second_round_within_days: int = 30
    vacancies_allowed_from: int = 3  # with this many members elected, the rest may stay vacant
    mobile_box_min_observers: int = 3  # Art. 24

    @classmethod
    def from_json(cls, text):
        """The stored rules; values missing from an older rule set take today's defaults."""
        stored = json.loads(text) if text else {}
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in stored.items() if key in known})

    def to_json(self):
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)

    def as_dict(self):
        return asdict(self)


def fraction(text):
    """ "1/2" → Fraction(1, 2); None for anything that is not a fraction from 0 to 1."""
    try:
        value = Fraction(str(text).strip())
    except (ValueError, ZeroDivisionError):
        return None
    return value if 0 <= value <= 1 else None
