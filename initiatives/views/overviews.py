"""Per-wijk overviews and comparisons for council members and the public; open data."""
