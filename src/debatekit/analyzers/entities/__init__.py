"""analyzers.entities."""
