"""The main window and the application around it: start-up, files and recent files,
autosave, palette, About and the message banner. It assembles the other rooms."""
