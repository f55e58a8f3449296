"""What each command does, below the thin click layer in generator/cli/."""
