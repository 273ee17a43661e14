"""The community itself in the open-data API: its names, time zone and languages."""

from flask import current_app

from consult.core.api import ApiRoutes
from consult.i18n import LOCALE_TAGS, UI_LOCALES

routes = ApiRoutes(
    "community",
    description="The community this deployment serves: its names, time zone and languages.",
    index="/community",
)

routes.schema(
    "Community",
    {
        "type": "object",
        "required": ["id", "names", "time_zone", "ui_languages"],
        "properties": {
            "id": {"type": "string"},
            "names": {
                "type": "object",
                "description": "The community's name per BCP 47 language tag.",
                "additionalProperties": {"type": "string"},
            },
            "time_zone": {"type": "string"},
            "ui_languages": {"type": "array", "items": {"type": "string"}},
        },
    },
)


@routes.get(
    "/community", summary="The community", response={"$ref": "#/components/schemas/Community"}
)
def community():
    config = current_app.config
    names = config["COMMUNITY_NAMES"]
    return {
        "id": "community",
        "names": {LOCALE_TAGS[locale]: names.get(locale) or names["en"] for locale in UI_LOCALES},
        "time_zone": config["COMMUNITY_TIMEZONE"],
        "ui_languages": [LOCALE_TAGS[locale] for locale in UI_LOCALES],
    }
