"""Belgian politics as data: parties, their colours, governments and blocs."""
