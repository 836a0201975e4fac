"""Stories: Wagtail pages, StreamField blocks, feeds and search for the newsroom site."""
