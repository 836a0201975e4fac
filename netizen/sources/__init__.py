"""The inbox of netizen posts: importers, language detection, dedup, search, labels."""
