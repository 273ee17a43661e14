"""A domain declared the way every domain is, used by test_domains.py to show that adding a
domain needs no edit outside its package (the app under test lists it in DOMAINS)."""

from consult.core.domain import Domain, NavEntry

domain = Domain(
    "sample",
    blueprint="tests.sample_domain.views:bp",
    navigation=[NavEntry("sample.garden", "Community garden", active="/garden")],
    seed="tests.sample_domain.views:seed_garden",
    api="tests.sample_domain.views:routes",
    dashboard="tests.sample_domain.views:tiles",
    tasks="tests.sample_domain.tasks",
    exports="tests.sample_domain.personal:export_tables",
    personal_data="tests.sample_domain.personal:personal_data",
    forget_user="tests.sample_domain.personal:forget_user",
)
