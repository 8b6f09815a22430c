"""`make bench`: each benchmark prints its time against a baseline measured in the same run."""
