"""Residents: accounts now; the register, invitations and verification build on them."""
