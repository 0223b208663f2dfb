"""Sub-commands of the ``tradeoff`` command line, one module each.

Each module has ``register(subparsers)`` that adds its parser and sets
``func`` to a function taking the parsed arguments and returning an exit status.
"""
