"""analyzers.topics."""
