"""The log itself: people, entries, corrections and which version of an entry counts, with CSV in and out."""
