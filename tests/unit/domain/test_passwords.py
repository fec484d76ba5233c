from recovery_app.domain.passwords import Strength, check_new_password, normalise


def test_short_passwords_are_not_accepted() -> None:
    check = check_new_password("short")
    assert check.strength is Strength.TOO_SHORT
    assert not check.acceptable


def test_common_password_is_weak_but_allowed() -> None:
    check = check_new_password("password1")
    assert check.strength is Strength.WEAK
    assert check.acceptable


def test_several_unrelated_words_are_strong() -> None:
    assert check_new_password("lantern oyster gravel tuesday").strength is Strength.STRONG


def test_the_same_password_typed_two_ways_is_the_same() -> None:
    composed, decomposed = "caf\u00e9 au lait", "cafe\u0301 au lait"
    assert composed != decomposed
    assert normalise(composed) == normalise(decomposed)


def test_very_long_passwords_are_checked_quickly() -> None:
    assert check_new_password("x" * 5000).acceptable
