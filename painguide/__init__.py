"""painguide: the Southern Healthcare Region's guide to advanced pain treatment in palliative care."""

COMMAND = ".venv/bin/painguide"
"""How an editor runs painguide: in the project folder, from the venv that `make` creates.
The bare `painguide` is not on a newcomer's PATH, so help and hints name this form, which
works as written from a fresh clone."""
