"""Cases: the schema, the library loader and the validator."""

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Key, Setting, Severity
from casekit.cases.validate import validate_library

__all__ = ["Case", "CaseLibrary", "Key", "Setting", "Severity", "validate_library"]
