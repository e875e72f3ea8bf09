"""analyzers.numbers."""
