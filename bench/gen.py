#!/usr/bin/env python3
"""Generate the benchmark stores: a Shelf store and the equivalent Hugo site.

    bench/gen.py [--products N] [--seed S] [--out DIR] [--force]
    bench/gen.py --check [--out DIR]      validate an existing Shelf store against docs/content.md

Python 3 standard library only. The output is a pure function of (N, seed): the same arguments
always write byte-identical files, so results from different machines compare the same input.

Layout written under --out (default bench/work):

    shelf-store/   shelf.toml, content/{products,pages,stories}/*.md, static/images/*.svg
                   (the theme is NOT written here: bench/run copies /work/main/themes/default
                   into shelf-store/themes/default before every run, so it is always current)
    hugo-site/     hugo.toml, content/ (same Markdown bodies), static/ (same files),
                   layouts/ and assets/ copied from bench/hugo/
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tomllib

BENCH = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(BENCH, "work", "10000")  # bench/run passes bench/work/N
SHELF_THEME = os.path.join(os.path.dirname(BENCH), "themes", "default")
FORMAT_VERSION = "3"  # bump when the generated content changes, so bench/run regenerates

STORE_NAME = "Benchmark Outfitters"
TAGLINE = "Everyday clothing, made to last"
BASE_URL = "https://bench.example"

CATEGORIES = [
    ("women", "Women", "Everyday essentials for women."),
    ("men", "Men", "Shirts, trousers and layers for men."),
    ("kids", "Kids", "Hard-wearing clothes for growing kids."),
    ("accessories", "Accessories", "Belts, scarves, hats and small things."),
    ("shoes", "Shoes", "Trainers, boots and sandals."),
    ("bags", "Bags", "Totes, backpacks and weekenders."),
    ("outerwear", "Outerwear", "Coats and jackets for every season."),
    ("knitwear", "Knitwear", "Recycled wool and organic cotton knits."),
    ("tops", "Tops", "Tees, tanks and long sleeves."),
    ("bottoms", "Bottoms", "Jeans, chinos and shorts."),
    ("dresses", "Dresses", "Dresses for work and weekends."),
    ("underwear", "Underwear", "Soft basics in organic cotton."),
    ("socks", "Socks", "Socks that do not wear through."),
    ("swim", "Swim", "Swimwear from recycled nylon."),
    ("active", "Active", "Clothes to move in."),
    ("sleep", "Sleep", "Pyjamas and loungewear."),
    ("home", "Home", "Blankets, towels and cushions."),
    ("gifts", "Gifts", "Presents that get used."),
    ("essentials", "Essentials", "The pieces everyone needs."),
    ("limited", "Limited Edition", "Small runs, gone when they are gone."),
]
FEATURED = ["women", "men", "accessories", "shoes"]

COLOURS = [
    ("Forest", "#2f4f3a"), ("Sand", "#d8c3a5"), ("Navy", "#1f2a44"), ("Rust", "#b7472a"),
    ("Charcoal", "#36454f"), ("Oat", "#e3d7bf"), ("Olive", "#6b6b2e"), ("Sky", "#8fb8de"),
    ("Plum", "#5e3a5e"), ("Mustard", "#d4a017"), ("Stone", "#9c9384"), ("Ivory", "#f4efe1"),
]
SIZES = ["S", "M", "L", "XL"]

ADJECTIVES = [
    "Organic", "Recycled", "Heavyweight", "Lightweight", "Relaxed", "Slim", "Classic", "Everyday",
    "Brushed", "Washed", "Ribbed", "Quilted", "Waxed", "Merino", "Linen", "Canvas", "Cord",
    "Fleece", "Seersucker", "Twill", "Waffle", "Boxy", "Cropped", "Long", "Soft", "Sturdy",
]
NOUNS = [
    "Tee", "Shirt", "Overshirt", "Hoodie", "Sweatshirt", "Crew", "Cardigan", "Jacket", "Parka",
    "Trousers", "Chinos", "Jeans", "Shorts", "Dress", "Skirt", "Scarf", "Beanie", "Cap", "Tote",
    "Backpack", "Socks", "Boxers", "Pyjamas", "Blanket", "Towel", "Vest", "Polo", "Anorak",
]
BRANDS = ["Evergreen", "Northfold", "Hollow Oak", "Tidewater", "Ember & Ash", "Fieldwork"]
TAGS = ["organic", "cotton", "wool", "recycled", "basics", "fair-trade", "vegan", "new",
        "bestseller", "made-in-portugal", "made-in-ireland", "limited"]

WORDS = (
    "the a and of to in for with on is that this our it made from by you your we at as be are "
    "cotton wool linen fabric yarn weave knit stitch seam hem collar cuff sleeve pocket button "
    "zip lining thread dye colour wash shrink soft warm light heavy durable breathable organic "
    "recycled fair mill factory farm family workers wages certified traceable tested washed "
    "garment pattern fit cut shape shoulder chest waist length drape texture handfeel weight "
    "season winter summer spring autumn rain wind sun morning evening weekend everyday travel "
    "office walk city coast mountain trail garden kitchen studio layer under over with without "
    "last years decade repair mend care cold gentle line dry iron press fold store keep wear "
    "again better simple honest quiet useful careful small batch run supply chain partner "
    "spinner knitter tailor designer maker craft detail finish quality standard natural fibre "
    "plant based low impact water energy carbon footprint label packaging plastic free paper "
    "box ship return exchange size guide measure true roomy snug tailored loose straight tapered "
    "wide narrow deep shallow bright muted earthy tone shade palette stripe check plain marl "
    "melange heather twill canvas denim jersey fleece terry poplin oxford flannel corduroy"
).split()
BOLD_PHRASES = [
    "organic cotton", "recycled wool", "fair wages", "made to last", "machine washable",
    "pre-shrunk", "double-stitched seams", "traceable supply chain", "lifetime repairs",
    "plastic-free packaging", "true to size", "garment dyed",
]
LIST_ITEMS = [
    "Machine wash at 30 °C, inside out", "Dry flat in the shade", "Cool iron on the reverse",
    "Free repairs for the life of the garment", "Made in a family-run mill",
    "Certified by GOTS", "Dyed without heavy metals", "Reinforced stress points",
    "Packed in recycled paper", "Ships within two working days", "Buttons from corozo nut",
    "Pocket bags in organic twill",
]

PAGES = [
    ("about", "About", "Who we are and how we work."),
    ("faq", "FAQ", "Answers to the questions we get most."),
    ("shipping", "Shipping", "How and when we ship."),
    ("returns", "Returns", "Free returns within 30 days."),
    ("privacy", "Privacy", "What we collect and why."),
    ("terms", "Terms", "The terms of sale."),
    ("size-guide", "Size guide", "How to find your size."),
    ("contact", "Contact", "How to reach us."),
]
STORIES = [
    ("why-recycled-wool", "Why we switched to recycled wool", "2025-10-02", "Mara Lind",
     "What it took to close the loop on our knitwear."),
    ("visiting-the-mill", "A week at the mill in Guimarães", "2025-11-14", "Tomás Reis",
     "Where our jersey is knitted, and by whom."),
]

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000" viewBox="0 0 800 1000">'
       '<rect width="800" height="1000" fill="#e3d7bf"/><path d="M250 200h300l120 150-90 60-30-40v480'
       'H250V370l-30 40-90-60z" fill="#2f4f3a"/></svg>\n')


# --------------------------------------------------------------------------------------------
# Generation

def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng: random.Random, target: int = 120) -> str:
    """About `target` words in sentences of 8–18 words, with one or two bold phrases."""
    sentences, count = [], 0
    while count < target:
        n = min(rng.randint(8, 18), max(target - count, 4))
        sentences.append(sentence(rng, n))
        count += n
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(sentences))
        phrase = rng.choice(BOLD_PHRASES)
        sentences[i] = sentences[i][:-1] + f", **{phrase}**."
    return " ".join(sentences)


def body(rng: random.Random) -> str:
    items = rng.sample(LIST_ITEMS, 4)
    return "\n".join([
        paragraph(rng), "",
        paragraph(rng), "",
        *[f"- {item}" for item in items], "",
        paragraph(rng), "",
    ])


def stock_level(rng: random.Random) -> int:
    """Mostly in stock, some low (at or below low_stock = 3), some sold out."""
    r = rng.random()
    if r < 0.06:
        return 0
    if r < 0.12:
        return rng.randint(1, 3)
    return rng.randint(4, 40)


def make_products(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    stock_rng = random.Random(seed + 7)
    base = dt.date(2024, 1, 1)
    products = []
    for i in range(1, n + 1):
        adj, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
        title = f"{adj} {noun} {i:05d}"
        handle = f"{adj.lower()}-{noun.lower()}-{i:05d}"
        cats = [rng.choice(CATEGORIES)[0]]
        if rng.random() < 0.2:
            second = rng.choice(CATEGORIES)[0]
            if second != cats[0]:
                cats.append(second)
        colours = rng.sample(COLOURS, 3)
        euros = rng.randint(15, 180)
        cents = rng.choice(["00", "00", "90", "50"])
        price = f"{euros}.{cents}"
        xl_price = f"{euros + 4}.{cents}"  # XL costs a little more: exercises "from" prices
        compare_at = f"{euros + 20}.00" if rng.random() < 0.15 else None
        sku_base = f"B{i:05d}"
        variants = []
        for cname, _ in colours:
            for size in SIZES:
                v = {"sku": f"{sku_base}-{cname[:3].upper()}-{size}", "colour": cname, "size": size}
                if size == "XL":
                    v["price"] = xl_price
                v["stock"] = stock_level(stock_rng)
                variants.append(v)
        products.append({
            "handle": handle,
            "title": title,
            "brand": rng.choice(BRANDS),
            "categories": cats,
            "tags": rng.sample(TAGS, 3),
            "date": (base + dt.timedelta(days=rng.randrange(0, 1000))).isoformat(),
            "featured": rng.random() < 0.02,
            "price": price,
            "price_cents": euros * 100 + int(cents),
            "compare_at": compare_at,
            "colours": colours,
            "variants": variants,
            "body": body(rng),
        })
    return products


def product_front_matter(p: dict, hugo: bool) -> str:
    lines = ["---", f"title: {q(p['title'])}"]
    if not hugo:
        lines.append(f"handle: {p['handle']}")
    lines += [
        f"brand: {q(p['brand'])}",
        f"categories: [{', '.join(p['categories'])}]",
        f"tags: [{', '.join(p['tags'])}]",
        f"date: {p['date']}",
    ]
    if p["featured"]:
        lines.append("featured: true")
    lines.append(f"price: {q(p['price'])}")
    if p["compare_at"]:
        lines.append(f"compare_at: {q(p['compare_at'])}")
    colour_values = ", ".join(f"{{value: {c}, swatch: {q(s)}}}" for c, s in p["colours"])
    if hugo:
        # Hugo has no notion of options; the same facts as plain params, plus what Hugo cannot
        # compute itself: a numeric sort key for the price sorts, and the filter terms
        # (category × option value) that give Hugo the filter pages Shelf builds.
        lines.append(f"colours: [{colour_values}]")
        lines.append(f"sizes: [{', '.join(SIZES)}]")
        lines.append(f"price_cents: {p['price_cents']}")
        lines.append(f"filters: [{', '.join(filter_terms(p))}]")
    else:
        lines += [
            "options:",
            "  - name: Colour",
            "    values:",
            *[f"      - {{value: {c}, swatch: {q(s)}}}" for c, s in p["colours"]],
            "  - name: Size",
            f"    values: [{', '.join(SIZES)}]",
        ]
    lines.append("variants:")
    for v in p["variants"]:
        extra = f", price: {q(v['price'])}" if "price" in v else ""
        if hugo:
            extra += f", stock: {v['stock']}"  # Shelf keeps stock in its database (stock.csv)
        lines.append(f"  - {{sku: {v['sku']}, colour: {v['colour']}, size: {v['size']}{extra}}}")
    lines += [
        "images:",
        f"  - {{src: /images/p.svg, alt: {q(p['title'] + ' on a plain background')}}}",
        "---",
    ]
    return "\n".join(lines) + "\n"


def filter_terms(p: dict) -> list[str]:
    """Hugo terms of the "filters" taxonomy: CATEGORY-colour-VALUE and CATEGORY-size-VALUE."""
    terms = []
    for cat in p["categories"]:
        terms += [f"{cat}-colour-{slug(c)}" for c, _ in p["colours"]]
        terms += [f"{cat}-size-{slug(s)}" for s in SIZES]
    return terms


def page_body(rng: random.Random, title: str) -> str:
    return f"{paragraph(rng, 60)}\n\n## {title} in short\n\n{paragraph(rng, 40)}\n"


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def hugo_version() -> tuple[int, int]:
    try:
        out = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout
        m = re.search(r"v(\d+)\.(\d+)", out)
        if m:
            return int(m.group(1)), int(m.group(2))
    except (OSError, subprocess.CalledProcessError):
        pass
    return (0, 0)


def shelf_toml() -> str:
    out = [
        f"name = {q(STORE_NAME)}",
        f"tagline = {q(TAGLINE)}",
        f"base_url = {q(BASE_URL)}",
        'currency = "EUR"',
        'locale = "en-IE"',
        'language = "en"',
        'theme = "default"',
        'announcement = "Free shipping on orders over €75"',
        "",
        "[catalogue]",
        "per_page = 24",
        "new_arrivals = 8",
        f"featured_categories = [{', '.join(q(c) for c in FEATURED)}]",
        "low_stock = 3",
        'size_guide = "/size-guide/"',
        "# The listing pages the Hugo site renders too (the defaults, written out): three sort",
        "# orders and a page per colour and per size of each category.",
        'sort_pages = ["newest", "price-low-high", "price-high-low"]',
        'filter_pages = ["Colour", "Size"]',
        "",
        "[hero]",
        f"title = {q(TAGLINE)}",
        'text = "Organic cotton, recycled wool and fair wages, made to last."',
        'image = "/images/hero.svg"',
        'image_alt = "Shirts hanging on a rail"',
        "",
        "[build]",
        "precompress = false   # Hugo does not precompress; keep the work comparable",
    ]
    for handle, title, desc in CATEGORIES:
        out += ["", "[[categories]]", f"handle = {q(handle)}", f"title = {q(title)}",
                f"description = {q(desc)}"]
    return "\n".join(out) + "\n"


def hugo_toml() -> str:
    major, minor = hugo_version()
    if (major, minor) >= (0, 128):
        pagination = "[pagination]\n  pagerSize = 24\n  path = \"page\"\n"
    else:
        pagination = "paginate = 24\npaginatePath = \"page\"\n"
    if (major, minor) >= (0, 120):
        rss_limit = "[services.rss]\n  limit = 20\n"
    else:
        rss_limit = "rssLimit = 20\n"
    featured = ", ".join(q(c) for c in FEATURED)
    colours = ", ".join(f"{{value = {q(c)}, swatch = {q(s)}}}" for c, s in COLOURS)
    sizes = ", ".join(f"{{value = {q(s)}}}" for s in SIZES)
    titles = ", ".join(f"{h} = {q(t)}" for h, t, _ in CATEGORIES)
    return f"""# Generated by bench/gen.py: the Hugo equivalent of bench/work/shelf-store (see bench/README.md).
