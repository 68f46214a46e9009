"""Cases: the schema (``schema``), the library loader (``library``) and the validator (``validate``)."""


def __getattr__(name: str):
    # Imported lazily: the library loader reads program rules, which read the case schema.
    if name == "CaseLibrary":
        from casekit.cases.library import CaseLibrary

        return CaseLibrary
    if name == "validate_library":
        from casekit.cases.validate import validate_library

        return validate_library
    raise AttributeError(name)
