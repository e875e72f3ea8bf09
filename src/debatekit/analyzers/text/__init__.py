"""Text tools researchers use every day: KWIC, document-term matrices, keyness, dictionaries."""