baseURL = {q(BASE_URL + "/")}
languageCode = "en"
title = {q(STORE_NAME)}
# Shelf writes no taxonomy index (/categories/): its /shop/ is the products section list.
disableKinds = ["taxonomy"]
ignoreErrors = ["error-disable-taxonomy"]
# Shelf writes robots.txt and one feed of the 20 newest entries (Hugo: RSS of the home page only).
enableRobotsTXT = true
{rss_limit}{pagination}
[taxonomies]
  category = "categories"
  filter = "filters"

[permalinks]
  # Same URLs as Shelf: /shop/CATEGORY/, /products/HANDLE/, /stories/HANDLE/
  categories = "/shop/:slug/"
  products = "/products/:filename/"
  stories = "/stories/:filename/"

# The two price sort orders of every listing (Shelf: /shop/women/price-low-high/ …).
[outputFormats.pricelowhigh]
  mediaType = "text/html"
  baseName = "index"
  path = "price-low-high"
  isHTML = true
[outputFormats.pricehighlow]
  mediaType = "text/html"
  baseName = "index"
  path = "price-high-low"
  isHTML = true

[outputs]
  home = ["HTML", "RSS"]
  page = ["HTML"]
  section = ["HTML", "pricelowhigh", "pricehighlow"]
  term = ["HTML", "pricelowhigh", "pricehighlow"]

