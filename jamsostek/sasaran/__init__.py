"""The target population (sasaran): the estimate from public statistics."""
