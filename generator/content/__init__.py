"""The content format: read a site folder, check every file, build the frozen model."""
