"""The results chart: horizontal bars of the deciding round, drawn as SVG on the server
(no JavaScript). Its text equivalent is the table of the same round."""

from dataclasses import dataclass

BAR_HEIGHT, ROW_HEIGHT, WIDTH, LABEL_SPACE = 16, 44, 360, 20


@dataclass
class Bar:
    label: object
    value: str
    y: int
    width: float
    winner: bool


def chart(view):
    """Bars of the deciding (last) round, scaled to the largest value."""
    rnd = view.last
    if rnd is None or not rnd.rows:
        return None
    rows = sorted(rnd.rows, key=lambda row: -row.number)
    top = max((row.number for row in rows), default=0) or 1
    usable = WIDTH - 60
    bars = [
        Bar(row.label, row.value, 8 + i * ROW_HEIGHT, float(row.number / top) * usable, row.winner)
        for i, row in enumerate(rows)
    ]
    return {"bars": bars, "height": 8 + len(bars) * ROW_HEIGHT, "width": WIDTH,
            "bar_height": BAR_HEIGHT, "label_space": LABEL_SPACE, "round": rnd.number}  # fmt: skip
