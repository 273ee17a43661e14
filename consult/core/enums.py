"""Value lists and states, each defined once.

A :class:`Choice` is a ``StrEnum`` whose members carry a translated label; the database
stores the plain value, a CHECK constraint built from the enum (:func:`check_in`) refuses
anything else, forms take their choices from it and templates show ``member.label``.

A :class:`State` is a Choice with the moves allowed between its members; ``move_to`` on a
model refuses an illegal change (a programming error, not a reader's mistake).
"""

from enum import StrEnum

from sqlalchemy import CheckConstraint, String
from sqlalchemy.types import TypeDecorator


class Choice(StrEnum):
    """``NAME = "value", _l("Label")``: a stored value with the label readers see."""

    def __new__(cls, value, label=None):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self):
        return self._label if self._label is not None else self.value

    @classmethod
    def values(cls):
        return tuple(member.value for member in cls)

    @classmethod
    def choices(cls):
        """(value, label) pairs for a SelectField or RadioField."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def parse(cls, value):
        """The member for ``value``, or None when it is not one (never raises)."""
        try:
            return cls(value)
        except ValueError:
            return None


class IllegalTransition(ValueError):
    """A state change the state machine does not allow."""


class State(Choice):
    """A Choice whose members move along ``transitions()``: {from: (to, ...)}."""

    @classmethod
    def transitions(cls):
        raise NotImplementedError

    def can_move_to(self, target):
        return target in self.transitions().get(self, ())

    def check_move(self, target):
        target = type(self)(target)
        if not self.can_move_to(target):
            raise IllegalTransition(f"{type(self).__name__}: {self.value} → {target.value}")
        return target

    @property
    def is_final(self):
        return not self.transitions().get(self)


def check_in(column, enum, name=None):
    """A CHECK constraint that ``column`` holds one of ``enum``'s values."""
    values = ", ".join(f"'{value}'" for value in enum.values())
    return CheckConstraint(f"{column} IN ({values})", name=name or column)


class EnumText(TypeDecorator):
    """A String column that hands back members of ``enum`` (and takes members or values)."""

    impl = String
    cache_ok = True

    def __init__(self, enum, length=None):
        self.enum = enum
        super().__init__(length or max(len(v) for v in enum.values()))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return self.enum(value).value  # an unknown value is a programming error

    def process_result_value(self, value, dialect):
        return None if value is None else self.enum(value)
