from __future__ import annotations

import tacitus


def test_all_matches_the_exported_names():
    public = {name for name in dir(tacitus) if not name.startswith("_")} - {
        # submodules are importable but are not part of the API surface
        "api", "cameo", "config", "dates", "dictionaries", "errors", "lexicon", "model", "pipeline", "readers",
        "record", "registry", "stages", "tsv", "display", "cli", "store", "user_dictionaries",
    }
    assert set(tacitus.__all__) - {"__version__"} == public
    for name in tacitus.__all__:
        assert hasattr(tacitus, name)


def test_error_hierarchy():
    assert issubclass(tacitus.ArticleDateError, tacitus.InputError)
    for cls in (tacitus.InputError, tacitus.DictionaryError, tacitus.ConfigError, tacitus.StoreError):
        assert issubclass(cls, tacitus.TacitusError)
    err = tacitus.DictionaryError("bad code", path="x.tsv", line=7)
    assert str(err).startswith("[T200] x.tsv:7: bad code")