[sitemap]
  filename = "sitemap.xml"

[markup.goldmark.parser]
  autoHeadingID = false   # cmark (Shelf) writes no heading ids

[params]
  tagline = {q(TAGLINE)}
  announcement = "Free shipping on orders over €75"
  currency = "EUR"
  newArrivals = 8
  featuredCategories = [{featured}]
  heroTitle = {q(TAGLINE)}
  heroText = "Organic cotton, recycled wool and fair wages, made to last."
  heroImage = "/images/hero.svg"
  heroImageAlt = "Shirts hanging on a rail"
  sizeGuide = "/size-guide/"
  lowStock = 3
  colours = [{colours}]
  sizes = [{sizes}]
  categoryTitles = {{ {titles} }}
""" + "".join(
        f"\n[[params.categories]]\n  handle = {q(h)}\n  title = {q(t)}\n" for h, t, _ in CATEGORIES)


def refresh_hugo_templates(out: str) -> None:
    """(Re)copy bench/hugo/{layouts,assets} into the Hugo site: cheap, so always current."""
    hugo = os.path.join(out, "hugo-site")
    for sub in ("layouts", "assets"):
        dest = os.path.join(hugo, sub)
        if os.path.exists(dest):
            shutil.rmtree(dest)
        shutil.copytree(os.path.join(BENCH, "hugo", sub), dest)
    # Shelf drops its templates' indentation when it parses them; the Hugo layouts lose theirs here.
    for folder, _, files in os.walk(os.path.join(hugo, "layouts")):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            write(path, "\n".join(line.lstrip(" \t") for line in lines))
    # The same stylesheet and script as the Shelf theme, when it has them.
    for name in ("app.css", "app.js"):
        theme_asset = os.path.join(SHELF_THEME, "assets", name)
        if os.path.isfile(theme_asset):
            shutil.copyfile(theme_asset, os.path.join(hugo, "assets", name))
    # hugo.toml depends on the installed Hugo version (pagination settings)
    write(os.path.join(hugo, "hugo.toml"), hugo_toml())


def generate(out: str, n: int, seed: int) -> None:
    store = os.path.join(out, "shelf-store")
    hugo = os.path.join(out, "hugo-site")
    for d in (store, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)
    products = make_products(n, seed)
    rng = random.Random(seed + 1)

    # ---- Shelf store
    write(os.path.join(store, "shelf.toml"), shelf_toml())
    for p in products:
        write(os.path.join(store, "content", "products", p["handle"] + ".md"),
              product_front_matter(p, hugo=False) + p["body"])
    page_bodies = {h: page_body(rng, t) for h, t, _ in PAGES}
    for handle, title, desc in PAGES:
        write(os.path.join(store, "content", "pages", handle + ".md"),
              f"---\ntitle: {q(title)}\ndescription: {q(desc)}\n---\n{page_bodies[handle]}")
    story_bodies = {s[0]: body(rng) for s in STORIES}
    for handle, title, date, author, desc in STORIES:
        write(os.path.join(store, "content", "stories", handle + ".md"),
              f"---\ntitle: {q(title)}\ndate: {date}\nauthor: {q(author)}\n"
              f"image: /images/story.svg\nimage_alt: {q(title)}\ndescription: {q(desc)}\n---\n"
              + story_bodies[handle])
    for name in ("p.svg", "hero.svg", "story.svg"):
        write(os.path.join(store, "static", "images", name), SVG)

    # ---- Hugo site
    write(os.path.join(hugo, "hugo.toml"), hugo_toml())
    for p in products:
        write(os.path.join(hugo, "content", "products", p["handle"] + ".md"),
              product_front_matter(p, hugo=True) + p["body"])
    write(os.path.join(hugo, "content", "products", "_index.md"),
          '---\ntitle: "Shop all"\ndescription: "Everything in the store."\nurl: /shop/\n---\n')
    for handle, title, desc in CATEGORIES:
        write(os.path.join(hugo, "content", "categories", handle, "_index.md"),
              f"---\ntitle: {q(title)}\nslug: {handle}\ndescription: {q(desc)}\n---\n")
    for handle, title, desc in PAGES:
        write(os.path.join(hugo, "content", handle + ".md"),
              f"---\ntitle: {q(title)}\ndescription: {q(desc)}\n---\n{page_bodies[handle]}")
    write(os.path.join(hugo, "content", "stories", "_index.md"),
          '---\ntitle: "Stories"\noutputs: [HTML]\n---\n')
    cat_by_handle = {h: (t, d) for h, t, d in CATEGORIES}
    terms = {}
    for p in products:
        for cat in p["categories"]:
            for c, _ in p["colours"]:
                terms[f"{cat}-colour-{slug(c)}"] = (cat, "colour", c)
            for s_ in SIZES:
                terms[f"{cat}-size-{slug(s_)}"] = (cat, "size", s_)
    for term, (cat, facet, value) in sorted(terms.items()):
        title, desc = cat_by_handle[cat]
        write(os.path.join(hugo, "content", "filters", term, "_index.md"),
              f"---\ntitle: {q(title + ' · ' + value)}\ndescription: {q(desc)}\n"
              f"url: /shop/{cat}/{facet}/{slug(value)}/\noutputs: [HTML]\n"
              f"filter_category: {cat}\nfilter_facet: {facet}\nfilter_value: {q(value)}\n---\n")
    for handle, title, date, author, desc in STORIES:
        write(os.path.join(hugo, "content", "stories", handle + ".md"),
              f"---\ntitle: {q(title)}\ndate: {date}\nauthor: {q(author)}\n"
              f"image: /images/story.svg\nimage_alt: {q(title)}\ndescription: {q(desc)}\n---\n"
              + story_bodies[handle])
    for name in ("p.svg", "hero.svg", "story.svg"):
        write(os.path.join(hugo, "static", "images", name), SVG)
    refresh_hugo_templates(out)

    # Stock for the Shelf store (`shelf stock import`); the Hugo site has the same in front matter.
    write(os.path.join(out, "stock.csv"),
          "sku,quantity\n" + "".join(f"{v['sku']},{v['stock']}\n" for p in products for v in p["variants"]))

    stamp = json.dumps({"format": FORMAT_VERSION, "products": n, "seed": seed}) + "\n"
    write(os.path.join(out, "stamp.json"), stamp)


# --------------------------------------------------------------------------------------------
# Validation: re-read the Shelf store and check it against docs/content.md.
#
# A small parser for the YAML subset the generator (and docs/content.md) uses: block mappings,
# block sequences, flow sequences/mappings of scalars, plain and double-quoted scalars.

class YamlError(Exception):
    def __init__(self, line: int, msg: str):
        super().__init__(msg)
        self.line = line


def _scalar(text: str, line: int):
    text = text.strip()
    if text.startswith('"'):
        try:
            value, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as e:
            raise YamlError(line, f"bad quoted string: {e}")
        if text[end:].strip() and not text[end:].strip().startswith("#"):
            raise YamlError(line, f"text after quoted string: {text[end:]!r}")
        return value
    if " #" in text:
        text = text.split(" #", 1)[0].rstrip()
    if text.startswith("#"):
        raise YamlError(line, "plain scalar starting with '#' (a comment): quote it")
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if any(c in text for c in "{}[]") or ": " in text:
        raise YamlError(line, f"unexpected flow indicator in plain scalar {text!r}")
    return text


def _split_flow(text: str, line: int) -> list[str]:
    parts, depth, cur, in_q, esc = [], 0, "", False, False
    for c in text:
        if in_q:
            cur += c
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_q = False
            continue
        if c == '"':
            in_q = True
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    if in_q or depth:
        raise YamlError(line, "unbalanced flow collection")
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


def _value(text: str, line: int):
    text = text.strip()
    if text.startswith("["):
        if not text.endswith("]"):
            raise YamlError(line, "unterminated flow sequence")
        return [_value(p, line) for p in _split_flow(text[1:-1], line)]
    if text.startswith("{"):
        if not text.endswith("}"):
            raise YamlError(line, "unterminated flow mapping")
        out = {}
        for part in _split_flow(text[1:-1], line):
            k, sep, v = part.partition(":")
            if not sep:
                raise YamlError(line, f"flow mapping entry without ':': {part!r}")
            k = k.strip()
            if k in out:
                raise YamlError(line, f"duplicate key {k!r}")
            out[k] = _value(v, line)
        return out
    return _scalar(text, line)


def parse_yaml(lines: list[tuple[int, str]]):
    """lines: (line number, text) without blank/comment lines. Returns the parsed node."""
    pos = 0

    def indent(s: str) -> int:
        return len(s) - len(s.lstrip(" "))

    def block(ind: int):
        nonlocal pos
        ln, text = lines[pos]
        if text.strip().startswith("- ") or text.strip() == "-":
            seq = []
            while pos < len(lines) and indent(lines[pos][1]) == ind and lines[pos][1].strip().startswith("-"):
                ln, text = lines[pos]
                item = text.strip()[1:].strip()
                pos += 1
                if not item:
                    seq.append(block(indent(lines[pos][1])))
                elif re.match(r"^[A-Za-z_][\w-]*:( |$)", item):
                    # "- key: value" starts a mapping whose keys are indented by ind + 2
                    sub = [(ln, " " * (ind + 2) + item)]
                    while pos < len(lines) and indent(lines[pos][1]) > ind:
                        sub.append(lines[pos])
                        pos += 1
                    seq.append(parse_yaml(sub))
                else:
                    seq.append(_value(item, ln))
            return seq
        mapping = {}
        while pos < len(lines) and indent(lines[pos][1]) == ind:
            ln, text = lines[pos]
            m = re.match(r"^([A-Za-z_][\w-]*):(?: (.*))?$", text.strip())
            if not m:
                raise YamlError(ln, f"expected 'key: value', got {text.strip()!r}")
            key, rest = m.group(1), (m.group(2) or "").strip()
            if key in mapping:
                raise YamlError(ln, f"duplicate key {key!r}")
            pos += 1
            if rest and not rest.startswith("#"):
                mapping[key] = _value(rest, ln)
            elif pos < len(lines) and (indent(lines[pos][1]) > ind or
                                       (indent(lines[pos][1]) == ind and lines[pos][1].strip().startswith("- "))):
                mapping[key] = block(indent(lines[pos][1]))
            else:
                mapping[key] = None
        if pos < len(lines) and indent(lines[pos][1]) > ind:
            raise YamlError(lines[pos][0], "unexpected indentation")
        return mapping

    if not lines:
        return {}
    node = block(indent(lines[0][1]))
    if pos != len(lines):
        raise YamlError(lines[pos][0], "unexpected indentation")
    return node


def read_content(path: str) -> tuple[dict, str, int]:
    """Front matter, body and the body's first line number."""
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # raises on invalid UTF-8: files must be UTF-8
    all_lines = text.split("\n")
    if all_lines[0] != "---":
        raise YamlError(1, "content file must start with a '---' line")
    try:
        end = all_lines.index("---", 1)
    except ValueError:
        raise YamlError(1, "front matter is not closed by a '---' line")
    fm_lines = [(i + 1, l) for i, l in enumerate(all_lines[1:end], start=1)
                if l.strip() and not l.strip().startswith("#")]
    return parse_yaml(fm_lines), "\n".join(all_lines[end + 1:]), end + 2


