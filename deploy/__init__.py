"""What operators run: migrations, queue declarations, demo data, container start."""
