"""Tests of consult.text: Markdown, Chinese conversion, language guessing, search tokens."""
