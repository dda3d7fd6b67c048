"""The assessment workspace: Checklist, DST stepper, Fast Track and reviews, with autosave."""
