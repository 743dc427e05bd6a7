"""Report formatters: results to str/bytes, one module per output format."""
