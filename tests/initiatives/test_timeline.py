"""The table of timeline kinds (initiatives.timeline): complete, and what each audience sees."""

from initiatives.timeline import (
    CHANGES,
    ENTRY_SPECS,
    INITIATOR_VISIBLE,
    PUBLIC_VISIBLE,
    Audience,
    EntryKind,
)


def test_every_kind_has_exactly_one_row():
    assert set(ENTRY_SPECS) == set(EntryKind.values)


def test_the_public_sees_updates_and_the_initiator_also_the_conversation():
    # A merge and its undoing are public on the initiative that took the duplicate in.
    assert {EntryKind.PUBLIC_UPDATE, EntryKind.MERGED_IN, EntryKind.MERGE_UNDONE} == PUBLIC_VISIBLE
    assert {
        EntryKind.STATUS_CHANGE,
        EntryKind.PUBLIC_UPDATE,
        EntryKind.MESSAGE_TO_INITIATOR,
        EntryKind.MESSAGE_FROM_INITIATOR,
        EntryKind.ENTERED_FOR_RESIDENT,
        EntryKind.MERGED_IN,
        EntryKind.MERGE_UNDONE,
    } == INITIATOR_VISIBLE


def test_what_the_initiator_sees_has_a_heading_on_the_tracking_page():
    for kind in INITIATOR_VISIBLE:
        assert ENTRY_SPECS[kind].initiator_heading, kind
    for kind, spec in ENTRY_SPECS.items():
        if spec.audience == Audience.BROKERS:
            assert not spec.initiator_heading, kind


def test_looking_at_contact_details_is_not_a_change():
    assert set(EntryKind.values) - CHANGES == {EntryKind.CONTACT_VIEWED}
