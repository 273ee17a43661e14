"""consult.text: text utilities shared by the domains. Pure Python: no Flask, no SQLAlchemy.

- :mod:`consult.text.markdown`: ``render_markdown`` (safe HTML), ``markdown_to_text``.
- :mod:`consult.text.chinese`: ``to_traditional``, ``to_simplified``, ``convert_for``.
- :mod:`consult.text.language`: ``guess_language`` from the script of a text.
- :mod:`consult.text.search_tokens`: ``document_tokens``, ``query_terms``, ``highlight``,
  the tokenizer of site search for SQLite FTS5 and PostgreSQL.

Heavy resources (OpenCC dictionaries, jieba, pypinyin) load on first use, not on import.
"""
