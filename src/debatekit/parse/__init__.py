"""parse: reports into turns tables, one reader per parliament behind one interface."""

from ._readers import register_reader
from .flemish._interface import FlemishReader
from .kamer._interface import ChamberReader

# The Chamber's forms are specific (numbered labels, its HTML); Flemish text is the fallback.
register_reader(ChamberReader())
register_reader(FlemishReader(), fallback=True)
