"""Review packs: the review PDF, and (next) its PAdES signature, manifest and verification. No Qt."""
