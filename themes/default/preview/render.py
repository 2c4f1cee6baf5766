#!/usr/bin/env python3
"""Render the theme with sample contexts for a visual check.

    pip install chevron
    python3 themes/default/preview/render.py [OUT]      # default OUT: /tmp/theme-preview
    cd OUT && python3 -m http.server 8000               # then open http://localhost:8000/product.html

Each contexts/NAME.json is merged over contexts/_base.json and rendered with the template NAME
(or "_template"), then with layout.mustache plus {{{content}}}, like the build's two passes.
"@cards:N" stands for N sample cards from contexts/_cards.json. Values that the build leaves
empty are omitted from the samples: swift-mustache treats an empty string as true in sections.
"""
import json, shutil, sys
from pathlib import Path

import chevron

HERE = Path(__file__).resolve().parent
THEME = HERE.parent
TEMPLATES = THEME / "templates"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/theme-preview")
CARDS = json.loads((HERE / "contexts/_cards.json").read_text())
PALETTE = {"forest": "#2f4f3a", "forest2": "#3d6149", "sand": "#d8c3a5", "black": "#1b1b1b", "white": "#f1efe9",
           "rust": "#b5532f", "hero": "#5d7a58", "campaign": "#6b4f3a", "cat-women": "#c9b79c", "cat-men": "#44505c",
           "cat-acc": "#9a8f7d", "story-wool": "#d9d2c3", "story-mill": "#8da0a8"}


def merge(base, extra):
    for key, value in extra.items():
        base[key] = merge(base.get(key, {}), value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return base


def expand(value):
    if isinstance(value, str) and value.startswith("@cards:"):
        count = int(value.split(":")[1])
        return [CARDS[i % len(CARDS)] for i in range(count)]
    if isinstance(value, dict):
        return {key: expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item) for item in value]
    return value


def render(name, context):
    partials = {p.relative_to(TEMPLATES).with_suffix("").as_posix(): p.read_text()
                for p in TEMPLATES.rglob("*.mustache")}
    return chevron.render(partials[name], context, partials_dict=partials, partials_path="")


def placeholder(name, colour):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600"><rect width="600" height="600" fill="#eeece6"/>'
            f'<path d="M205 150l60-30h70l60 30 70 60-40 60-40-25v215H215V245l-40 25-40-60z" fill="{colour}"/></svg>')


def main():
    (OUT / "assets").mkdir(parents=True, exist_ok=True)
    (OUT / "images").mkdir(exist_ok=True)
    for asset in (THEME / "assets").iterdir():
        shutil.copy(asset, OUT / "assets" / asset.name)
    for name, colour in PALETTE.items():
        (OUT / "images" / f"p-{name}.svg").write_text(placeholder(name, colour))
        (OUT / "images" / f"{name}.svg").write_text(placeholder(name, colour))
    base = json.loads((HERE / "contexts/_base.json").read_text())
    for path in sorted((HERE / "contexts").glob("[!_]*.json")):
        context = expand(merge(json.loads(json.dumps(base)), json.loads(path.read_text())))
        template = context.pop("_template", path.stem)
        context["content"] = render(template, context)
        (OUT / f"{path.stem}.html").write_text(render("layout", context))
        print(OUT / f"{path.stem}.html")


main()