PRODUCT_KEYS = {"title", "handle", "brand", "categories", "tags", "date", "featured", "published",
                "price", "compare_at", "options", "variants", "images", "related", "seo"}
PAGE_KEYS = {"title", "handle", "description"}
STORY_KEYS = {"title", "date", "author", "image", "image_alt", "description"}
PRICE_RE = re.compile(r"^\d+(\.\d{1,2})?$")  # EUR has two decimals
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def check(out: str) -> int:
    store = os.path.join(out, "shelf-store")
    errors: list[str] = []

    def err(path: str, line: int, msg: str) -> None:
        errors.append(f"{os.path.relpath(path, store)}:{line}: {msg}")

    def static_exists(src: str) -> bool:
        return src.startswith("/") and os.path.isfile(os.path.join(store, "static", src.lstrip("/")))

    toml_path = os.path.join(store, "shelf.toml")
    with open(toml_path, "rb") as f:
        cfg = tomllib.load(f)
    for key in ("name", "base_url", "currency", "locale", "language", "theme"):
        if key not in cfg:
            err(toml_path, 0, f"missing {key}")
    if cfg.get("currency") != "EUR" or cfg.get("locale") != "en-IE":
        err(toml_path, 0, "currency must be EUR and locale en-IE")
    if str(cfg.get("base_url", "")).endswith("/"):
        err(toml_path, 0, "base_url must not end with '/'")
    cats = [c["handle"] for c in cfg.get("categories", [])]
    if len(cats) != 20 or len(set(cats)) != 20:
        err(toml_path, 0, f"expected 20 distinct categories, got {len(cats)}")
    for c in cfg.get("categories", []):
        if set(c) - {"handle", "title", "description"} or not SLUG_RE.match(c.get("handle", "")):
            err(toml_path, 0, f"bad category {c}")
    catalogue = cfg.get("catalogue", {})
    if catalogue.get("per_page") != 24:
        err(toml_path, 0, "catalogue.per_page must be 24")
    featured = catalogue.get("featured_categories", [])
    if len(featured) != 4 or any(f not in cats for f in featured):
        err(toml_path, 0, f"featured_categories must be 4 declared categories: {featured}")
    hero = cfg.get("hero", {})
    if hero.get("image") and not static_exists(hero["image"]):
        err(toml_path, 0, f"hero image {hero['image']} not under static/")

    pages_dir = os.path.join(store, "content", "pages")
    page_handles = set()
    for name in sorted(os.listdir(pages_dir)):
        path = os.path.join(pages_dir, name)
        try:
            fm, body_text, _ = read_content(path)
        except YamlError as e:
            err(path, e.line, str(e))
            continue
        if set(fm) - PAGE_KEYS:
            err(path, 2, f"unknown keys {sorted(set(fm) - PAGE_KEYS)}")
        if not fm.get("title"):
            err(path, 2, "title is required")
        page_handles.add(fm.get("handle") or name[:-3])
    expected_pages = {h for h, _, _ in PAGES}
    if page_handles != expected_pages:
        err(pages_dir, 0, f"pages {sorted(page_handles)} != {sorted(expected_pages)}")
    size_guide = catalogue.get("size_guide", "")
    if size_guide and size_guide.strip("/") not in page_handles:
        err(toml_path, 0, f"size_guide {size_guide} does not resolve to a page")

    stories_dir = os.path.join(store, "content", "stories")
    story_count = 0
    for name in sorted(os.listdir(stories_dir)):
        path = os.path.join(stories_dir, name)
        story_count += 1
        try:
            fm, _, _ = read_content(path)
        except YamlError as e:
            err(path, e.line, str(e))
            continue
        if set(fm) - STORY_KEYS:
            err(path, 2, f"unknown keys {sorted(set(fm) - STORY_KEYS)}")
        if not fm.get("title") or not DATE_RE.match(str(fm.get("date", ""))):
            err(path, 2, "title and date (YYYY-MM-DD) are required")
        if fm.get("image") and not static_exists(fm["image"]):
            err(path, 2, f"image {fm['image']} not under static/")
    if story_count != 2:
        err(stories_dir, 0, f"expected 2 stories, got {story_count}")

    products_dir = os.path.join(store, "content", "products")
    skus: dict[str, str] = {}
    handles: set[str] = set()
    n_products = n_variants = n_two_cats = 0
    for name in sorted(os.listdir(products_dir)):
        path = os.path.join(products_dir, name)
        n_products += 1
        try:
            fm, body_text, body_line = read_content(path)
        except (YamlError, UnicodeDecodeError) as e:
            err(path, getattr(e, "line", 0), str(e))
            continue
        unknown = set(fm) - PRODUCT_KEYS
        if unknown:
            err(path, 2, f"unknown keys {sorted(unknown)}")
        if not fm.get("title"):
            err(path, 2, "title is required")
        handle = fm.get("handle") or name[:-3]
        if not SLUG_RE.match(handle) or handle in handles:
            err(path, 2, f"bad or duplicate handle {handle!r}")
        handles.add(handle)
        if not DATE_RE.match(str(fm.get("date", ""))):
            err(path, 2, f"bad date {fm.get('date')!r}")
        pcats = fm.get("categories") or []
        if not pcats or any(c not in cats for c in pcats):
            err(path, 2, f"categories {pcats} not all declared in shelf.toml")
        n_two_cats += len(pcats) == 2
        for key in ("price", "compare_at"):
            if key in fm and not (isinstance(fm[key], str) and PRICE_RE.match(fm[key])):
                err(path, 2, f"{key} {fm[key]!r} is not a decimal with at most 2 places")
        options = fm.get("options") or []
        opt_values: dict[str, set[str]] = {}
        for o in options:
            vals = []
            for v in o.get("values", []):
                if isinstance(v, dict):
                    if set(v) - {"value", "swatch"}:
                        err(path, 2, f"bad option value {v}")
                    if "swatch" in v and not re.fullmatch(r"#[0-9a-f]{6}", str(v["swatch"])):
                        err(path, 2, f"bad swatch {v['swatch']!r}")
                    vals.append(str(v["value"]))
                else:
                    vals.append(str(v))
            opt_values[o["name"].lower()] = set(vals)
        if [o["name"] for o in options] != ["Colour", "Size"]:
            err(path, 2, "options must be Colour and Size")
        if len(opt_values.get("colour", ())) != 3 or opt_values.get("size") != set(SIZES):
            err(path, 2, "expected 3 colours and sizes S M L XL")
        variants = fm.get("variants") or []
        if len(variants) != 12:
            err(path, 2, f"expected 12 variants, got {len(variants)}")
        combos = set()
        for v in variants:
            n_variants += 1
            sku = v.get("sku")
            if not sku or sku in skus:
                err(path, 2, f"SKU {sku!r} missing or also used by {skus.get(sku)}")
            skus[sku] = handle
            if set(v) - set(opt_values) - {"sku", "price", "compare_at"}:
                err(path, 2, f"variant {sku} has unknown keys {sorted(set(v) - set(opt_values) - {'sku', 'price', 'compare_at'})}")
            for opt, values in opt_values.items():
                if opt not in v:
                    err(path, 2, f"variant {sku} names no {opt}")
                elif str(v[opt]) not in values:
                    err(path, 2, f"variant {sku} has {opt} {v[opt]!r}, not among {sorted(values)}")
            combos.add(tuple(str(v.get(o)) for o in opt_values))
            if "price" in v and not PRICE_RE.match(str(v["price"])):
                err(path, 2, f"variant {sku} price {v['price']!r}")
            if "price" not in v and "price" not in fm:
                err(path, 2, f"variant {sku} has no price and the product has no default")
        if len(combos) != len(variants):
            err(path, 2, "two variants share the same option values")
        images = fm.get("images") or []
        if not images:
            err(path, 2, "no images")
        for im in images:
            if not static_exists(im.get("src", "")) or not im.get("alt"):
                err(path, 2, f"image {im} missing under static/ or without alt")
        paras = [b for b in body_text.split("\n\n") if b.strip() and not b.lstrip().startswith("- ")]
        if len(paras) != 3 or "**" not in body_text or "\n- " not in body_text:
            err(path, body_line, "body must have 3 paragraphs, bold text and a list")
        words = [len(p.split()) for p in paras]
        if any(not 100 <= w <= 160 for w in words):
            err(path, body_line, f"paragraph word counts {words} not about 120")

    stock_path = os.path.join(out, "stock.csv")
    if os.path.exists(stock_path):
        with open(stock_path, encoding="utf-8") as f:
            rows = f.read().splitlines()
        if rows[:1] != ["sku,quantity"]:
            err(stock_path, 1, "header must be sku,quantity")
        seen = set()
        for i, row in enumerate(rows[1:], start=2):
            sku, _, qty = row.partition(",")
            if sku not in skus or sku in seen or not qty.isdigit():
                err(stock_path, i, f"bad stock line {row!r} (unknown or repeated SKU, or bad quantity)")
            seen.add(sku)
        if seen != set(skus):
            err(stock_path, 0, f"{len(set(skus) - seen)} SKUs have no stock line")
    else:
        err(stock_path, 0, "missing (bench/gen.py writes it next to the stores)")

    for e in errors[:50]:
        print(e, file=sys.stderr)
    if errors:
        print(f"gen.py --check: {len(errors)} problem(s) in {store}", file=sys.stderr)
        return 1
    print(f"gen.py --check: OK: {n_products} products ({n_two_cats} in two categories), "
          f"{n_variants} variants with unique SKUs, {len(cats)} categories, "
          f"{len(page_handles)} pages, {story_count} stories, stock.csv covers every SKU once")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", "-n", type=int, default=int(os.environ.get("PRODUCTS", 10000)))
    ap.add_argument("--seed", type=int, default=20260901)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--force", action="store_true", help="regenerate even if up to date")
    ap.add_argument("--check", action="store_true", help="validate the Shelf store and exit")
    args = ap.parse_args()
    if args.check:
        return check(args.out)
    if args.products < 1:
        ap.error("--products must be at least 1")
    stamp_path = os.path.join(args.out, "stamp.json")
    want = {"format": FORMAT_VERSION, "products": args.products, "seed": args.seed}
    if not args.force and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if json.load(f) == want:
                refresh_hugo_templates(args.out)
                print(f"gen.py: {args.out} is up to date ({args.products} products)")
                return 0
    generate(args.out, args.products, args.seed)
    print(f"gen.py: wrote {args.products} products to {args.out}/shelf-store and {args.out}/hugo-site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
