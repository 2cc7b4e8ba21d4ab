"""ISBN and DOI: one normalisation each, shared by the admin form, the import and the exports.

Each function returns the normalised value or raises ValueError; callers word the message for
their audience (a form field error, a line in an import report).
"""

import re

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError

# The DOI handbook: "10." + a registrant code of digits (dot-separated parts allowed) + "/" + a suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")
_DOI_PREFIXES = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(value: str) -> str:
    """'https://doi.org/10.1000/XYZ' or 'doi:10.1000/xyz' → '10.1000/xyz'; ValueError when it is no DOI."""
    doi = _DOI_PREFIXES.sub("", (value or "").strip())
    if not DOI_PATTERN.match(doi):
        raise ValueError(value)
    return doi.lower()  # DOIs are case-insensitive; lower case compares and deduplicates


def normalise_isbn(value: str) -> str:
    """A valid ISBN-10 or ISBN-13, hyphenated as the ISBN agency does; ValueError otherwise."""
    try:
        return stdnum_isbn.format(stdnum_isbn.validate(value or ""))
    except StdnumError as error:
        raise ValueError(value) from error


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}" if doi else ""
