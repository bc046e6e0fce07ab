"""``python -m relgraph`` runs the CLI."""

from relgraph.cli import main

if __name__ == "__main__":
    main()
