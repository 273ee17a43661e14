from tests.access import ANYONE, COMMITTEE_ONLY

ACCESS = {
    "community.contact": ANYONE,
    "community.privacy": ANYONE,
    "community.privacy_versions": ANYONE,
    "community.privacy_version": ANYONE,
    "community.accessibility": ANYONE,
    "community.edit_contact": COMMITTEE_ONLY,
    "community.edit_privacy": COMMITTEE_ONLY,
}


def url_values(db):
    """The demo's first privacy notice."""
    return {"community.privacy_version:number": 1}
