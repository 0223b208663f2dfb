"""The decision brief in the app: File › Export Brief… and the Results panel's headline."""
