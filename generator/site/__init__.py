"""From the model to files: the page list, views, Markdown, rendering, exports, the writer."""
