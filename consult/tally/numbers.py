"""Exact numbers for counting: ``Decimal`` where RCTab uses ``BigDecimal``, ``Fraction`` elsewhere.

RCTab keeps the *scale* of every number (``6`` and ``6.0000`` are different strings), so we
use :class:`decimal.Decimal`, whose exponent follows the same rules for ``+``, ``-`` and ``*``.
Division and the truncation of surplus fractions go through :func:`divide` and
:func:`multiply`, which cut (never round) to the configured number of decimal places.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_UP, Context, Decimal
from fractions import Fraction

ZERO = Decimal(0)
ONE = Decimal(1)

# Wide enough that no sum of ballot values is ever rounded; cut only where we say so.
CONTEXT = Context(prec=120, rounding=ROUND_DOWN, Emax=999999, Emin=-999999)


def unit(places: int) -> Decimal:
    """The smallest step at ``places`` decimal places: 1, 0.1, 0.01, ..."""
    return ONE.scaleb(-places)


def divide(dividend: Decimal, divisor: Decimal, places: int, *, up: bool = False) -> Decimal:
    """``dividend / divisor`` cut to ``places`` decimals (rounded up when ``up``)."""
    rounding = ROUND_UP if up else ROUND_DOWN
    ctx = CONTEXT.copy()
    ctx.rounding = rounding
    quotient = ctx.divide(Decimal(dividend), Decimal(divisor))
    return quotient.quantize(unit(places), rounding=rounding, context=ctx)


def multiply(a: Decimal, b: Decimal, places: int) -> Decimal:
    """``a * b`` truncated to ``places`` decimals (RCTab's ``config.multiply``)."""
    return CONTEXT.multiply(a, b).quantize(unit(places), rounding=ROUND_DOWN, context=CONTEXT)


def fmt(value) -> str | None:
    """A number as the string the JSON output uses.

    ``Decimal`` keeps its scale (``"6.0000"``); ``int`` is plain; a ``Fraction`` is written as a
    terminating decimal when it has one (``"2.5"``) and as ``"p/q"`` otherwise, so the string is
    always exact.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a vote count cannot be a bool")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        den = value.denominator
        twos = fives = 0
        while den % 2 == 0:
            den //= 2
            twos += 1
        while den % 5 == 0:
            den //= 5
            fives += 1
        if den != 1:
            return f"{value.numerator}/{value.denominator}"
        places = max(twos, fives)
        scaled = value * 10**places
        text = format(Decimal(scaled.numerator).scaleb(-places), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    raise TypeError(f"cannot format {value!r}")


def to_fraction(text) -> Fraction:
    """Parse a number written as an int, a decimal string or ``"p/q"``."""
    if isinstance(text, bool):
        raise ValueError("not a number")
    if isinstance(text, int | Fraction):
        return Fraction(text)
    if isinstance(text, Decimal):
        return Fraction(text)
    if isinstance(text, float):
        return Fraction(str(text))
    return Fraction(str(text).strip())
