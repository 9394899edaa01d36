"""JSON Schemas of the data files, generated from the models for editors (yaml.schemas)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .models import Claim, Metric, Region, Site, Source, StandardUnit, Unit


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegionsFile(_File):
    """data/regions.yaml"""

    regions: list[Region]


class UnitsFile(_File):
    """data/units.yaml"""

    standard_units: list[StandardUnit]
    units: list[Unit]


class SourcesFile(_File):
    """data/sources.yaml"""

    sources: list[Source]


class SitesFile(_File):
    """data/sites/*.yaml"""

    sites: list[Site]


class MetricsFile(_File):
    """data/metrics/*.yaml"""

    metrics: list[Metric]


class ClaimsFile(_File):
    """data/claims/<source>.yaml: the claims of one article."""

    claims: list[Claim]


SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "regions": (RegionsFile, "data/regions.yaml"),
    "units": (UnitsFile, "data/units.yaml"),
    "sources": (SourcesFile, "data/sources.yaml"),
    "sites": (SitesFile, "data/sites/*.yaml"),
    "metrics": (MetricsFile, "data/metrics/*.yaml"),
    "claims": (ClaimsFile, "data/claims/*.yaml"),
}


def render_schemas() -> dict[str, str]:
    """File name -> JSON text of every schema, and the editor settings that map them."""
    out = {}
    mapping = {}
    for name, (model, pattern) in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"schema/{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        mapping[f"./schema/{name}.schema.json"] = pattern
    settings = {"yaml.schemas": mapping}
    out[".vscode/settings.json"] = json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
    return out


def stale_schemas(root: Path) -> list[str]:
    """The generated files under ``root`` that differ from the models."""
    return [
        name
        for name, text in render_schemas().items()
        if not (root / name).exists() or (root / name).read_text("utf-8") != text
    ]


def write_schemas(root: Path) -> list[str]:
    """Write the generated files; returns the names written."""
    written = []
    for name, text in render_schemas().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(name)
    return written
