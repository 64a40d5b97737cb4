"""Extract files into the store: safe readers, row rules, one transaction per file, batches and rejections."""
