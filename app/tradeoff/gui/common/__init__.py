"""Small pieces every room may use: item roles, chart palettes, icons, shortcuts,
settings and the parsing of cell text. Nothing here knows any other room."""
