from __future__ import annotations

import inspect

import tacitus


def test_all_matches_the_exported_names():
    # submodules are importable but are not part of the API surface
    public = {name for name in dir(tacitus) if not name.startswith("_") and not inspect.ismodule(getattr(tacitus, name))}
    assert set(tacitus.__all__) - {"__version__"} == public
    for name in tacitus.__all__:
        assert hasattr(tacitus, name)


def test_error_hierarchy():
    assert issubclass(tacitus.ArticleDateError, tacitus.InputError)
    for cls in (tacitus.InputError, tacitus.DictionaryError, tacitus.ConfigError, tacitus.StoreError):
        assert issubclass(cls, tacitus.TacitusError)
    err = tacitus.DictionaryError("bad code", path="x.tsv", line=7)
    assert str(err).startswith("[T200] x.tsv:7: bad code")
