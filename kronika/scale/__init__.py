"""Scale-out: extraction on every core of one machine (pool), on a Dask cluster over Parquet shards
(batch, shards), from feeds and WARC archives, and wire copies told apart from independent reports."""
