"""The sample domain's part in people's rights over their data: the hooks as a later
domain (proposals, polls) writes them, and a table for the committee's export."""

from consult.core.domain import ExportTable, PersonalTable

KEEPERS = {}  # account id -> the garden plot they tend
FORGOTTEN = []  # accounts forget_user was called for


def personal_data(user):
    plot = KEEPERS.get(user.id)
    return [
        PersonalTable(
            "garden_plots",
            "Garden plots you tend",
            (("plot", "Plot"),),
            [(plot,)] if plot is not None else [],
        )
    ]


def forget_user(user, actor):
    KEEPERS.pop(user.id, None)
    FORGOTTEN.append(user.id)


def export_tables():
    return [
        ExportTable(
            "plots.csv",
            "Garden plots and who tends them (account numbers).",
            ("plot", "account_id"),
            lambda: ((plot, user_id) for user_id, plot in sorted(KEEPERS.items())),
        )
    ]
