"""Load the pipeline configuration: defaults, a user file, then command-line overrides."""

from __future__ import annotations

import copy
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["load_config"]

REQUIRED_STAGES = ("read", "parse")


def _default() -> dict[str, Any]:
    text = resources.files("tacitus").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def _parse_value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def load_config(
    path: str | Path | None = None,
    *,
    overrides: list[str] | None = None,
    disable: list[str] | None = None,
    swap: list[str] | None = None,
) -> dict[str, Any]:
    """Return the effective configuration.

    ``overrides`` are ``section.key=value`` strings (value parsed as JSON when it can be),
    ``disable`` names stages to drop, ``swap`` are ``stage=factory`` strings.
    """
    config = copy.deepcopy(_default())
    if path is not None:
        path = Path(path)
        try:
            user = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} not found", code="T302") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the line it names", code="T303") from None
        _merge(config, user)
    for item in overrides or []:
        if "=" not in item or "." not in item.split("=", 1)[0]:
            raise ConfigError(f"--set {item!r}: expected SECTION.KEY=VALUE, e.g. stages.parse.n_process=2", code="T304")
        dotted, raw = item.split("=", 1)
        node = config
        keys = dotted.strip().split(".")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ConfigError(f"--set {item!r}: {key} is not a section", code="T304")
        node[keys[-1]] = _parse_value(raw.strip())
    stages = list(config["pipeline"]["stages"])
    for name in disable or []:
        if name not in stages:
            raise ConfigError(f"--disable {name}: no such stage; stages are {', '.join(stages)}", code="T305")
        if name in REQUIRED_STAGES:
            raise ConfigError(f"--disable {name}: the {name} stage cannot be disabled (swap it instead)", code="T306")
        stages.remove(name)
    for item in swap or []:
        if "=" not in item:
            raise ConfigError(f"--stage {item!r}: expected STAGE=FACTORY, e.g. actors=tacitus.actors.v1", code="T307")
        name, factory = (part.strip() for part in item.split("=", 1))
        if name not in config["stages"]:
            raise ConfigError(f"--stage {item!r}: no stage {name!r} in the config", code="T307")
        config["stages"][name]["factory"] = factory
    config["pipeline"]["stages"] = stages
    for name in stages:
        if name not in config.get("stages", {}) or "factory" not in config["stages"][name]:
            raise ConfigError(f"stage {name!r} is listed in pipeline.stages but has no [stages.{name}] factory", code="T308")
    return config
