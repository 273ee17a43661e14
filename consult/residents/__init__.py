"""Residents: accounts, and the resident register they are verified against.

accounts/      sign up, sign in, password reset, roles
models.py      grids, buildings, households, residents, invitations, verification events
importer.py    reading and checking the committee's CSV; upsert.py writes a checked file
services.py    register rules and the eligibility helpers polls and elections use
invitations.py signed, single-use invitation codes printed as QR codes on letters
views/         the committee's pages under /register, /register/me, /invitation/<token>
"""
