"""Work spread over processes, with progress reported to the caller."""
