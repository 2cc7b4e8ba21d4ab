"""The testimonial block refuses a recording nobody can read: a transcript and its kind are required."""

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from dossiers import blocks

# English msgids; the tests run in Dutch, so they compare with gettext() of these.
TRANSCRIPT_REQUIRED = "Add a transcript: a recording without one shuts people out."
KIND_REQUIRED = "Say whether the recording is audio or video."


def clean(**value):
    block = blocks.TestimonialBlock()
    defaults = {
        "quote": "Iemand vroeg me gewoon binnen.",
        "speaker": "een moeder",
        "media_url": "",
        "media_kind": "",
        "transcript": "",
    }
    return block.clean(block.to_python({**defaults, **value}))


def errors(**value) -> dict[str, list[str]]:
    with pytest.raises(StructBlockValidationError) as refused:
        clean(**value)
    return {name: list(error.messages) for name, error in refused.value.block_errors.items()}


@pytest.mark.parametrize("transcript", ["", "   \n "])
def test_a_recording_without_a_transcript_is_refused(transcript):
    found = errors(media_url="https://media.example.org/moeder.mp3", media_kind="audio", transcript=transcript)
    assert found == {"transcript": [translation.gettext(TRANSCRIPT_REQUIRED)]}


def test_the_refusal_is_in_the_editors_language():
    with translation.override("en"):
        assert errors(media_url="https://media.example.org/v.mp4", media_kind="video") == {"transcript": [TRANSCRIPT_REQUIRED]}
    with translation.override("nl-be"):
        found = errors(media_url="https://media.example.org/v.mp4", media_kind="video")
        assert found == {"transcript": ["Voeg de uitgeschreven tekst toe: zonder sluit een opname mensen uit."]}


def test_a_recording_must_say_whether_it_is_audio_or_video():
    found = errors(media_url="https://media.example.org/moeder.mp3", transcript="Moeder: ...")
    assert found == {"media_kind": [translation.gettext(KIND_REQUIRED)]}


def test_a_quote_without_a_recording_or_a_recording_with_its_transcript_is_accepted():
    assert clean()["speaker"] == "een moeder"
    accepted = clean(media_url="https://media.example.org/moeder.mp3", media_kind="audio", transcript="Moeder: ...")
    assert accepted["transcript"] == "Moeder: ..."
