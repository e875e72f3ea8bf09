"""parse.flemish."""
