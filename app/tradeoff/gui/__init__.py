"""The desktop app (Qt for Python). Everything Qt lives here; the core stays Qt-free.

Shape
-----
``window.app.run_app(path)`` starts the app. One :class:`~tradeoff.gui.document.document.Document`
holds the matrix, its ``QUndoStack`` and its path for the window's lifetime (New
and Open load another matrix into it). Widgets never change the matrix
directly: every user action pushes one undo command from
:mod:`tradeoff.gui.document.commands` (several at once go in a ``commands.Macro``), the
command calls a Document method, the Document calls the core mutator in
:mod:`tradeoff.core.edits` and emits signals; item models and panels follow.

Adding to the app
-----------------
Each room (a subpackage: ``window``, ``grid``, ``matrix``, ``weights``, ``results``,
``robustness``, ``excel``, with ``document`` and ``common`` shared by all) may have
a ``feature`` module listed in ``window.main_window.FEATURE_MODULES`` that
defines ``install(window)``; the app calls it once the window is on screen (so
its imports never slow the start). ``install`` uses only what
:class:`tradeoff.gui.common.host.WindowHost` declares:

``window.document``
    ``changed`` — after every edit, undo, redo and load;
    ``weights_changed`` — a weight or the active profile changed;
    ``profiles_changed``, ``replaced`` (another matrix loaded), ``path_changed``.
    ``document.matrix`` is the core :class:`~tradeoff.core.model.DecisionMatrix`
    (read it, never write it); ``document.values()`` is the cached 0..1 value
    matrix; ``document.weights()`` the normalised weights of the active profile;
    ``document.push(command)`` makes a change. A new kind of change is a new
    ``QUndoCommand`` whose redo/undo call Document methods. To replace a
    profile's weights (an elicitation result) push
    ``commands.ReplaceProfile(doc, edits.copy_profile(...) with new weights)``.
``window.menu(name)``
    The menu called ``"File"``, ``"Edit"``, ``"Matrix"``, ``"Weights"``,
    ``"Analysis"``, ``"View"`` or ``"Help"`` (created in that order; any other
    name makes a new menu before Help). File › Import/Export items go before
    ``window.file_export_separator``:
    ``window.menu("File").insertAction(window.file_export_separator, action)``.
``window.add_dock(title, widget, area, tabify_with=None)``
    A new panel (a scoring-method cross-check, a sensitivity view…) with its
    toggle in the View menu; ``tabify_with="Results"`` stacks it with the results
    (behind them; the saved layout puts it back where the user left it).
    ``window.raise_dock(title)`` brings a dock to the front, for a menu entry.
``window.closing``
    Emitted once the user has confirmed closing the window: stop threads here
    (``window.closing.connect(panel.shutdown)``).
``window.actions``
    Every action by name (``"save"``, ``"add_option"``, ``"undo"``…), to reuse
    or to place in a toolbar (``window.toolbar``).
``window.show_message(text)`` / ``window.show_error(text)``
    The status bar, or a warning dialog for something the user must read.
``window.results_panel``
    The ranking and the chart (``results_panel.chart.save(path)``), with the
    method selector (``results_panel.set_method("topsis")``). It, ``weights_panel``
    and ``cell_panel`` are there once ``window.panels_built``: at start-up, just after
    the first paint and before the features are installed.

The installed features are ``excel.feature`` (File › Import, Export to Excel),
``weights.feature`` (Weights › Swing, Ranking, AHP, Combine Participants),
``results.feature`` (the Cross-check dock) and ``robustness.feature`` (the
Robustness dock and its Analysis entries).

Keys and icons are named once, in :mod:`tradeoff.gui.common.shortcuts` and
:mod:`tradeoff.gui.common.icons`; persistent settings are declared once in
:mod:`tradeoff.gui.common.settings`.
"""
