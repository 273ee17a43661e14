"""Proxy votes: written, to a close relative who is a voter and not a candidate; at most the
rule set's number per proxy; no re-delegation; filed by D-3; void until published."""

from datetime import date

import pytest

from consult.core.services import ServiceError
from consult.elections.services import proxies
from tests.elections.conftest import add_candidates

ON_TIME = date(2030, 6, 10)


def _file(actor, election, register, voter, proxy, relation="child", today=ON_TIME):
    return proxies.file_proxy(actor, election, register[voter], register[proxy], relation, today, today=today)  # fmt: skip


def _fields(error):
    return {p.field for p in error.value.problems}


def test_a_proxy_is_void_until_the_list_is_published(listed_election, committee_user, register):
    election = listed_election()
    _file(committee_user, election, register, "冯静", "冯军", "spouse")
    assert proxies.valid_proxies(election) == []
    proxies.publish_proxies(committee_user, election)
    assert [p.proxy.full_name for p in proxies.valid_proxies(election)] == ["冯军"]


def test_relation_and_the_voter_list(listed_election, committee_user, register):
    election = listed_election()
    with pytest.raises(ServiceError) as error:
        _file(committee_user, election, register, "冯静", "冯军", "friend")
    assert _fields(error) == {"relation"}
    with pytest.raises(ServiceError) as error:
        _file(committee_user, election, register, "冯静", "Anna Smith", "spouse")
    assert _fields(error) == {"proxy"}  # not a voter


def test_filed_by_three_days_before(listed_election, committee_user, register):
    election = listed_election()
    with pytest.raises(ServiceError):
        _file(committee_user, election, register, "冯静", "冯军", "spouse", today=date(2030, 6, 13))
    _file(committee_user, election, register, "冯静", "冯军", "spouse", today=date(2030, 6, 12))


def test_no_candidate_and_no_re_delegation(listed_election, committee_user, register):
    election = listed_election()
    add_candidates(committee_user, election, register, {"director": [("王芳", 3)]})
    with pytest.raises(ServiceError) as error:
        _file(committee_user, election, register, "陈磊", "王芳", "spouse")
    assert _fields(error) == {"proxy"}
    _file(committee_user, election, register, "冯静", "冯军", "spouse")
    with pytest.raises(ServiceError) as error:  # 冯军 holds a proxy: cannot give his own vote
        _file(committee_user, election, register, "冯军", "周敏", "sibling")
    assert _fields(error) == {"voter"}
    with pytest.raises(ServiceError) as error:  # 冯静 gave her vote: cannot hold one
        _file(committee_user, election, register, "郑华", "冯静", "sibling")
    assert _fields(error) == {"proxy"}


def test_at_most_the_rule_sets_number_per_proxy(listed_election, committee_user, register):
    election = listed_election(max_proxies=2)
    _file(committee_user, election, register, "周敏", "冯军", "sibling")
    _file(committee_user, election, register, "刘洋", "冯军", "sibling")
    with pytest.raises(ServiceError) as error:
        _file(committee_user, election, register, "孙丽", "冯军", "sibling")
    assert "2" in str(error.value.message)


def test_signed_in_residents_see_the_published_list_by_name_only(client, listed_election, committee_user, register, signed_in, db):  # fmt: skip
    election = listed_election()
    _file(committee_user, election, register, "冯静", "冯军", "spouse")
    db.session.commit()
    assert "冯军" not in client.get(f"/elections/{election.id}").get_data(as_text=True)
    proxies.publish_proxies(committee_user, election)
    db.session.commit()
    assert "冯军" not in client.get(f"/elections/{election.id}").get_data(
        as_text=True
    )  # signed out
    signed_in("resident")
    page = client.get(f"/elections/{election.id}").get_data(as_text=True)
    assert "冯静 → 冯军" in page
    assert "spouse" not in page.lower()  # names only
