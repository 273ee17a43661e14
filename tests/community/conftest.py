from tests.residents.conftest import committee, imported  # noqa: F401  (shared fixtures)
