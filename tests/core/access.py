from tests.access import ANYONE, COMMITTEE_ONLY

ACCESS = {
    "core.index": ANYONE,
    "core.healthz": ANYONE,
    "static": ANYONE,
    "api.index": ANYONE,
    "api.openapi": ANYONE,
    "api.community_community": ANYONE,
}


def url_values(db):
    return {"filename": "css/consult.css"}
ACCESS["audit.trail"] = COMMITTEE_ONLY
