"""Search tokens (``portal.core.text.search_tokens``): a key for every form, an exact
form for the marks."""

from portal.core.text import search_keys, search_terms, search_tokens, words


def forms(text):
    original, tokens = search_tokens(text)
    return [(original[t.start : t.end], t.key, t.exact, t.marked) for t in tokens]


def test_keys_are_the_folded_words_with_the_i_y_variants_made_one():
    text = "Kỳ họp thứ 13 HĐND tỉnh Bắc Kạn, kì lý lí quý qui Mỹ y tế thủy huy"
    assert search_keys(text) == [
        "ki", "hop", "thu", "13", "hdnd", "tinh", "bac", "kan",
        "ki", "li", "li", "qui", "qui", "mi", "y", "te", "thuy", "huy",
    ]  # fmt: skip
    assert search_keys("Tiếp xúc cử tri Đại biểu") == words("Tiếp xúc cử tri Đại biểu")


def test_exact_forms_keep_tone_letters_and_a_written_y_whatever_the_tone_placement():
    assert forms("họp hợp hộp hop") == [
        ("họp", "hop", "hop~5---", True),
        ("hợp", "hop", "hop~5-+-", True),
        ("hộp", "hop", "hop~5-^-", True),
        ("hop", "hop", "hop~0---", False),
    ]
    assert {t.exact for t in search_tokens("thuỷ thủy THỦY")[1]} == {"thuy~3----"}
    assert search_tokens("hoà hòa")[1][0].exact == search_tokens("hòa")[1][0].exact
    kỳ, kì, ky = search_tokens("kỳ kì ky")[1]
    assert kỳ.key == kì.key == ky.key == "ki"
    assert (kỳ.exact, kì.exact, ky.exact) == ("ki~2-y", "ki~2--", "ki~0-y")
    assert not ky.marked  # "ky" has no diacritics: it is read by its key alone
    assert search_tokens("Đường")[1][0].exact == "duong~2/++--"


def test_words_are_cut_as_words_cuts_them_even_in_odd_text():
    assert forms("Straße x² café") == [
        ("Straße", "strasse", "strasse~0-------", False),
        ("x", "x", "x~0-", False),
        ("café", "cafe", "cafe~1----", True),
    ]
    decomposed = "Ky\u0300 ho\u0323p"  # NFD: read as its NFC form
    assert [t.exact for t in search_tokens(decomposed)[1]] == ["ki~2-y", "hop~5---"]
    assert search_keys("a_b, 中文 abc") == ["a", "b", "abc"]
    assert search_keys("") == [] and search_keys(None) == []


def test_search_terms_are_search_tokens_without_the_places():
    for text in ("Khai mạc kỳ họp thứ 13 HĐND tỉnh", "Straße q̃a kỳ", "a" * 500):
        expected = [(t.key, t.exact, t.marked) for t in search_tokens(text)[1]]
        assert search_terms(text) == expected
