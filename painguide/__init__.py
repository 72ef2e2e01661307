"""painguide: the Southern Healthcare Region's guide to advanced pain treatment in palliative care."""
