"""The proposal tests' small community: proposals are the first multilingual content."""

from tests.proposals.conftest import people, queries, write  # noqa: F401
