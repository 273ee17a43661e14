"""Imports every domain's models so the metadata (and Alembic) sees all tables."""

from consult.residents.accounts.models import User  # noqa: F401
from consult.residents.models import (  # noqa: F401
    Building,
    Grid,
    Household,
    ImportJob,
    Invitation,
    Resident,
    VerificationEvent,
)
