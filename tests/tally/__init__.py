"""Tests of the counting engine, consult.tally."""
