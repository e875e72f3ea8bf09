"""parse.kamer: the federal Chamber of Representatives' reports."""
