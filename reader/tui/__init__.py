"""The terminal app (Textual). The core modules never import this package."""
