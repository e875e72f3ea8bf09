"""analyzers.stance."""
