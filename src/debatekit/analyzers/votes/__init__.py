"""Roll-call votes: who chose what on every vote, who votes with whom, party cohesion."""
