"""Who may translate, verify and ask for translations."""

from consult.core.permissions import can_translate, is_signed_in, predicate


@predicate
def can_use_desk(user):
    """Translators work the desk; committee members do everything a translator does."""
    return can_translate(user)


@predicate
def can_translate_content(user, content):
    """A translator may translate what translators may see (never someone's draft)."""
    from consult.multilingual.registry import content_type_of

    return can_translate(user) and content_type_of(content).open_to_translators(content)


@predicate
def can_verify_translation(user, translation):
    """A second bilingual person verifies a person's translation: never their own."""
    return (
        can_translate(user)
        and not translation.is_machine
        and not translation.is_verified
        and translation.translator_id != user.id
    )


@predicate
def can_request_translation(user, content):
    from consult.multilingual.registry import content_type_of

    return is_signed_in(user) and content_type_of(content).visible_to(user, content)
