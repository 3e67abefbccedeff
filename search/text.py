"""Dutch words to stems, the same way for the indexed text and for what a resident types.

Snowball's Dutch stemmer (``snowballstemmer``, the algorithm PostgreSQL's ``dutch`` text
search configuration uses too) makes "speeltuinen" and "speeltuin" one stem. Before that
every word is case-folded and loses its accents, so "Café" finds "cafe". The most common
Dutch function words are left out, so "een speeltuin in de buurt" asks for two words.
"""

import re
import unicodedata

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
MAX_STEM = 100  # SearchTerm.stem's length; a longer "word" is no word a resident looks for

# The most frequent words of the Snowball Dutch stop list.
_STOP_LIST = """
aan al als bij dan dat de die dit door een en er het hij hoe ik in is je maar met naar
niet nog of om ook op te tot uit van voor wat we wel wij zij ze zijn
"""
STOP_WORDS = frozenset(_STOP_LIST.split())


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stems(text: str) -> set[str]:
    """The distinct stems of the words in ``text``."""
    words = [word for word in WORD.findall(fold(text)) if word not in STOP_WORDS]
    # A stemmer object keeps state while it works: one per call, not one per process.
    stemmer = snowballstemmer.stemmer("dutch")
    return {stem for stem in stemmer.stemWords(words) if len(stem) <= MAX_STEM}
