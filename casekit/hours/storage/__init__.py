"""Where the hours log lives: the database, its tables, their migrations and the hash-chained audit trail."""
