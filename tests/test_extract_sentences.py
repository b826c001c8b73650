"""Sentence splitting keeps the last text's spans: a caller gets the same spans again, can change
its list freely, and a different text is split afresh."""

from __future__ import annotations

from extract import sentences


def test_split_again_gives_the_same_spans_and_a_list_of_its_own():
    text = "Tariffs rose. Exports fell."
    first = sentences.split(text)
    assert first == [(0, 13), (14, 27)]  # 'Tariffs rose.' and 'Exports fell.'
    first.append((99, 100))
    assert sentences.split(text) == [(0, 13), (14, 27)]


def test_a_different_text_is_split_afresh():
    assert sentences.split("One. Two.") == [(0, 4), (5, 9)]
    assert sentences.split("Mr. Smith came. He left.") == [(0, 15), (16, 24)]  # 'Mr.' ends none
    assert sentences.split("One. Two.") == [(0, 4), (5, 9)]
