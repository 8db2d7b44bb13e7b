"""Sample Polish news articles and their hand gold, shipped with the package for `kronika demo`.

Only data lives here: *.txt in the seed format, more.jsonl, one HTML page and gold.jsonl. The package
marker makes setuptools ship the files as package data.
"""
