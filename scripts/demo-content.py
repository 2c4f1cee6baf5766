#!/usr/bin/env python3
"""Write the Evergreen demo store: settings, products, pages, stories, a campaign, SVG images and stock.

    scripts/demo-content.py            regenerate everything under the repository root, then validate
    scripts/demo-content.py --check    only validate the files already there
    scripts/demo-content.py --root D   write the store into folder D instead

Python 3.11+ standard library only (PyYAML is used for an extra check when it is installed).
The output is deterministic: every run writes byte-identical files, and files whose content did
not change are not rewritten. The script owns shelf.toml, content/{products,pages,stories,
campaigns}/*.md, static/images/**/*.svg, static/favicon.svg and demo/stock.csv; stale .md and
.svg files in those folders are removed. Load the stock with `shelf stock import demo/stock.csv`.
"""

import argparse
import json
import os
import random
import re
import sys
import tomllib

# ---------------------------------------------------------------------------------------------
# Drawing: flat garment illustrations on a 600x600 canvas

BG = "#f1f0ec"


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def hexc(c):
    return "#%02x%02x%02x" % tuple(max(0, min(255, round(v))) for v in c)


def mix(a, b, t):
    ca, cb = rgb(a), rgb(b)
    return hexc(tuple(x + (y - x) * t for x, y in zip(ca, cb)))


def lum(h):
    r, g, b = (v / 255 for v in rgb(h))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class Art:
    """Collects layers of one illustration."""

    def __init__(self, fill, stripe=None, topstitch=None):
        self.fill = fill
        self.stripe = stripe
        dark = lum(fill) < 0.22
        self.detail = mix(fill, "#ffffff", 0.22) if dark else mix(fill, "#000000", 0.2)
        self.edge = mix(fill, "#000000", 0.32 if not dark else 0.2)
        self.inside = mix(fill, "#000000", 0.38 if not dark else 0.25)
        self.topstitch = topstitch or self.detail
        self.items = []      # (kind, data)
        self.shapes = []     # base shapes, for the drop shadow

    # layers -----------------------------------------------------------------------------------
    def shape(self, d, tone="base"):
        if tone == "base":
            self.shapes.append(d)
        self.items.append(("shape", (d, tone)))

    def seam(self, d):
        self.items.append(("seam", d))

    def line(self, d, width=1.6):
        self.items.append(("line", (d, width)))

    def texture(self, d, opacity=0.35):
        self.items.append(("texture", (d, opacity)))

    def button(self, x, y, r=5):
        self.items.append(("button", (x, y, r)))

    def raw(self, s):
        self.items.append(("raw", s))

    # output -----------------------------------------------------------------------------------
    def body(self):
        """The illustration's elements, without the canvas; uses the gradient #l (and #p)."""
        out = []
        if self.shapes:
            out.append('<g fill="#3b3a36" fill-opacity=".09" transform="translate(6 8)">'
                       + "".join(f'<path d="{d}"/>' for d in self.shapes) + "</g>")
        for kind, data in self.items:
            if kind == "shape":
                d, tone = data
                colour = {"base": self.fill, "dark": self.inside, "detail": self.detail,
                          "edge": self.edge}.get(tone, tone)
                out.append(f'<path d="{d}" fill="{colour}"/>')
                if tone == "base":
                    if self.stripe:
                        out.append(f'<path d="{d}" fill="url(#p)"/>')
                    out.append(f'<path d="{d}" fill="url(#l)"/>')
                out.append(f'<path d="{d}" fill="none" stroke="{self.edge}" stroke-width="2" stroke-linejoin="round"/>')
            elif kind == "seam":
                out.append(f'<path d="{data}" fill="none" stroke="{self.topstitch}" stroke-width="1.4" '
                           'stroke-dasharray="5 4" stroke-linecap="round"/>')
            elif kind == "line":
                d, width = data
                out.append(f'<path d="{d}" fill="none" stroke="{self.edge}" stroke-width="{width}" '
                           'stroke-linecap="round" stroke-linejoin="round"/>')
            elif kind == "texture":
                d, op = data
                out.append(f'<path d="{d}" fill="none" stroke="{self.detail}" stroke-width="1.3" '
                           f'stroke-opacity="{op}" stroke-linecap="round"/>')
            elif kind == "button":
                x, y, r = data
                out.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{self.detail}" stroke="{self.edge}" stroke-width="1.2"/>')
            elif kind == "raw":
                out.append(data.replace("FILL", self.fill).replace("DETAIL", self.detail)
                           .replace("EDGE", self.edge).replace("INSIDE", self.inside))
        return "".join(out)

    def defs(self):
        d = [LIGHT]
        if self.stripe:
            d.append('<pattern id="p" width="24" height="24" patternUnits="userSpaceOnUse">'
                     f'<rect y="12" width="24" height="9" fill="{self.stripe}"/></pattern>')
        return "<defs>" + "".join(d) + "</defs>"

    def svg(self, bg=BG, transform=None):
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600">'
                + self.defs() + f'<rect width="600" height="600" fill="{bg}"/>')
        body = self.body()
        if transform:
            body = f'<g transform="{transform}">{body}</g>'
        return head + body + "</svg>\n"


LIGHT = ('<linearGradient id="l" x1="0" y1="0" x2="1" y2="0.25">'
         '<stop offset="0" stop-color="#fff" stop-opacity=".14"/>'
         '<stop offset=".5" stop-color="#fff" stop-opacity="0"/>'
         '<stop offset="1" stop-color="#000" stop-opacity=".13"/></linearGradient>')


def f(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def ribs(x0, x1, y0, y1, step=7, x0b=None, x1b=None):
    """Vertical rib lines across a band whose bottom edge may be narrower (x0b..x1b)."""
    x0b = x0 if x0b is None else x0b
    x1b = x1 if x1b is None else x1b
    n = max(2, int((x1 - x0) / step))
    parts = []
    for i in range(1, n):
        t = i / n
        parts.append(f"M{f(x0 + (x1 - x0) * t)} {f(y0)}L{f(x0b + (x1b - x0b) * t)} {f(y1)}")
    return "".join(parts)


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def band_ribs(a, b, c, d, n):
    """Lines across a quadrilateral band a-b (top edge) c-d (bottom edge)."""
    parts = []
    for i in range(1, n):
        t = i / n
        p, q = lerp(a, b, t), lerp(d, c, t)
        parts.append(f"M{f(p[0])} {f(p[1])}L{f(q[0])} {f(q[1])}")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Tops: one body with short, long or no sleeves.

NECK_FRONT = "M252 112C268 152 332 152 348 112"
NECK_BACK = "M252 112Q300 128 348 112"


def top_outline(sleeve, front, hem=486, neck=None, side=402, flare=0, hemcurve=8, neckpts=(252, 348)):
    nl, nr = neckpts
    if neck is None:
        neck = f"C{nl + 16} 152 {nr - 16} 152 {nr} 112" if front else f"Q300 128 {nr} 112"
    L = 600 - side
    hx = side + flare
    start = f"M{nl} 112{neck}"
    if sleeve == "short":
        right = f"L410 128L492 226L448 262L{side} 230"
        left = f"L{L} 230L152 262L108 226L190 128Z"
    elif sleeve == "long":
        right = f"L410 128Q468 190 496 430L456 438L{side} 244"
        left = f"L{L} 244L144 438L104 430Q132 190 190 128Z"
    else:  # sleeveless
        right = f"L384 124Q386 196 {side} 238"
        left = f"L{L} 238Q214 196 216 124Z"
    body = f"L{hx} {hem}Q300 {hem + hemcurve} {600 - hx} {hem}"
    return start + right + body + left


def tee(a, front, pocket=False, hem=486, flare=0):
    a.shape(top_outline("short", front, hem=hem, flare=flare))
    if front:
        a.shape("M252 112C268 152 332 152 348 112Q300 126 252 112Z", "dark")
        a.seam("M244 116C262 166 338 166 356 116")
    else:
        a.seam("M246 118Q300 140 354 118")
    a.seam("M484 219L440 255M116 219L160 255")
    a.seam(f"M{198 - flare * 0.97} {hem - 14}Q300 {hem - 6} {402 + flare * 0.97} {hem - 14}")
    a.line("M190 130Q204 180 198 228M410 130Q396 180 402 228", 1.2)
    if pocket and front:
        a.shape("M330 182L380 182L380 236Q355 244 330 236Z")
        a.seam("M330 190L380 190")


def long_sleeve(a, front, ribbed=False, hem=486, neckband=True, flatneck=False):
    side = 402
    if ribbed:
        a.shape(top_outline("long", front and not flatneck, hem=hem - 32, side=side, hemcurve=0))
        a.shape(f"M{side} {hem - 32}L{side - 8} {hem}L{600 - side + 8} {hem}L{600 - side} {hem - 32}Z")
        a.texture(ribs(600 - side, side, hem - 32, hem, 6, 600 - side + 8, side - 8))
        # cuffs
        a.shape("M490 398L496 430L456 438L446 408Z")
        a.shape("M110 398L104 430L144 438L154 408Z")
        a.texture(band_ribs((446, 408), (490, 398), (496, 430), (456, 438), 6))
        a.texture(band_ribs((110, 398), (154, 408), (144, 438), (104, 430), 6))
    else:
        a.shape(top_outline("long", front, hem=hem))
        a.seam("M492 410L451 418M108 410L149 418")
        a.seam(f"M198 {hem - 14}Q300 {hem - 6} 402 {hem - 14}")
    if neckband:
        if front:
            a.shape("M252 112C268 152 332 152 348 112Q300 126 252 112Z", "dark")
            a.seam("M244 116C262 166 338 166 356 116")
        else:
            a.seam("M246 118Q300 140 354 118")
    a.line("M190 130Q204 190 198 242M410 130Q396 190 402 242", 1.2)


def crew_neck_rib(a, front):
    if front:
        a.shape("M252 112C268 152 332 152 348 112Q300 126 252 112Z", "dark")
        a.shape("M252 112C268 152 332 152 348 112L358 116C340 170 260 170 242 116Z")
        a.texture(band_ribs((252, 112), (348, 112), (358, 116), (242, 116), 2))
    else:
        a.shape("M252 112Q300 128 348 112L356 118Q300 142 244 118Z")


def sweater(a, front, style="plain"):
    long_sleeve(a, front, ribbed=True, neckband=False, flatneck=style == "rollneck")
    if style == "rollneck":
        a.shape("M246 118Q300 134 354 118L350 70Q300 80 250 70Z")
        a.shape("M250 70Q300 80 350 70Q300 58 250 70Z", "dark")
        a.texture(ribs(250, 350, 76, 124, 7))
    else:
        crew_neck_rib(a, front)
    if style == "rib":
        a.texture(ribs(204, 396, 170 if front else 140, 452, 9), 0.3)
    if style == "cable" and front:
        for cx in (250, 300, 350):
            d = f"M{cx - 8} 168"
            y = 168
            while y < 440:
                d += f"C{cx + 12} {y + 10} {cx + 12} {y + 22} {cx - 8} {y + 32}"
                y += 32
            d2 = f"M{cx + 8} 168"
            y = 168
            while y < 440:
                d2 += f"C{cx - 12} {y + 10} {cx - 12} {y + 22} {cx + 8} {y + 32}"
                y += 32
            a.texture(d + d2, 0.6)
        a.texture("M224 168L224 450M276 168L276 450M326 168L326 450M376 168L376 450", 0.4)
    if style == "cable" and not front:
        a.texture(ribs(204, 396, 140, 452, 9), 0.25)


def sweatshirt(a, front):
    long_sleeve(a, front, ribbed=True, neckband=False)
    crew_neck_rib(a, front)
    if front:
        a.shape("M290 142L300 160L310 142Z", "detail")


def hoodie(a, front):
    if front:
        a.shape("M226 136Q210 50 300 40Q390 50 374 136Z")
        a.line("M300 42L300 92", 1.2)
    long_sleeve(a, front, ribbed=True, neckband=False)
    if front:
        a.shape("M256 110Q300 98 344 110Q336 176 300 204Q264 176 256 110Z", "dark")
        a.shape("M244 112Q256 100 262 108Q270 178 300 206Q262 196 244 112Z")
        a.shape("M356 112Q344 100 338 108Q330 178 300 206Q338 196 356 112Z")
        a.line("M284 176Q282 214 286 246M316 176Q318 214 314 246", 2.2)
        a.shape("M234 370L366 370L390 440L210 440Z")
        a.seam("M240 377L360 377")
        a.line("M234 370L210 440M366 370L390 440", 1.4)
    else:
        a.shape("M232 130Q214 40 300 30Q386 40 368 130Q300 154 232 130Z")
        a.seam("M300 34L300 146")


def cardigan(a, front, shawl=False):
    long_sleeve(a, front, ribbed=True, neckband=False)
    if front:
        a.shape("M252 112L300 300L348 112Q300 128 252 112Z", "dark")
        w = 18 if shawl else 10
        a.shape(f"M252 112L300 300L300 454L{300 - 1} 454L{300 - 1} 300L{252 - w} 114Z")
        a.shape(f"M348 112L300 300L300 454L301 454L301 300L{348 + w} 114Z")
        a.shape(f"M{252 - w} 114L300 298L300 486L{300 - w} 486L{300 - w} 300L{252 - w * 2} 118Z")
        a.shape(f"M{348 + w} 114L300 298L300 486L{300 + w} 486L{300 + w} 300L{348 + w * 2} 118Z")
        a.texture(band_ribs((252 - w, 114), (252 - 2 * w, 118), (300 - w, 300), (300, 298), 3))
        a.texture(band_ribs((348 + w, 114), (348 + 2 * w, 118), (300 + w, 300), (300, 298), 3))
        for y in (320, 362, 404, 446):
            a.button(300 - w / 2 + 1, y, 5)
        if shawl:
            a.shape("M214 360L258 360L258 412L214 412Z")
            a.shape("M342 360L386 360L386 412L342 412Z")
    else:
        a.shape("M252 112Q300 128 348 112L356 118Q300 142 244 118Z")


def knit_vest(a, front):
    a.shape(top_outline("none", front, hem=456, hemcurve=0))
    a.shape("M402 456L394 488L206 488L198 456Z")
    a.texture(ribs(198, 402, 456, 488, 6, 206, 394))
    if front:
        a.shape("M252 112L300 250L348 112Q300 128 252 112Z", "dark")
        a.shape("M252 112L300 250L348 112L360 116L300 272L240 116Z")
        a.texture(band_ribs((240, 116), (252, 112), (300, 250), (300, 272), 1))
        a.texture(ribs(214, 386, 170, 452, 10), 0.25)
    else:
        a.shape("M252 112Q300 128 348 112L356 118Q300 142 244 118Z")
        a.texture(ribs(214, 386, 140, 452, 10), 0.25)
    a.line("M216 126Q218 196 196 236M384 126Q382 196 404 236", 3)


def stripe_top(a, front):
    long_sleeve(a, front, ribbed=False)


def shirt(a, front, pockets=1, heavy=False):
    hem = 490
    out = top_outline("long", front, hem=hem, hemcurve=24 if not heavy else 4,
                      neck="L300 150L348 112" if front else "Q300 126 348 112")
    a.shape(out)
    # cuffs
    a.shape("M491 390L496 430L456 438L446 400Z")
    a.shape("M109 390L104 430L144 438L154 400Z")
    a.button(478, 414, 3.5)
    a.button(122, 414, 3.5)
    a.line("M190 130Q204 190 198 242M410 130Q396 190 402 242", 1.2)
    if front:
        a.shape("M252 112Q300 96 348 112L300 150Z", "dark")
        a.shape("M300 150L262 106Q252 108 246 116L268 170Z")
        a.shape("M300 150L338 106Q348 108 354 116L332 170Z")
        a.seam(f"M292 150L292 {hem + (6 if heavy else 18)}M308 150L308 {hem + (6 if heavy else 18)}")
        for y in range(182, hem, 58):
            a.button(300, y, 4.5)
        if pockets == 1:
            a.shape("M328 196L376 196L376 248L352 258L328 248Z")
            a.seam("M328 204L376 204")
        elif pockets == 2:
            for x in (226, 328):
                a.shape(f"M{x} 196L{x + 50} 196L{x + 50} 256L{x} 256Z")
                a.shape(f"M{x - 2} 192L{x + 52} 192L{x + 52} 214L{x + 25} 222L{x - 2} 214Z")
                a.button(x + 25, 212, 3.5)
        a.seam(f"M198 {hem - 12}Q300 {hem + (12 if not heavy else 0)} 402 {hem - 12}")
    else:
        a.shape("M252 112Q300 100 348 112L352 122Q300 110 248 122Z")
        a.seam("M194 178Q300 170 406 178")
        a.line("M292 176L300 196L308 176", 1.2)
        a.seam(f"M198 {hem - 12}Q300 {hem + (12 if not heavy else 0)} 402 {hem - 12}")


def tee_dress(a, front):
    tee(a, front, hem=540, flare=22)


def sleeve_outer_x(y):
    """x of the right sleeve's outer edge of a jacket (the curve 414,126 Q474,190 500,432) at height y."""
    lo, hi = 0.0, 1.0
    for _ in range(40):
        t = (lo + hi) / 2
        if 126 * (1 - t) ** 2 + 380 * t * (1 - t) + 432 * t * t < y:
            lo = t
        else:
            hi = t
    return 414 * (1 - t) ** 2 + 948 * t * (1 - t) + 500 * t * t


def jacket_body(a, front, hem, collar="shirt", zip_=False, quilt=False, side=404, collar_fill="base"):
    if collar == "hood" and front:
        a.shape("M236 128Q226 60 300 48Q374 60 364 128Z")
    neck = "L300 146L348 112" if front and collar != "stand" else "Q300 124 348 112"
    out = f"M252 112{neck}L414 126Q474 190 500 432L458 442L{side} 248L{side + 2} {hem}Q300 {hem + 4} {600 - side - 2} {hem}L{600 - side} 248L142 442L100 432Q126 190 186 126Z"
    a.shape(out)
    a.line("M186 128Q202 190 196 246M414 128Q398 190 404 246", 1.2)
    if quilt:
        lines = ""
        for y in range(160, hem, 44):
            lines += f"M{600 - side} {y}Q300 {y + 8} {side} {y}"
        for sy in (276, 330, 384):
            outer, inner = sleeve_outer_x(sy) - 2, side + (458 - side) * (sy - 248) / (442 - 248) + 2
            lines += f"M{f(outer)} {sy - 6}L{f(inner)} {sy}M{f(600 - outer)} {sy - 6}L{f(600 - inner)} {sy}"
        a.line(lines, 1.4)
    if front:
        if collar == "stand":
            a.shape("M252 112Q300 124 348 112L348 84Q300 94 252 84Z")
            a.shape("M252 112Q300 128 348 112L348 116Q300 132 252 116Z", "dark")
        elif collar == "shirt":
            a.shape("M252 112Q300 96 348 112L300 146Z", "dark")
            a.shape("M300 146L258 102Q246 104 238 116L266 174Z", collar_fill)
            a.shape("M300 146L342 102Q354 104 362 116L334 174Z", collar_fill)
        elif collar == "hood":
            a.shape("M256 112Q300 100 344 112Q336 150 300 150Q264 150 256 112Z", "dark")
        if zip_:
            a.line(f"M300 {112 if collar != 'shirt' else 146}L300 {hem + 2}", 2.2)
            a.shape("M296 152L304 152L304 170L296 170Z" if collar != "shirt" else "M296 180L304 180L304 198L296 198Z", "detail")
    else:
        if collar == "stand":
            a.shape("M252 112Q300 124 348 112L348 84Q300 94 252 84Z")
        elif collar == "shirt":
            a.shape("M248 108Q300 92 352 108L356 128Q300 116 244 128Z", collar_fill)
        elif collar == "hood":
            a.shape("M230 128Q214 36 300 26Q386 36 370 128Q300 150 230 128Z")
            a.seam("M300 30L300 144")


def puffer(a, front):
    jacket_body(a, front, 470, collar="stand", zip_=True, quilt=True)
    a.shape("M404 448L405 470Q300 474 195 470L196 448Q300 452 404 448Z", "edge")
    if front:
        a.line("M232 360L224 420M368 360L376 420", 2.4)


def gilet(a, front):
    a.shape(top_outline("none", front, hem=470, hemcurve=4, neck="Q300 128 348 112"))
    a.shape("M252 112Q300 124 348 112L348 84Q300 94 252 84Z")
    lines = ""
    for y in range(160, 470, 44):
        x = 200 if y > 240 else 222
        lines += f"M{x} {y}Q300 {y + 8} {600 - x} {y}"
    a.line(lines, 1.4)
    a.line("M216 126Q218 196 196 236M384 126Q382 196 404 236", 3)
    if front:
        a.line("M300 86L300 472", 2.2)
        a.shape("M296 96L304 96L304 114L296 114Z", "detail")
        a.line("M236 360L228 420M364 360L372 420", 2.4)


def field_jacket(a, front):
    jacket_body(a, front, 496, collar="shirt", zip_=True, collar_fill="#6b4a2f")
    if front:
        for x in (222, 326):
            a.shape(f"M{x} 330L{x + 56} 330L{x + 56} 400L{x} 400Z")
            a.shape(f"M{x - 2} 322L{x + 58} 322L{x + 58} 346L{x - 2} 346Z")
            a.button(x + 28, 338, 3.5)
        for x in (232, 326):
            a.shape(f"M{x} 200L{x + 44} 200L{x + 44} 250L{x} 250Z")
            a.shape(f"M{x - 2} 194L{x + 46} 194L{x + 46} 214L{x - 2} 214Z")
    else:
        a.seam("M194 196Q300 186 406 196")
    a.seam("M198 482Q300 488 402 482")
    a.seam("M494 410L454 420M106 410L146 420")


def denim_jacket(a, front):
    hem = 430
    jacket_body(a, front, hem, collar="shirt")
    a.shape(f"M404 {hem - 30}L405 {hem}Q300 {hem + 4} 195 {hem}L196 {hem - 30}Z")
    a.seam(f"M198 {hem - 22}L402 {hem - 22}")
    a.shape("M494 396L500 432L458 442L450 408Z")
    a.shape("M106 396L100 432L142 442L150 408Z")
    if front:
        a.seam("M293 146L293 430M307 146L307 430")
        for y in (186, 246, 306, 366, 414):
            a.button(300, y, 5)
        for x in (226, 326):
            a.shape(f"M{x} 204L{x + 48} 204L{x + 48} 254L{x + 24} 262L{x} 254Z")
            a.shape(f"M{x - 2} 194L{x + 50} 194L{x + 50} 220L{x + 24} 226L{x - 2} 220Z")
            a.button(x + 24, 214, 3.5)
            a.seam(f"M{x + 24} 262L{x + 24} 398")
    else:
        a.seam("M196 196Q300 184 404 196M250 196L250 398M350 196L350 398")


def rain_shell(a, front):
    jacket_body(a, front, 490, collar="hood", zip_=True)
    if front:
        a.line("M226 330L216 410M374 330L384 410", 2.4)
        a.line("M196 476Q300 484 404 476", 1.2)
        a.shape("M206 478L212 478L212 496L206 496ZM388 478L394 478L394 496L388 496Z", "detail")
    else:
        a.seam("M194 196Q300 186 406 196")
    a.shape("M494 400L500 432L458 442L450 412Z", "edge")
    a.shape("M106 400L100 432L142 442L150 412Z", "edge")


def coat(a, front, belted=False, double=False):
    # coats are drawn taller: shoulders at 66, hem at 566
    hem = 566
    neck = "L300 200L346 70" if front else "Q300 84 346 70"
    out = (f"M254 70{neck}L414 84Q476 160 504 460L462 470L410 230L420 {hem}Q300 {hem + 4} 180 {hem}"
           "L190 230L138 470L96 460Q124 160 186 84Z")
    a.shape(out)
    a.line("M186 86Q204 160 196 230M414 86Q396 160 404 230", 1.2)
    a.seam("M500 438L460 448M100 438L140 448")
    if front:
        a.shape("M254 70Q300 56 346 70L300 200Z", "dark")
        a.shape("M254 70L300 200L306 300L272 170L240 142L234 96Z")
        a.shape("M346 70L300 200L294 300L328 170L360 142L366 96Z")
        a.line("M300 300L300 562", 1.4)
        a.line("M262 144L244 150M338 144L356 150", 1.4)
        if double:
            for y in (330, 400):
                a.button(272, y, 6)
                a.button(328, y, 6)
        elif not belted:
            for y in (330, 400, 470):
                a.button(312, y, 6)
        a.line("M226 420L250 420M350 420L374 420", 2.4)
    else:
        a.shape("M254 70Q300 56 346 70L354 86Q300 74 246 86Z")
        a.seam("M300 90L300 440")
        a.line("M300 440L300 564", 1.6)
    if belted:
        a.shape("M192 300Q300 310 408 300L409 324Q300 334 191 324Z")
        if front:
            a.shape("M286 306L316 306L330 360L312 362L300 330L290 364L272 362Z")
        else:
            a.shape("M270 306L330 306L330 326L270 326Z", "edge")


def trousers(a, front, style="straight"):
    if style == "wide":
        legs = "M214 96L386 96L434 540L318 540L300 250L282 540L166 540Z"
    elif style == "jogger":
        legs = "M212 96L388 96L392 300L382 498L314 500L300 246L286 500L218 498L208 300Z"
    elif style == "shorts":
        legs = "M212 96L388 96L416 324L318 336L300 246L282 336L184 324Z"
    else:
        legs = "M212 96L388 96L410 540L316 540L300 246L284 540L190 540Z"
    a.shape(legs)
    if style == "jogger":
        a.shape("M212 62L388 62L388 100L212 100Z")
        a.texture(ribs(212, 388, 64, 98, 8))
        a.shape("M382 498L380 540L316 540L314 500Z")
        a.shape("M218 498L220 540L284 540L286 500Z")
        a.texture(ribs(316, 380, 502, 538, 8) + ribs(220, 284, 502, 538, 8))
        if front:
            a.line("M292 98Q286 140 278 150M308 98Q314 140 322 150", 2)
            a.line("M236 100Q250 150 210 190M364 100Q350 150 390 190", 1.4)
        else:
            a.seam("M300 100L300 240")
        return
    a.shape("M212 70L388 70L388 100L212 100Z")
    for x in (232, 286, 368) if front else (232, 300, 368):
        a.shape(f"M{x - 4} 66L{x + 4} 66L{x + 4} 106L{x - 4} 106Z")
    if front:
        a.button(300, 85, 4)
        a.seam("M308 100L308 196Q306 212 296 218")
        a.line("M300 100L300 244", 1.2)
        a.line("M244 100Q248 150 210 176M356 100Q352 150 390 176", 1.4)
        if style == "jeans":
            a.seam("M250 100Q254 154 210 182M350 100Q346 154 390 182")
            a.shape("M344 110L366 110L366 132L344 134Z")
    else:
        a.seam("M212 140Q300 126 388 140")
        if style != "shorts":
            a.shape("M230 160L280 160L280 214L256 222L230 214Z")
            a.shape("M320 160L370 160L370 214L344 222L320 214Z")
        a.line("M300 100L300 244", 1.2)
    if style in ("straight", "wide") and front:
        a.line("M247 250L242 536M353 250L358 536" if style == "straight" else "M246 250L226 536M354 250L374 536", 1)
    if style == "shorts":
        a.seam("M186 310L282 322M318 322L414 310")
    elif style == "jeans":
        a.seam("M192 526L284 526M316 526L408 526")


def skirt(a, front):
    a.shape("M226 118L374 118L432 476Q300 494 168 476Z")
    a.shape("M224 86L376 86L376 120L224 120Z")
    # corduroy wales fanning out
    wales = ""
    for i in range(1, 22):
        t = i / 22
        wales += f"M{f(226 + 148 * t)} 122L{f(170 + 260 * t)} {f(474 + 10 * (1 - abs(2 * t - 1)))}"
    a.texture(wales, 0.35)
    if front:
        a.line("M300 120L300 486", 1.2)
        for y in (154, 216, 278, 340, 402):
            a.button(306, y, 4.5)
        a.button(300, 103, 4.5)
        a.line("M244 124Q250 170 222 190M356 124Q350 170 378 190", 1.4)
    else:
        a.line("M300 86L300 300", 1.6)
    a.seam("M172 462Q300 480 428 462")


def dress(a, front):
    neck = "L276 150L324 150L338 70" if front else "L270 124Q300 130 330 124L338 70"
    out = (f"M236 70L262 70{neck}L364 70Q368 160 394 192L382 276L462 544Q300 566 138 544L218 276L206 192Q232 160 236 70Z")
    a.shape(out)
    a.line("M218 276Q300 288 382 276", 1.6)
    gathers = ""
    for i in range(1, 10):
        t = i / 10
        gathers += f"M{f(218 + 164 * t)} {f(282 + 8 * (1 - abs(2 * t - 1)))}L{f(140 + 320 * t)} {f(548 + 14 * (1 - abs(2 * t - 1)))}"
    a.texture(gathers, 0.3)
    a.seam("M144 532Q300 552 456 532")
    if front:
        a.shape("M262 70L276 150L324 150L338 70Q300 86 262 70Z", "dark")
        a.seam("M268 74L280 144L320 144L332 74")
    else:
        a.line("M300 128L300 276", 1.4)
        a.shape("M296 132L304 132L304 146L296 146Z", "detail")


def beanie(a, front):
    a.shape("M196 330Q192 170 300 156Q408 170 404 330Z")
    lines = ""
    for x in (232, 266, 300, 334, 368):
        lines += f"M{x} 326Q{300 + (x - 300) * 0.6} 200 300 160"
    a.texture(lines, 0.45)
    a.shape("M184 316Q300 300 416 316L422 420Q300 436 178 420Z")
    a.texture(band_ribs((184, 316), (416, 316), (422, 420), (178, 420), 30))
    if front:
        a.shape("M282 352L318 352L318 384L282 384Z", "#efe9dc")
        a.line("M290 362L310 362M290 372L306 372", 1)


def scarf(a, front):
    a.shape("M276 92L376 84L392 492L292 500Z")
    a.shape("M214 70L316 70L318 518L216 518Z")
    a.texture(ribs(216, 316, 76, 512, 9), 0.35)
    for y in (448, 470):
        a.line(f"M217 {y}L317 {y}", 5)
    fringe = ""
    for i in range(12):
        x = 220 + i * 8.5
        fringe += f"M{f(x)} 520L{f(x + (i % 3 - 1) * 2)} 556"
    a.line(fringe, 2.4)
    fr2 = ""
    for i in range(11):
        x = 296 + i * 8.8
        fr2 += f"M{f(x)} 500L{f(x + 3)} 520"
    a.line(fr2, 2.2)


def tote(a, front):
    a.raw('<path d="M232 236C226 96 374 96 368 236" fill="none" stroke="EDGE" stroke-width="22" stroke-linecap="round"/>'
          '<path d="M232 236C226 96 374 96 368 236" fill="none" stroke="FILL" stroke-width="17" stroke-linecap="round"/>')
    a.shape("M160 228L440 228L452 520L148 520Z")
    a.seam("M158 248L442 248")
    weave = ""
    for y in range(262, 516, 12):
        weave += f"M154 {y}L446 {y}"
    a.texture(weave, 0.18)
    a.raw('<path d="M232 236L232 300M368 236L368 300" stroke="EDGE" stroke-width="20"/>'
          '<path d="M232 230L232 300M368 230L368 300" stroke="FILL" stroke-width="16"/>')
    a.seam("M232 286L232 300M368 286L368 300")
    a.shape("M280 452L320 452L320 482L280 482Z", "#efe9dc")
    a.line("M288 462L312 462M288 471L306 471", 1)


def socks(a, front):
    def sock(dx, dy):
        p = lambda x, y: f"{x + dx} {y + dy}"
        a.shape(f"M{p(196, 80)}L{p(286, 80)}L{p(286, 324)}Q{p(290, 356)} {p(320, 368)}L{p(404, 396)}"
                f"Q{p(446, 410)} {p(436, 452)}Q{p(426, 490)} {p(382, 480)}L{p(262, 448)}Q{p(196, 430)} {p(196, 372)}Z")
        a.shape(f"M{p(196, 80)}L{p(286, 80)}L{p(286, 136)}L{p(196, 136)}Z")
        a.texture(ribs(196 + dx, 286 + dx, 84 + dy, 132 + dy, 7))
        a.shape(f"M{p(196, 364)}Q{p(196, 426)} {p(262, 448)}L{p(272, 410)}Q{p(232, 396)} {p(236, 360)}Z", "detail")
        a.shape(f"M{p(404, 396)}Q{p(446, 410)} {p(436, 452)}Q{p(426, 490)} {p(382, 480)}L{p(392, 440)}Q{p(394, 414)} {p(404, 396)}Z", "detail")
    sock(-44, -26)
    sock(24, 44)


def cap(a, front):
    if front:
        a.shape("M176 352Q168 190 300 178Q432 190 424 352Z")
        a.line("M300 180L300 350M300 180Q244 220 232 352M300 180Q356 220 368 352", 1.4)
        a.seam("M186 330Q300 318 414 330")
        a.shape("M168 344Q300 318 432 344Q452 420 300 436Q148 420 168 344Z")
        a.seam("M182 356Q300 334 418 356")
        a.button(300, 180, 7)
        a.shape("M270 250L330 250L330 284L270 284Z", "detail")
    else:
        a.shape("M176 372Q168 190 300 178Q432 190 424 372Z")
        a.line("M300 180L300 330M300 180Q244 220 232 372M300 180Q356 220 368 372", 1.4)
        a.shape("M262 330Q300 300 338 330L338 374L262 374Z", BG)
        a.shape("M256 356L344 356L344 370L256 370Z", "edge")
        a.button(300, 180, 7)


DRAW = {
    "tee": lambda a, fr: tee(a, fr),
    "pocket-tee": lambda a, fr: tee(a, fr, pocket=True),
    "long-sleeve": lambda a, fr: long_sleeve(a, fr),
    "stripe-top": stripe_top,
    "sweatshirt": sweatshirt,
    "hoodie": hoodie,
    "sweater": lambda a, fr: sweater(a, fr),
    "rib-sweater": lambda a, fr: sweater(a, fr, "rib"),
    "cable-sweater": lambda a, fr: sweater(a, fr, "cable"),
    "roll-neck": lambda a, fr: sweater(a, fr, "rollneck"),
    "cardigan": cardigan,
    "shawl-cardigan": lambda a, fr: cardigan(a, fr, shawl=True),
    "knit-vest": knit_vest,
    "shirt": shirt,
    "overshirt": lambda a, fr: shirt(a, fr, pockets=2, heavy=True),
    "tee-dress": tee_dress,
    "puffer": puffer,
    "gilet": gilet,
    "field-jacket": field_jacket,
    "denim-jacket": denim_jacket,
    "rain-shell": rain_shell,
    "overcoat": lambda a, fr: coat(a, fr, double=True),
    "wrap-coat": lambda a, fr: coat(a, fr, belted=True),
    "chinos": lambda a, fr: trousers(a, fr),
    "wide-trousers": lambda a, fr: trousers(a, fr, "wide"),
    "jeans": lambda a, fr: trousers(a, fr, "jeans"),
    "joggers": lambda a, fr: trousers(a, fr, "jogger"),
    "shorts": lambda a, fr: trousers(a, fr, "shorts"),
    "skirt": skirt,
    "dress": dress,
    "beanie": beanie,
    "scarf": scarf,
    "tote": tote,
    "socks": socks,
    "cap": cap,
}

# Accessories get a close-up detail as their second picture instead of a back view.
DETAIL = {
    "beanie": (300, 370, 2.0),
    "scarf": (270, 470, 2.2),
    "tote": (300, 380, 1.6),
    "socks": (300, 300, 1.0),
    "cap": None,
}


# Centre and scale items that do not fill the canvas: (centre x, centre y, scale).
FRAME = {
    "shorts": (300, 206, 1.45),
    "skirt": (300, 290, 1.12),
    "beanie": (300, 296, 1.4),
    "cap": (300, 310, 1.45),
    "hoodie": (300, 280, 1.0),
    "gilet": (300, 282, 1.0),
}


def frame(kind, extra=None):
    cx, cy, s = FRAME.get(kind, (300, 300, 1.0))
    if extra:
        ex, ey, es = extra
        cx, cy, s = ex, ey, es
    if (cx, cy, s) == (300, 300, 1.0):
        return None
    return f"translate({f(300 - cx * s)} {f(300 - cy * s)}) scale({f(s)})"


def garment_svg(kind, fill, view, stripe=None, topstitch=None):
    """view 1 = front, view 2 = back (or a close-up for accessories)."""
    a = Art(fill, stripe=stripe, topstitch=topstitch)
    if kind in DETAIL and view == 2 and DETAIL[kind] is not None:
        DRAW[kind](a, True)
        cx, cy, s = DETAIL[kind]
        if kind == "socks":
            return a.svg(bg="#ebe9e3", transform="translate(600 0) scale(-1 1)")
        return a.svg(bg="#ebe9e3", transform=frame(kind, (cx, cy, s)))
    DRAW[kind](a, view == 1)
    return a.svg(bg=BG if view == 1 else "#ebe9e3", transform=frame(kind))


# ---------------------------------------------------------------------------------------------
# Scenes: hero, category tiles, story and campaign pictures, favicon

WOOD = "#a88a66"
WOOD_DARK = "#7d6449"
METAL = "#8d8b86"


def svg_open(w, h, bg, extra_defs=""):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
            f"<defs>{LIGHT}{extra_defs}</defs><rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>")


def placed(kind, fill, x, y, s, front=True, stripe=None, topstitch=None):
    """A garment whose canvas centre (300, 300) lands on (x, y), scaled by s."""
    a = Art(fill, stripe=stripe, topstitch=topstitch)
    DRAW[kind](a, front)
    return f'<g transform="translate({f(x - 300 * s)} {f(y - 300 * s)}) scale({f(s)})">{a.body()}</g>'


def hung(kind, fill, x, rail_y, s, stripe=None):
    """A garment on a wooden hanger whose hook rests on a rail at rail_y."""
    top = 46
    tx, ty = x - 300 * s, rail_y - top * s
    hanger = (f'<path d="M300 104L300 62Q300 46 314 46Q328 48 326 62" fill="none" stroke="{METAL}" '
              'stroke-width="4" stroke-linecap="round"/>'
              f'<path d="M186 134Q300 84 414 134" fill="none" stroke="{WOOD}" stroke-width="10" stroke-linecap="round"/>')
    a = Art(fill, stripe=stripe)
    DRAW[kind](a, True)
    return f'<g transform="translate({f(tx)} {f(ty)}) scale({f(s)})">{hanger}{a.body()}</g>'


def hero_svg():
    w, h = 1600, 700
    rail_y = 110
    out = [svg_open(w, h, "#ece8e1")]
    out.append('<rect y="606" width="1600" height="94" fill="#e1dbd0"/>'
               '<path d="M0 606H1600" stroke="#d3ccbf" stroke-width="2"/>')
    # soft window light on the wall
    out.append('<path d="M1040 0L1380 0L1180 606L700 606Z" fill="#fff" fill-opacity=".22"/>')
    # rail stands and feet
    out.append(f'<g stroke="{WOOD_DARK}" stroke-linecap="round" fill="none">'
               f'<path d="M190 {rail_y}V622M1410 {rail_y}V622" stroke-width="9"/>'
               '<path d="M130 624H250M1350 624H1470" stroke-width="9"/>'
               f'<path d="M172 {rail_y}H1428" stroke="{METAL}" stroke-width="8"/></g>'
               f'<g fill="{WOOD_DARK}"><circle cx="136" cy="636" r="8"/><circle cx="244" cy="636" r="8"/>'
               '<circle cx="1356" cy="636" r="8"/><circle cx="1464" cy="636" r="8"/></g>')
    items = [
        ("wrap-coat", "#b8936a", None),
        ("cable-sweater", "#ece6d6", None),
        ("shirt", "#a9c2d6", None),
        ("cardigan", "#9aa88c", None),
        ("overshirt", "#6b6a3a", None),
        ("stripe-top", "#ece6d6", "#1f2a44"),
        ("sweater", "#c0674a", None),
        ("overcoat", "#3a3f44", None),
    ]
    stripe_defs = ('<pattern id="p" width="24" height="24" patternUnits="userSpaceOnUse">'
                   '<rect y="12" width="24" height="9" fill="#1f2a44"/></pattern>')
    out[0] = svg_open(w, h, "#ece8e1", stripe_defs)
    xs = [330, 480, 630, 780, 930, 1080, 1230, 1330]
    for (kind, fill, stripe), x in zip(items, xs):
        out.append(hung(kind, fill, x, rail_y, 0.8, stripe))
    # a folded stack on the floor
    out.append(folded_stack(830, 606, ["#2f4f3a", "#e3d8c3", "#a9542f", "#9aa88c"], 0.6))
    out.append("</svg>\n")
    return "".join(out)


def folded(x, y, w, h, fill):
    """A folded knit seen from the front: x, y is the bottom-left corner."""
    edge = mix(fill, "#000000", 0.3)
    detail = mix(fill, "#000000", 0.18) if sum(int(fill[i:i + 2], 16) for i in (1, 3, 5)) > 200 else mix(fill, "#ffffff", 0.2)
    top = y - h
    return (f'<rect x="{f(x + 5)}" y="{f(top + 6)}" width="{f(w)}" height="{f(h)}" rx="{f(h * 0.3)}" fill="#3b3a36" fill-opacity=".08"/>'
            f'<rect x="{f(x)}" y="{f(top)}" width="{f(w)}" height="{f(h)}" rx="{f(h * 0.3)}" fill="{fill}" stroke="{edge}" stroke-width="2"/>'
            f'<path d="M{f(x + w * 0.34)} {f(top + 2)}Q{f(x + w / 2)} {f(top + h * 0.55)} {f(x + w * 0.66)} {f(top + 2)}" '
            f'fill="none" stroke="{detail}" stroke-width="2"/>'
            f'<path d="{ribs(x + 8, x + w - 8, y - h * 0.32, y - 3, 7)}" stroke="{detail}" stroke-width="1.2" stroke-opacity=".6"/>'
            f'<path d="M{f(x + 6)} {f(y - h * 0.34)}H{f(x + w - 6)}" stroke="{detail}" stroke-width="1.4"/>')


def folded_stack(cx, floor, colours, s, w=260, h=58):
    out = []
    y = floor
    for i, c in enumerate(colours):
        ww = w * s * (1 - 0.03 * (i % 2))
        out.append(folded(cx - ww / 2 + (i % 2) * 4 * s, y, ww, h * s, c))
        y -= h * s - 1
    return "".join(out)


# Category tiles are 800x600; the subjects stay within x 180..640 and y 90..520, so a theme may
# crop them to 1:1, 4:3 or 16:9.
CATEGORY_SCENES = {
    "women": ("#ebe5dc", [("dress", "#9aa88c", 330, 300, 0.8), ("cardigan", "#e3d8c3", 480, 312, 0.74)]),
    "men": ("#e6e8e3", [("chinos", "#a59d8f", 485, 305, 0.8), ("overshirt", "#6b6a3a", 330, 300, 0.8)]),
    "tops": ("#ece8e1", [("stripe-top", "#ece6d6", 325, 290, 0.78, "#1f2a44"), ("tee", "#2f4f3a", 480, 322, 0.74)]),
    "bottoms": ("#e9e5de", [("skirt", "#a9542f", 320, 305, 0.9), ("jeans", "#2e3b5e", 490, 300, 0.8)]),
    "knitwear": ("#e9e3d8", [("cable-sweater", "#ece6d6", 350, 290, 0.82), ("beanie", "#a9542f", 525, 430, 0.58)]),
    "outerwear": ("#e4e6e2", [("wrap-coat", "#b8936a", 325, 300, 0.78), ("puffer", "#2f4f3a", 485, 318, 0.75)]),
    "accessories": ("#ece6dc", [("tote", "#ece6d6", 330, 300, 0.78), ("beanie", "#c99a2e", 515, 200, 0.5),
                                 ("socks", "#b9826a", 520, 410, 0.46)]),
}


def category_svg(handle):
    bg, items = CATEGORY_SCENES[handle]
    stripe = next((it[5] for it in items if len(it) > 5), None)
    defs = ""
    if stripe:
        defs = ('<pattern id="p" width="24" height="24" patternUnits="userSpaceOnUse">'
                f'<rect y="12" width="24" height="9" fill="{stripe}"/></pattern>')
    out = [svg_open(800, 600, bg, defs)]
    for it in items:
        kind, fill, x, y, s = it[:5]
        out.append(placed(kind, fill, x, y, s, stripe=it[5] if len(it) > 5 else None))
    out.append("</svg>\n")
    return "".join(out)


def yarn_ball(cx, cy, r, fill, n):
    edge = mix(fill, "#000000", 0.3)
    strand = mix(fill, "#000000", 0.2)
    light = mix(fill, "#ffffff", 0.3)
    arcs = ""
    for i, (ang, k) in enumerate([(-30, 0.45), (-30, 0.75), (40, 0.35), (40, 0.62), (40, 0.9), (95, 0.5), (95, 0.8), (-70, 0.6)]):
        arcs += f'<ellipse rx="{f(r * 0.98)}" ry="{f(r * k)}" transform="rotate({ang + n * 17})"/>'
    return (f'<g transform="translate({f(cx)} {f(cy)})">'
            f'<ellipse cx="10" cy="{f(r * 0.92)}" rx="{f(r * 0.95)}" ry="{f(r * 0.16)}" fill="#3b3a36" fill-opacity=".12"/>'
            f'<circle r="{r}" fill="{fill}"/>'
            f'<clipPath id="b{n}"><circle r="{r}"/></clipPath>'
            f'<g clip-path="url(#b{n})" fill="none" stroke="{strand}" stroke-width="2.2">{arcs}</g>'
            f'<path d="M{f(-r * 0.6)} {f(-r * 0.55)}A{r} {r} 0 0 1 {f(r * 0.2)} {f(-r * 0.85)}" fill="none" stroke="{light}" stroke-width="4" stroke-linecap="round" stroke-opacity=".5"/>'
            f'<circle r="{r}" fill="none" stroke="{edge}" stroke-width="2"/></g>')


def story_wool_svg():
    out = [svg_open(1200, 800, "#e9e4da"), '<g transform="translate(0 70)">']
    out.append('<rect y="430" width="1200" height="400" fill="#dcd3c3"/><path d="M0 430H1200" stroke="#cfc5b3" stroke-width="2"/>')
    out.append('<path d="M80 0H420V300H80Z" fill="#fff" fill-opacity=".25"/><path d="M250 0V300M80 150H420" stroke="#e9e4da" stroke-width="8"/>')
    # a loose strand from the front ball across the table
    out.append('<path d="M700 540C760 600 880 560 940 600S1080 640 1140 610" fill="none" stroke="#6e2a33" stroke-width="3" stroke-linecap="round"/>')
    balls = [(430, 470, 86, "#e3d8c3"), (590, 440, 78, "#a59d8f"), (745, 462, 92, "#2f4f3a"),
             (520, 555, 70, "#ece6d6"), (660, 540, 66, "#6e2a33"), (880, 500, 62, "#3a3f44")]
    for n, (x, y, r, c) in enumerate(balls):
        out.append(yarn_ball(x, y, r, c, n))
    # knitting needles
    out.append(f'<g stroke-linecap="round"><path d="M300 620L600 380" stroke="{WOOD_DARK}" stroke-width="7"/>'
               f'<path d="M330 640L560 350" stroke="{WOOD}" stroke-width="7"/></g>'
               f'<circle cx="298" cy="622" r="9" fill="{WOOD_DARK}"/><circle cx="329" cy="642" r="9" fill="{WOOD}"/>')
    out.append("</g></svg>\n")
    return "".join(out)


def bolt(x, y, length, r, fill):
    """A bolt of cloth lying on its side, its rolled end facing the viewer at the right."""
    edge = mix(fill, "#000000", 0.3)
    roll = mix(fill, "#000000", 0.15)
    light = mix(fill, "#ffffff", 0.25)
    rings = "".join(f'<circle cx="{f(x + length)}" cy="{f(y)}" r="{f(r * k)}" fill="none" stroke="{roll}" stroke-width="1.4"/>'
                    for k in (0.85, 0.7, 0.55, 0.4))
    return (f'<rect x="{f(x + 6)}" y="{f(y - r + 8)}" width="{f(length + r)}" height="{f(2 * r)}" rx="{f(r)}" fill="#3b3a36" fill-opacity=".09"/>'
            f'<rect x="{f(x - r)}" y="{f(y - r)}" width="{f(length + r)}" height="{f(2 * r)}" rx="{f(r)}" fill="{fill}" stroke="{edge}" stroke-width="2"/>'
            f'<path d="M{f(x - r * 0.3)} {f(y - r * 0.55)}H{f(x + length - r * 0.6)}" stroke="{light}" stroke-width="5" stroke-linecap="round" stroke-opacity=".55"/>'
            f'<circle cx="{f(x + length)}" cy="{f(y)}" r="{f(r)}" fill="{fill}" stroke="{edge}" stroke-width="2"/>{rings}'
            f'<circle cx="{f(x + length)}" cy="{f(y)}" r="{f(r * 0.18)}" fill="{WOOD_DARK}"/>')


def story_cotton_svg():
    out = [svg_open(1200, 800, "#e7e6e0"), '<g transform="translate(0 70)">']
    out.append('<rect y="560" width="1200" height="300" fill="#d9d5cb"/><path d="M0 560H1200" stroke="#cbc6ba" stroke-width="2"/>')
    # shelving
    out.append('<g transform="translate(-70 0)">')
    out.append(f'<g fill="{WOOD}" stroke="{WOOD_DARK}" stroke-width="2"><rect x="170" y="330" width="860" height="14"/>'
               '<rect x="170" y="546" width="860" height="14"/><rect x="170" y="120" width="14" height="440"/>'
               '<rect x="1016" y="120" width="14" height="440"/><rect x="170" y="120" width="860" height="14"/></g>')
    # lower shelf: a pyramid of bolts seen end-on
    ends = [(300, 506), (390, 506), (480, 506), (570, 506), (345, 428), (435, 428), (525, 428)]
    cols = ["#ece6d6", "#d8c3a5", "#9aa88c", "#b9826a", "#e3d8c3", "#2f4f3a", "#a9c2d6", "#c0674a"]
    for (x, y), c in zip(ends, cols):
        out.append(roll_end(x, y, 40, c))
    # upper shelf: bolts lying lengthways, and a few more end-on
    for (x, y), c in zip([(260, 290), (350, 290), (305, 212)], ["#6b6a3a", "#ece6d6", "#c0674a"]):
        out.append(roll_end(x, y, 40, c))
    for i, (c, y) in enumerate(zip(["#1f2a44", "#a9542f", "#e3d8c3"], [290, 210, 130])):
        out.append(bolt(520 + i * 40, y, 380 - i * 60, 40, c))
    out.append('</g>')
    # loose cotton bolls in a basket on the floor
    out.append(basket(1040, 640))
    out.append("</g></svg>\n")
    return "".join(out)


def roll_end(x, y, r, fill):
    edge = mix(fill, "#000000", 0.3)
    roll = mix(fill, "#000000", 0.15)
    rings = "".join(f'<circle cx="{x}" cy="{y}" r="{f(r * k)}" fill="none" stroke="{roll}" stroke-width="1.4"/>' for k in (0.82, 0.64, 0.46))
    return (f'<circle cx="{x + 5}" cy="{y + 6}" r="{r}" fill="#3b3a36" fill-opacity=".09"/>'
            f'<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}" stroke="{edge}" stroke-width="2"/>{rings}'
            f'<circle cx="{x}" cy="{y}" r="{f(r * 0.2)}" fill="{WOOD_DARK}"/>')


def basket(cx, floor):
    out = [f'<ellipse cx="{cx + 6}" cy="{floor + 4}" rx="120" ry="10" fill="#3b3a36" fill-opacity=".1"/>']
    for i, (dx, dy) in enumerate([(-70, -118), (-20, -132), (36, -124), (84, -112), (-40, -100), (10, -108), (60, -98)]):
        x, y = cx + dx, floor + dy
        out.append(f'<g fill="#fbfaf6" stroke="#d9d3c6" stroke-width="1.5"><circle cx="{x - 12}" cy="{y + 4}" r="18"/>'
                   f'<circle cx="{x + 12}" cy="{y + 4}" r="18"/><circle cx="{x}" cy="{y - 10}" r="19"/></g>')
    out.append(f'<path d="M{cx - 112} {floor - 96}L{cx + 112} {floor - 96}L{cx + 92} {floor}L{cx - 92} {floor}Z" fill="{WOOD}" stroke="{WOOD_DARK}" stroke-width="2"/>')
    weave = "".join(f"M{cx - 108 + i * 4} {floor - 96 + i * 24}H{cx + 108 - i * 4}" for i in range(1, 4))
    out.append(f'<path d="{weave}" stroke="{WOOD_DARK}" stroke-width="2"/>')
    return "".join(out)


def campaign_svg():
    """1200x900; the subject stays within x 170..1030 so a square crop keeps all of it."""
    w, h = 1200, 900
    out = [svg_open(w, h, "#e5e3dd")]
    out.append('<rect y="700" width="1200" height="200" fill="#d8d3c8"/><path d="M0 700H1200" stroke="#cac4b7" stroke-width="2"/>')
    out.append('<path d="M700 120H1000V430H700Z" fill="#fff" fill-opacity=".3"/><path d="M850 120V430M700 275H1000" stroke="#e5e3dd" stroke-width="10"/>')
    # bench
    out.append(f'<g fill="{WOOD}" stroke="{WOOD_DARK}" stroke-width="2"><rect x="180" y="596" width="840" height="26" rx="4"/>'
               '<rect x="226" y="622" width="22" height="100"/><rect x="952" y="622" width="22" height="100"/></g>')
    out.append(folded_stack(370, 596, ["#3a3f44", "#ece6d6", "#2f4f3a", "#b8936a", "#e3d8c3"], 0.95))
    out.append(folded_stack(650, 596, ["#6e2a33", "#a59d8f", "#1f2a44", "#c99a2e"], 0.95))
    out.append(placed("beanie", "#a9542f", 650, 378, 0.46))
    out.append(folded_stack(880, 596, ["#9aa88c", "#e3d8c3"], 0.7))
    out.append(folded(800, 516, 160, 28, "#b8936a"))
    out.append("</svg>\n")
    return "".join(out)


def favicon_svg():
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
            '<rect width="64" height="64" rx="14" fill="#2f4f3a"/>'
            '<path d="M20 46C18 28 30 16 48 14C49 32 38 46 20 46Z" fill="#f1f0ec"/>'
            '<path d="M20 46C27 36 34 29 42 22" fill="none" stroke="#2f4f3a" stroke-width="2.6" stroke-linecap="round"/>'
            "</svg>\n")


# ---------------------------------------------------------------------------------------------
# The catalogue

STORE = {
    "name": "Evergreen",
    "tagline": "Better clothing for the planet",
    "base_url": "https://shop.example.com",
    "currency": "EUR",
    "locale": "en-IE",
    "language": "en",
    "theme": "default",
    "announcement": "Free shipping in Ireland on orders over €75 · Free returns within 30 days",
}

HERO = {
    "title": "Better clothing for the planet",
    "text": "Organic cotton, recycled wool and fair wages. Clothes made to be worn for years, not seasons.",
    "image": "/images/hero.svg",
    "image_alt": "Coats, shirts and knitwear hanging on a wooden clothes rail, with folded jumpers below",
}

CATEGORIES = [
    ("women", "Women", "Easy everyday pieces for women, cut from organic and recycled fibres."),
    ("men", "Men", "Shirts, trousers and layers for men that last for years."),
    ("tops", "Tops", "Tees, shirts and sweatshirts in organic cotton, hemp and linen."),
    ("bottoms", "Bottoms", "Chinos, jeans, shorts and skirts with room to move."),
    ("knitwear", "Knitwear", "Recycled wool, merino and organic cotton knits."),
    ("outerwear", "Outerwear", "Coats, jackets and gilets for Atlantic weather."),
    ("accessories", "Accessories", "Beanies, scarves, socks, caps and totes."),
]
FEATURED_CATEGORIES = ["women", "men", "knitwear", "accessories"]

BRANDS = {
    "Evergreen": "EVG",
    "Northwool": "NWL",
    "Tidewater": "TDW",
    "Linden & Co": "LDN",
}

# name: (swatch, code, garment fill, stripe colour)
COLOURS = {
    "Forest": ("#2f4f3a", "FOR"),
    "Ecru": ("#ece6d6", "ECR"),
    "Navy": ("#1f2a44", "NAV"),
    "Black": ("#1d1d1f", "BLK"),
    "Clay": ("#b9826a", "CLA"),
    "Oat": ("#e3d8c3", "OAT"),
    "Sage": ("#9aa88c", "SAG"),
    "Terracotta": ("#c0674a", "TER"),
    "Stone": ("#a59d8f", "STO"),
    "Olive": ("#6b6a3a", "OLI"),
    "Rust": ("#a9542f", "RUS"),
    "Pine": ("#23463a", "PIN"),
    "Navy Stripe": ("#1f2a44", "NST", "#ece6d6", "#1f2a44"),
    "Rust Stripe": ("#a9542f", "RST", "#ece6d6", "#a9542f"),
    "Heather Grey": ("#b5b5b2", "HGR"),
    "Lilac": ("#b9a9c9", "LIL"),
    "White": ("#f7f6f2", "WHT"),
    "Sky": ("#a9c2d6", "SKY"),
    "Sand": ("#d8c3a5", "SND"),
    "Chalk": ("#eeece6", "CHK"),
    "Charcoal": ("#3a3f44", "CHA"),
    "Burgundy": ("#6e2a33", "BUR"),
    "Camel": ("#b8936a", "CAM"),
    "Plum": ("#5b3a4f", "PLM"),
    "Moss": ("#5a6b3c", "MOS"),
    "Mustard": ("#c99a2e", "MUS"),
    "Denim": ("#5b7896", "DEN"),
    "Indigo": ("#2e3b5e", "IND"),
}

# Kinds of garment that get contrast topstitching (denim).
TOPSTITCH = {"jeans": "#c9a55b", "denim-jacket": "#c9a55b"}

SIZES = ["XS", "S", "M", "L", "XL", "2XL", "3XL"]
SIZE_CODES = {"One size": "OS"}


def size_range(first, last):
    return SIZES[SIZES.index(first):SIZES.index(last) + 1]


CARE = {
    "cotton": ["Machine wash at 30 °C with similar colours", "Dry flat or on a line, not in the dryer",
               "Warm iron on the reverse if you must"],
    "heavy-cotton": ["Machine wash at 30 °C, inside out", "Line dry; it will soften with every wash",
                     "Do not tumble dry"],
    "linen": ["Machine wash at 30 °C on a gentle cycle", "Hang to dry while still damp and the creases fall out",
              "Iron warm while slightly damp, or embrace the creases"],
    "wool": ["Air it between wears: wool rarely needs washing", "Hand wash cold or use the wool cycle",
             "Dry flat on a towel, away from the radiator", "Store folded, never on a hanger"],
    "merino": ["Wool cycle at 30 °C with a wool detergent", "Reshape and dry flat",
               "Fold to store; a cedar block keeps moths away"],
    "denim": ["Wash rarely, cold and inside out", "Line dry to keep the shape and colour",
              "Expect the indigo to fade beautifully with wear"],
    "outer": ["Spot clean where you can", "Machine wash at 30 °C on a gentle cycle, zips closed",
              "Tumble dry low with two clean tennis balls to restore the loft"],
    "shell": ["Machine wash at 30 °C with a technical wash, zips closed", "Line dry",
              "Refresh the water repellency with a warm tumble dry or a wash-in proofer"],
    "waxed": ["Do not wash: sponge off mud with cold water", "Re-wax once a year with our bar wax",
              "Hang to dry at room temperature"],
    "coat": ["Brush after wearing and air it overnight", "Dry clean only, and rarely",
             "Hang on a broad wooden hanger"],
    "canvas": ["Spot clean with a damp cloth", "Machine wash cold if it really needs it", "Line dry"],
    "socks": ["Machine wash at 40 °C, inside out", "Line dry", "Pair them up before the wash; we can't help with the rest"],
}

PRODUCTS = [
    # ------------------------------------------------------------------------ tops
    dict(
        handle="organic-cotton-tee", title="Organic Cotton Tee", kind="tee", brand="Evergreen", code="TEE",
        categories=["men", "tops"], tags=["organic", "cotton", "basics"], date="2026-03-03", featured=True,
        price="29.00", colours=["Forest", "Ecru", "Navy", "Black", "Clay"], sizes=SIZES,
        size_prices={"2XL": "31.00", "3XL": "31.00"}, related=["heavyweight-pocket-tee", "organic-loopback-hoodie"],
        seo=("Organic Cotton Tee — soft, breathable, fair", "A mid-weight organic cotton tee, knitted and sewn in Portugal. Five colours, sizes XS to 3XL."),
        text=[
            "The tee we reach for first: a mid-weight organic cotton jersey that keeps its shape through years of washing, with a narrow ribbed collar that lies flat instead of rippling.",
            "The cotton is GOTS certified and grown without synthetic pesticides in the Aegean region of Turkey, then knitted and sewn by a family workshop outside Porto. The cut is straight and true to size, with a little room through the body and sleeves that end just above the elbow.",
        ],
        details=["180 g/m² organic cotton jersey (GOTS)", "Regular fit; size down for a closer fit",
                 "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="relaxed-organic-tee", title="Relaxed Organic Tee", kind="tee", brand="Evergreen", code="RTE",
        categories=["women", "tops"], tags=["organic", "cotton", "basics"], date="2026-04-02",
        price="29.00", colours=["Oat", "Sage", "Terracotta", "Black"], sizes=size_range("XS", "XL"),
        text=[
            "A softly boxy tee with dropped shoulders and a slightly cropped length, so it sits neatly over high-waisted trousers or tucks loosely into a skirt.",
            "We use the same organic cotton jersey as our classic tee, garment dyed after sewing for a lived-in colour that is a touch uneven in the best way. Each piece is washed before it leaves the dye house, so it will not shrink on you.",
        ],
        details=["180 g/m² organic cotton jersey, garment dyed", "Relaxed, boxy fit; take your usual size",
                 "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="heavyweight-pocket-tee", title="Heavyweight Pocket Tee", kind="pocket-tee", brand="Tidewater", code="HPT",
        categories=["men", "tops"], tags=["organic", "cotton", "heavyweight"], date="2026-05-12",
        price="35.00", compare_at="42.00", colours=["Stone", "Navy", "Olive"], sizes=size_range("S", "3XL"),
        text=[
            "A proper workwear tee: dense 240 g/m² organic cotton with a patch pocket, a thick collar and a hem that will not twist after the tenth wash.",
            "It starts out crisp and structured and gets softer every time you wear it. The fit is generous through the chest with a slightly longer back, made for layering under an overshirt or wearing alone from April to October.",
            "Last season's colours, now reduced while they last.",
        ],
        details=["240 g/m² organic cotton jersey", "Generous fit with a longer back hem", "Made in Portugal"],
        care="heavy-cotton",
    ),
    dict(
        handle="hemp-long-sleeve-tee", title="Hemp Long Sleeve Tee", kind="long-sleeve", brand="Evergreen", code="HLS",
        categories=["women", "tops"], tags=["hemp", "organic", "layering"], date="2026-04-23",
        price="39.00", colours=["Ecru", "Rust", "Pine"], sizes=size_range("XS", "XL"),
        text=[
            "Hemp grows fast, needs little water and no pesticides, and it makes a jersey that is cool in summer and surprisingly warm under a jumper.",
            "We blend 55% hemp with 45% organic cotton for softness and drape. The long sleeves are cut slim with a clean cuff, and the body skims rather than clings. It is the layer we wear more days of the year than any other.",
        ],
        details=["55% hemp, 45% organic cotton jersey", "Slim sleeves, regular body", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="breton-stripe-top", title="Breton Stripe Top", kind="stripe-top", brand="Linden & Co", code="BRT",
        categories=["women", "tops"], tags=["organic", "cotton", "stripes"], date="2026-05-05",
        price="45.00", colours=["Navy Stripe", "Rust Stripe"], sizes=size_range("XS", "XL"),
        seo=("Breton Stripe Top in organic cotton", "A classic boat-neck Breton top in heavy organic cotton, yarn dyed stripes, made in Portugal."),
        text=[
            "The sailor's classic, made properly: yarn-dyed stripes in a heavy organic cotton interlock that holds its shape and never goes see-through.",
            "A wide boat neck, three-quarter length option by simply pushing up the sleeves, and a straight hem with side vents. Wear it with wide leg trousers in summer and under a cardigan when the wind turns.",
        ],
        details=["100% organic cotton interlock, 220 g/m²", "Straight fit with side vents", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="organic-loopback-hoodie", title="Organic Loopback Hoodie", kind="hoodie", brand="Evergreen", code="HOD",
        categories=["men", "tops"], tags=["organic", "cotton", "loungewear"], date="2026-08-06", featured=True,
        price="69.00", colours=["Heather Grey", "Forest", "Navy", "Black"], sizes=SIZES,
        size_prices={"2XL": "74.00", "3XL": "74.00"}, related=["organic-loopback-joggers"],
        text=[
            "A heavy loopback hoodie that feels like a favourite from the first day: soft on the inside, smooth on the outside and cut with enough room to wear over a shirt.",
            "The hood is double layered so it keeps its shape, the drawcords are flat organic cotton with recycled metal tips, and the kangaroo pocket is bar-tacked at the corners where most hoodies give up first.",
        ],
        details=["400 g/m² organic cotton loopback", "Regular fit, ribbed cuffs and hem", "Made in Portugal"],
        care="heavy-cotton",
    ),
    dict(
        handle="organic-crew-sweatshirt", title="Organic Crew Sweatshirt", kind="sweatshirt", brand="Evergreen", code="CSW",
        categories=["women", "tops"], tags=["organic", "cotton", "loungewear"], date="2026-07-28",
        price="59.00", compare_at="69.00", colours=["Oat", "Lilac", "Sage"], sizes=size_range("XS", "XL"),
        text=[
            "A clean crew neck sweatshirt with a small V insert at the collar, brushed on the inside for warmth without the bulk.",
            "It is cut a little cropped and roomy, with ribbing at the cuffs and hem that holds without gripping. The colours are soft and easy to wear together, which is why this one tends to end up in more than one drawer.",
        ],
        details=["340 g/m² organic cotton fleece, brushed inside", "Relaxed, slightly cropped fit", "Made in Portugal"],
        care="heavy-cotton",
    ),
    dict(
        handle="linen-shirt", title="Linen Shirt", kind="shirt", brand="Linden & Co", code="LSH",
        categories=["men", "tops"], tags=["linen", "summer"], date="2026-03-10",
        price="65.00", colours=["White", "Sky", "Sand"], sizes=size_range("S", "2XL"),
        text=[
            "Pure European flax linen, washed for softness and cut as a simple button-down shirt you can wear open over a tee or buttoned to the collar for dinner.",
            "Flax grown in Normandy needs no irrigation, and every part of the plant is used. We keep the shirt classic: a neat collar, a single chest pocket, mother-of-pearl-look buttons made from corozo nut, and a curved hem that works tucked or untucked.",
        ],
        details=["100% European linen (Masters of Linen)", "Regular fit", "Made in Lithuania"],
        care="linen",
    ),
    dict(
        handle="organic-oxford-shirt", title="Organic Oxford Shirt", kind="shirt", brand="Tidewater", code="OXF",
        categories=["men", "tops"], tags=["organic", "cotton", "shirts"], date="2026-06-11",
        price="69.00", colours=["Sky", "White", "Stone"], sizes=SIZES, size_prices={"3XL": "75.00"},
        seo=("Organic Oxford Shirt — a shirt for every day", "A classic Oxford cloth shirt in organic cotton with a soft collar and a curved hem."),
        text=[
            "The everyday Oxford, in a slightly heavier organic cotton basketweave that wears in rather than out.",
            "We left out the collar stiffeners so it rolls softly under a jumper, added a box pleat at the back for ease, and finished the seams with a single needle so they stay flat. Buttons are corozo, sewn on with a shank so they don't come loose.",
        ],
        details=["100% organic cotton Oxford cloth", "Regular fit, curved hem", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="tencel-relaxed-shirt", title="Tencel Relaxed Shirt", kind="shirt", brand="Linden & Co", code="TRS",
        categories=["women", "tops"], tags=["tencel", "lyocell", "shirts"], date="2026-05-19",
        price="59.00", compare_at="75.00", colours=["Chalk", "Clay", "Sage"], sizes=size_range("XS", "XL"),
        text=[
            "Fluid, cool and nearly crease free, this oversized shirt is made from Tencel lyocell: a fibre spun from sustainably grown eucalyptus in a closed loop that recovers almost all of its solvent.",
            "The drape is the point. It falls away from the body, with a dropped shoulder and long cuffs you can roll twice. Wear it tucked into trousers or open over a vest on warm evenings.",
        ],
        details=["100% Tencel lyocell twill", "Oversized fit; size down for a closer look", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="hemp-canvas-overshirt", title="Hemp Canvas Overshirt", kind="overshirt", brand="Tidewater", code="HOV",
        categories=["men", "outerwear"], tags=["hemp", "canvas", "workwear"], date="2026-08-25",
        price="95.00", colours=["Olive", "Rust", "Black"], sizes=size_range("S", "2XL"),
        related=["heavyweight-pocket-tee", "organic-chinos"],
        text=[
            "Halfway between a shirt and a jacket: a stiff hemp canvas overshirt with two flap pockets, made for the long months when a coat is too much and a shirt is not enough.",
            "It is cut boxy enough to layer over a knit and finished with triple-stitched seams. The canvas starts firm and breaks in along the lines of how you wear it, like good workwear should.",
        ],
        details=["100% hemp canvas, 330 g/m²", "Boxy fit to layer over knitwear", "Made in Portugal"],
        care="heavy-cotton",
    ),
    # ------------------------------------------------------------------------ knitwear
    dict(
        handle="recycled-wool-crew", title="Recycled Wool Crew", kind="sweater", brand="Northwool", code="RWC",
        categories=["knitwear", "men"], tags=["recycled", "wool", "winter"], date="2026-10-01", featured=True,
        price="89.00", colours=["Charcoal", "Oat", "Forest", "Burgundy"], sizes=size_range("S", "3XL"),
        size_prices={"2XL": "94.00", "3XL": "94.00"}, related=["recycled-wool-beanie", "recycled-wool-cardigan"],
        seo=("Recycled Wool Crew — warm, soft, circular", "A crew neck jumper knitted from recycled wool in Prato, Italy. No new sheep, no new dye."),
        text=[
            "Knitted from wool that has already lived one life. Old jumpers are collected, sorted by colour in Prato, carded back into fibre and spun again, so this crew needs no new fleece and no new dye.",
            "The result is a soft, slightly heathered yarn with real warmth. We knit it on a medium gauge into a classic crew with a saddle shoulder, which lets the sleeves move freely and keeps the neckline from stretching.",
        ],
        details=["90% recycled wool, 10% recycled polyamide for strength", "Regular fit", "Knitted in Italy"],
        care="wool",
    ),
    dict(
        handle="merino-rib-sweater", title="Merino Rib Sweater", kind="rib-sweater", brand="Northwool", code="MRS",
        categories=["knitwear", "women"], tags=["merino", "wool", "mulesing-free"], date="2026-09-24",
        price="99.00", colours=["Ecru", "Camel", "Plum"], sizes=size_range("XS", "XL"),
        text=[
            "A fine rib merino sweater that sits close without clinging, soft enough for bare skin and thin enough to wear under a coat.",
            "The wool comes from a group of farms in Patagonia certified to the Responsible Wool Standard: no mulesing, well-managed land and traceable bales. The rib runs the full length of the body for a long, lean line.",
        ],
        details=["100% RWS merino wool, 16 gauge", "Slim fit", "Knitted in Portugal"],
        care="merino",
    ),
    dict(
        handle="cable-knit-sweater", title="Organic Cotton Cable Knit", kind="cable-sweater", brand="Northwool", code="CKS",
        categories=["knitwear", "women"], tags=["organic", "cotton", "cable"], date="2026-10-08",
        price="109.00", compare_at="129.00", colours=["Ecru", "Sage", "Navy"], sizes=size_range("XS", "XL"),
        text=[
            "A fisherman's cable jumper in chunky organic cotton, for those who find wool itchy or simply want something that can go in the washing machine.",
            "Three panels of rope cables run down the front, framed by moss stitch. It is slightly oversized with a deep rib at the hem and cuffs, and heavy enough to stand in for a light jacket on a dry autumn day.",
        ],
        details=["100% organic cotton, 5 gauge", "Relaxed fit", "Knitted in Portugal"],
        care="heavy-cotton",
    ),
    dict(
        handle="recycled-wool-cardigan", title="Recycled Wool Cardigan", kind="cardigan", brand="Northwool", code="RWD",
        categories=["knitwear", "women"], tags=["recycled", "wool", "winter"], date="2026-10-15",
        price="115.00", colours=["Oat", "Moss", "Charcoal"], sizes=size_range("XS", "XL"),
        text=[
            "A V-neck cardigan in our soft recycled wool, with horn-look buttons made from recycled resin and a ribbed placket that will not gape.",
            "Long enough to cover the hips, fitted enough to wear buttoned as a top. It layers over everything from a linen dress in September to a roll neck in January.",
        ],
        details=["90% recycled wool, 10% recycled polyamide", "Regular fit, hip length", "Knitted in Italy"],
        care="wool",
    ),
    dict(
        handle="shawl-collar-cardigan", title="Shawl Collar Cardigan", kind="shawl-cardigan", brand="Northwool", code="SCC",
        categories=["knitwear", "men"], tags=["recycled", "wool", "winter"], date="2026-11-05",
        price="129.00", colours=["Stone", "Navy"], sizes=size_range("S", "2XL"),
        text=[
            "The cardigan as outerwear: a heavy shawl collar you can turn up against the wind, two patch pockets deep enough for gloves, and a weight that feels like a blanket on the shoulders.",
            "Knitted in a dense half-cardigan stitch from recycled wool and a touch of recycled alpaca for loft. We expect it to last long enough to be handed down.",
        ],
        details=["80% recycled wool, 15% recycled alpaca, 5% recycled polyamide", "Relaxed fit", "Knitted in Italy"],
        care="wool",
    ),
    dict(
        handle="recycled-cashmere-roll-neck", title="Recycled Cashmere Roll Neck", kind="roll-neck", brand="Northwool", code="CRN",
        categories=["knitwear", "men"], tags=["recycled", "cashmere", "limited"], date="2026-10-10",
        price="149.00", colours=["Ecru", "Pine", "Charcoal"], sizes=size_range("S", "XL"),
        text=[
            "Our smallest run of the year: a roll neck knitted from reclaimed cashmere, collected from cutting-room floors and worn-out jumpers and spun again in Italy.",
            "Recycled cashmere saves around 90% of the water and energy of new fibre. It is a touch less fluffy than virgin cashmere and, we think, better for it: the shorter fibres pill less. The roll neck folds twice and the body is cut trim for layering under a coat.",
            "This one sells out quickly. Sign up to our newsletter to hear when the next run is ready.",
        ],
        details=["95% recycled cashmere, 5% wool", "Slim fit", "Knitted in Italy"],
        care="merino",
    ),
    dict(
        handle="recycled-wool-knit-vest", title="Recycled Wool Knit Vest", kind="knit-vest", brand="Northwool", code="RWV",
        categories=["knitwear", "women"], tags=["recycled", "wool", "layering"], date="2026-09-17",
        price="69.00", colours=["Oat", "Mustard", "Forest"], sizes=size_range("XS", "XL"),
        text=[
            "A V-neck sweater vest that adds warmth without bulk at the arms. Wear it over a shirt, a tee or a fine roll neck.",
            "It is knitted from the same recycled wool as our crew, with deep ribbed armholes and a ribbed hem that sits at the hip.",
        ],
        details=["90% recycled wool, 10% recycled polyamide", "Regular fit", "Knitted in Italy"],
        care="wool",
    ),
    # ------------------------------------------------------------------------ outerwear
    dict(
        handle="recycled-puffer-jacket", title="Recycled Down-Free Puffer", kind="puffer", brand="Tidewater", code="PUF",
        categories=["outerwear", "men"], tags=["recycled", "down-free", "winter"], date="2026-11-03", featured=True,
        price="189.00", colours=["Black", "Forest", "Navy"], sizes=SIZES, size_prices={"2XL": "199.00", "3XL": "199.00"},
        related=["recycled-wool-beanie", "recycled-wool-crew"],
        seo=("Recycled Down-Free Puffer Jacket", "A warm, light puffer with a recycled shell and recycled insulation that keeps its loft when damp."),
        text=[
            "All the warmth of a down jacket without the birds: a light, packable puffer with a recycled nylon shell and insulation made from recycled bottles.",
            "Unlike down, the fill keeps most of its warmth when it gets wet, which matters on this side of the Atlantic. The shell is finished with a PFC-free water repellent, and the two-way zip, stand collar and hand pockets are backed with soft recycled fleece.",
        ],
        details=["Shell and lining: 100% recycled nylon", "Fill: 100% recycled polyester, 120 g/m²", "Regular fit; room for a jumper underneath"],
        care="outer",
    ),
    dict(
        handle="quilted-recycled-gilet", title="Quilted Recycled Gilet", kind="gilet", brand="Tidewater", code="GIL",
        categories=["outerwear", "women"], tags=["recycled", "layering"], date="2026-10-22",
        price="99.00", compare_at="119.00", colours=["Sage", "Black", "Clay"], sizes=size_range("XS", "XL"),
        text=[
            "A light quilted gilet for walks, bike rides and draughty offices. It keeps your core warm while your arms stay free.",
            "The shell is recycled nylon with a soft sheen, the fill is recycled polyester, and the stand collar is lined with brushed fleece. It packs into its own pocket.",
        ],
        details=["Shell: 100% recycled nylon; fill: 100% recycled polyester", "Regular fit", "Made in Portugal"],
        care="outer",
    ),
    dict(
        handle="recycled-wool-overcoat", title="Recycled Wool Overcoat", kind="overcoat", brand="Northwool", code="RWO",
        categories=["outerwear", "men"], tags=["recycled", "wool", "tailoring"], date="2026-11-09",
        price="249.00", colours=["Camel", "Charcoal", "Navy"], sizes=size_range("S", "2XL"),
        text=[
            "A double-breasted overcoat in dense recycled wool melton: the kind of coat that makes a plain outfit look considered.",
            "It is fully lined in recycled viscose, with a notch lapel, a centre back vent and a length that ends just above the knee. The melton is woven in Prato from reclaimed coats and blankets, and it is heavy enough to keep out a proper wind.",
        ],
        details=["Outer: 80% recycled wool, 20% recycled polyamide", "Lining: recycled viscose", "Tailored fit with room for a jumper"],
        care="coat",
    ),
    dict(
        handle="belted-wool-wrap-coat", title="Belted Wool Wrap Coat", kind="wrap-coat", brand="Linden & Co", code="BWC",
        categories=["outerwear", "women"], tags=["recycled", "wool", "tailoring"], date="2026-11-12", featured=True,
        price="239.00", colours=["Camel", "Oat", "Black"], sizes=size_range("XS", "XL"),
        text=[
            "A soft wrap coat with generous lapels and a belt you can tie at the waist or let hang loose.",
            "It is cut from a brushed recycled wool that is lighter than it looks, unlined across the back so it drapes, and long enough to cover a midi dress. Two deep welt pockets and a hanging loop at the neck complete it.",
        ],
        details=["70% recycled wool, 30% recycled polyamide", "Relaxed fit, mid-calf length", "Made in Portugal"],
        care="coat",
    ),
    dict(
        handle="waxed-cotton-jacket", title="Waxed Organic Cotton Jacket", kind="field-jacket", brand="Tidewater", code="WAX",
        categories=["outerwear", "men"], tags=["organic", "cotton", "waxed", "workwear"], date="2026-09-10",
        price="179.00", colours=["Olive", "Navy"], sizes=size_range("S", "2XL"),
        text=[
            "A four-pocket field jacket in organic cotton, waxed with a plant-based, paraffin-free dressing that sheds rain and takes on a patina with use.",
            "The collar is faced in corduroy, the zip is backed with a storm placket, and the lower pockets are big enough for a map or a paperback. Re-wax it once a year and it will outlast most things in your wardrobe.",
        ],
        details=["100% organic cotton, plant-based wax finish", "Regular fit", "Made in Portugal"],
        care="waxed",
    ),
    dict(
        handle="organic-denim-jacket", title="Organic Denim Jacket", kind="denim-jacket", brand="Evergreen", code="DJK",
        categories=["outerwear", "women"], tags=["organic", "denim"], date="2026-07-16",
        price="119.00", colours=["Denim", "Indigo", "Ecru"], sizes=size_range("XS", "XL"),
        text=[
            "The trucker jacket, in rigid organic cotton denim woven in Italy and washed with ozone and a fraction of the usual water.",
            "A slightly cropped length, two flap chest pockets, and copper-free buttons. It is stiff at first and will mould to you within a few weeks of wearing.",
        ],
        details=["100% organic cotton denim, 12 oz", "Regular fit, cropped at the hip", "Made in Italy"],
        care="denim",
    ),
    dict(
        handle="recycled-rain-shell", title="Recycled Rain Shell", kind="rain-shell", brand="Tidewater", code="RSH",
        categories=["outerwear"], tags=["recycled", "waterproof"], date="2026-06-25",
        price="149.00", compare_at="169.00", colours=["Mustard", "Pine", "Black"], sizes=size_range("XS", "2XL"),
        text=[
            "A fully waterproof, breathable shell for days when the forecast changes every hour. Seams are taped, zips are water resistant, and the hood adjusts with one pull.",
            "The three-layer fabric is made from recycled polyester with a PFC-free membrane. It weighs under 400 grams and rolls into a pocket of a backpack.",
        ],
        details=["100% recycled polyester, 3-layer, 20,000 mm waterproof", "Regular fit with room for layers", "Made in Portugal"],
        care="shell",
    ),
    # ------------------------------------------------------------------------ bottoms and dresses
    dict(
        handle="organic-chinos", title="Organic Cotton Chinos", kind="chinos", brand="Tidewater", code="CHI",
        categories=["bottoms", "men"], tags=["organic", "cotton", "trousers"], date="2026-06-18",
        price="79.00", colours=["Stone", "Navy", "Olive"], sizes=size_range("S", "2XL"),
        text=[
            "Straight, clean chinos in a brushed organic cotton twill with just enough stretch from a little recycled elastane to sit comfortably all day.",
            "A mid rise, a straight leg with a gentle taper from the knee, and a finished length you can turn up once. Back pockets are buttoned so your wallet stays put.",
        ],
        details=["98% organic cotton, 2% recycled elastane", "Straight leg, mid rise; inside leg 81 cm", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="wide-leg-linen-trousers", title="Wide Leg Linen Trousers", kind="wide-trousers", brand="Linden & Co", code="WLT",
        categories=["bottoms", "women"], tags=["linen", "summer", "trousers"], date="2026-04-16",
        price="85.00", compare_at="99.00", colours=["Sand", "Black", "Terracotta"], sizes=size_range("XS", "XL"),
        text=[
            "High-waisted, wide-legged and cool on the hottest day: these trousers are cut from a mid-weight European linen that does not cling.",
            "Deep pleats at the front give them movement, the waistband has a hidden elastic panel at the back, and the pockets are deep enough to actually use.",
        ],
        details=["100% European linen", "High rise, wide leg; inside leg 78 cm", "Made in Lithuania"],
        care="linen",
    ),
    dict(
        handle="organic-straight-jeans", title="Organic Straight Jeans", kind="jeans", brand="Evergreen", code="JNS",
        categories=["bottoms", "men"], tags=["organic", "denim", "jeans"], date="2026-07-07",
        price="99.00", colours=["Indigo", "Denim", "Black"], sizes=size_range("S", "2XL"),
        text=[
            "Five-pocket straight jeans in organic cotton denim, woven on shuttle looms in Italy and finished with ozone and laser instead of stones and bleach.",
            "We use buttons and rivets free of nickel and a leather-free jacquard patch, so they can be recycled at the end of their long life. Send them back to us when that day comes and we will take care of it.",
        ],
        details=["100% organic cotton denim, 13.5 oz", "Straight leg, mid rise; inside leg 81 cm", "Made in Italy"],
        care="denim",
    ),
    dict(
        handle="organic-loopback-joggers", title="Organic Loopback Joggers", kind="joggers", brand="Evergreen", code="JOG",
        categories=["bottoms", "men"], tags=["organic", "cotton", "loungewear"], date="2026-08-13",
        price="65.00", colours=["Heather Grey", "Black", "Forest"], sizes=SIZES, size_prices={"3XL": "69.00"},
        text=[
            "The other half of our hoodie: tapered joggers in heavy organic loopback with an elastic waist, a real drawcord and ribbed cuffs at the ankle.",
            "Deep side pockets, one back pocket and a gusset that means they move with you, whether that means a run to the shop or a long Sunday on the sofa.",
        ],
        details=["400 g/m² organic cotton loopback", "Tapered fit", "Made in Portugal"],
        care="heavy-cotton",
    ),
    dict(
        handle="hemp-chino-shorts", title="Hemp Chino Shorts", kind="shorts", brand="Evergreen", code="HCS",
        categories=["bottoms", "men"], tags=["hemp", "summer"], date="2026-03-17",
        price="49.00", colours=["Sand", "Olive", "Navy"], sizes=size_range("S", "XL"),
        text=[
            "Summer shorts in a hemp and organic cotton twill that breathes well and gets softer each wash.",
            "They sit just above the knee with a 20 cm inseam, have a flat front and slant pockets, and look equally right with a linen shirt or a tee.",
        ],
        details=["55% hemp, 45% organic cotton twill", "Regular fit, 20 cm inseam", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="organic-cord-skirt", title="Organic Cord Midi Skirt", kind="skirt", brand="Linden & Co", code="CSK",
        categories=["bottoms", "women"], tags=["organic", "cotton", "corduroy"], date="2026-09-03",
        price="75.00", colours=["Rust", "Camel", "Pine"], sizes=size_range("XS", "XL"),
        text=[
            "An A-line midi skirt in fine-wale organic corduroy that buttons all the way down the front.",
            "It sits at the natural waist and falls to mid calf, with two pockets hidden in the side seams. Leave the bottom buttons open for walking, and wear it with tights and a knit when the weather turns.",
        ],
        details=["100% organic cotton corduroy, 14 wale", "A-line, midi length", "Made in Portugal"],
        care="cotton",
    ),
    dict(
        handle="linen-midi-dress", title="Linen Midi Dress", kind="dress", brand="Linden & Co", code="LMD",
        categories=["women"], tags=["linen", "summer", "dresses"], date="2026-04-09", featured=True,
        price="110.00", colours=["Sage", "Sand", "Black"], sizes=size_range("XS", "XL"),
        related=["recycled-wool-cardigan", "tencel-relaxed-shirt"],
        seo=("Linen Midi Dress with square neck", "A sleeveless linen midi dress with a square neck and a gathered skirt, made in Lithuania."),
        text=[
            "A sleeveless linen dress with a square neckline, a fitted bodice and a softly gathered skirt that falls to mid calf.",
            "It is cut from washed European linen and lined at the bodice only, so it stays cool. An invisible zip at the back and pockets in the side seams, because every dress needs pockets.",
        ],
        details=["100% European linen; bodice lined in organic cotton", "Fitted bodice, full skirt", "Made in Lithuania"],
        care="linen",
    ),
    dict(
        handle="organic-jersey-dress", title="Organic Jersey T-Shirt Dress", kind="tee-dress", brand="Evergreen", code="JTD",
        categories=["women"], tags=["organic", "cotton", "dresses"], date="2026-06-02",
        price="59.00", compare_at="69.00", colours=["Black", "Clay", "Navy"], sizes=size_range("XS", "XL"),
        text=[
            "As easy as a tee, as put together as a dress: a knee-length T-shirt dress in a weighty organic cotton jersey that skims the body.",
            "Wear it with trainers in summer and with boots and a cardigan the rest of the year.",
        ],
        details=["200 g/m² organic cotton jersey", "Relaxed, slightly A-line fit", "Made in Portugal"],
        care="cotton",
    ),
    # ------------------------------------------------------------------------ accessories
    dict(
        handle="recycled-wool-beanie", title="Recycled Wool Beanie", kind="beanie", brand="Northwool", code="BEA",
        categories=["accessories", "knitwear"], tags=["recycled", "wool", "winter"], date="2026-10-29",
        price="29.00", colours=["Rust", "Charcoal", "Mustard", "Forest", "Oat"], sizes=["One size"],
        text=[
            "A chunky rib beanie with a deep turn-up, knitted from the offcuts of our recycled wool jumpers so nothing from the knitting floor goes to waste.",
            "It sits snug without pinching and is long enough to pull down over the ears or wear high on the head.",
        ],
        details=["90% recycled wool, 10% recycled polyamide", "One size, fits most adults", "Knitted in Italy"],
        care="wool",
    ),
    dict(
        handle="merino-lambswool-scarf", title="Merino Lambswool Scarf", kind="scarf", brand="Northwool", code="SCF",
        categories=["accessories", "knitwear"], tags=["merino", "wool", "winter"], date="2026-11-14",
        price="59.00", colours=["Camel", "Navy", "Burgundy"], sizes=["One size"],
        text=[
            "A long, soft scarf in a blend of RWS merino and lambswool, knitted in a fine rib with two stripes and a short fringe at each end.",
            "At 180 cm long it wraps twice, and it is light enough to keep in a coat pocket from October to April.",
        ],
        details=["70% RWS merino, 30% lambswool", "30 × 180 cm", "Knitted in Scotland"],
        care="merino",
    ),
    dict(
        handle="organic-canvas-tote", title="Organic Canvas Tote", kind="tote", brand="Evergreen", code="TOT",
        categories=["accessories"], tags=["organic", "cotton", "bags"], date="2026-03-24",
        price="24.00", colours=["Ecru", "Forest", "Black"], sizes=None,
        text=[
            "A sturdy, undyed-feeling organic canvas tote with long handles that fit over a coat shoulder and an inside pocket for keys.",
            "It holds a week's shopping or a laptop and a lunch, and folds flat into a drawer when you are done.",
        ],
        details=["100% organic cotton canvas, 340 g/m²", "38 × 42 cm, handles 65 cm", "Made in Portugal"],
        care="canvas",
    ),
    dict(
        handle="organic-cotton-socks", title="Organic Cotton Rib Socks", kind="socks", brand="Evergreen", code="SOX",
        categories=["accessories"], tags=["organic", "cotton", "socks"], date="2026-04-28",
        price="19.00", colours=["Oat", "Forest", "Rust"], sizes=["S", "M", "L"],
        text=[
            "Everyday rib socks with a reinforced heel and toe, a hand-linked toe seam you will not feel, and a cuff that stays up without digging in.",
            "Sizes: S fits EU 36–39, M fits EU 40–43 and L fits EU 44–47.",
        ],
        details=["80% organic cotton, 18% recycled polyamide, 2% elastane", "Sold as a single pair", "Made in Portugal"],
        care="socks",
    ),
    dict(
        handle="organic-cotton-cap", title="Organic Cotton Cap", kind="cap", brand="Tidewater", code="CAP",
        categories=["accessories"], tags=["organic", "cotton", "summer"], date="2026-05-26",
        price="32.00", colours=["Navy", "Stone", "Olive"], sizes=["One size"],
        text=[
            "A six-panel cap in washed organic cotton twill with a soft, unstructured crown and a gently curved brim.",
            "The adjustable strap at the back closes with a recycled brass buckle, and the sweatband is organic cotton, so it washes well after a hot day.",
        ],
        details=["100% organic cotton twill", "One size, adjustable", "Made in Portugal"],
        care="canvas",
    ),
]

# Stock: exactly one sold-out size in one colour (handle, colour, size), low stock, sold out.
SOLD_OUT_ONE = [
    ("organic-cotton-tee", "Forest", "M"),
    ("relaxed-organic-tee", "Sage", "S"),
    ("organic-loopback-hoodie", "Navy", "L"),
    ("recycled-wool-crew", "Oat", "M"),
    ("merino-rib-sweater", "Camel", "XS"),
    ("linen-midi-dress", "Black", "S"),
    ("organic-straight-jeans", "Indigo", "L"),
    ("recycled-puffer-jacket", "Forest", "XL"),
    ("wide-leg-linen-trousers", "Sand", "M"),
    ("organic-chinos", "Navy", "2XL"),
]
LOW_STOCK = [
    ("organic-cotton-tee", "Clay", "XS", 2),
    ("belted-wool-wrap-coat", "Camel", "S", 1),
    ("belted-wool-wrap-coat", "Camel", "M", 2),
    ("recycled-wool-overcoat", "Charcoal", "L", 3),
    ("recycled-wool-beanie", "Mustard", "One size", 2),
    ("cable-knit-sweater", "Sage", "M", 1),
    ("organic-canvas-tote", "Black", None, 3),
    ("shawl-collar-cardigan", "Navy", "XL", 2),
    ("merino-lambswool-scarf", "Burgundy", "One size", 1),
    ("linen-shirt", "Sky", "L", 3),
]
SOLD_OUT = ["recycled-cashmere-roll-neck"]


# ---------------------------------------------------------------------------------------------
# Pages, stories and the campaign

PAGES = [
    ("about", "About us", "Who we are, what we make and how we make it.", """
Evergreen started in 2019 in a spare room in Galway, with two people, one sewing machine and a
simple idea: that the clothes we wear every day could be made well, from good materials, by
people who are paid properly, and still cost what a normal person can afford.

Today we are a team of fourteen, working from a converted boatyard on the edge of the docks. We
design our own Evergreen basics and stock a small number of like-minded labels: **Northwool**
for recycled knitwear, **Tidewater** for outerwear and workwear, and **Linden & Co** for linen
and tailoring.

## What we believe

- **Fewer, better things.** We make a small collection and keep the best of it in production for
  years, instead of chasing a new drop every month.
- **Materials matter most.** Around two thirds of a garment's footprint comes from its fibre. We
  use certified organic cotton, European linen and hemp, recycled wool and cashmere, and
  recycled synthetics where performance calls for them.
- **Everyone in the chain is paid fairly.** We work with eleven workshops and mills in Portugal,
  Italy, Lithuania and Scotland. We have visited every one of them, and we publish the list.
- **Clothes should be repaired, not replaced.** Every Evergreen piece comes with free repairs for
  its first year, and we sell spare buttons, patches and wax for the years after.

## Where our clothes are made

- **Malhas do Vale**, Barcelos, Portugal: jersey tees, sweatshirts and dresses.
- **Lanificio Bruni**, Prato, Italy: recycled wool and cashmere yarn and knits.
- **Linas Linen**, Panevėžys, Lithuania: linen shirts, dresses and trousers.
- **Confecções Ribeiro**, Guimarães, Portugal: outerwear, trousers and shirts.
- **Hawick Knitters**, Hawick, Scotland: scarves and lambswool.

## Our numbers, honestly

In 2025, 93% of the fibre we bought was organic, recycled or certified to a recognised
standard. The rest was mostly trims: zips, labels and elastic. We measure the carbon footprint
of every product with an independent auditor, and we offset nothing: we would rather cut the
emissions than pay to forget them.

We are not perfect, and we will keep telling you where we fall short. If you have a question
about how something is made, [write to us](/contact/). A real person will answer.
"""),
    ("faq", "Frequently asked questions", "Answers to the questions we hear most about sizing, delivery, returns and materials.", """
## Orders and delivery

### When will my order arrive?

Orders placed before 14:00 on a working day leave our Galway warehouse the same day. Standard
delivery in Ireland takes 1–3 working days; to the rest of the EU it takes 3–6. See
[Shipping](/shipping/) for all the options and prices.

### Can I track my parcel?

Yes. As soon as your order is dispatched we send you an email with a tracking number and a link
to your order's status page.

### Can I change or cancel my order?

If it has not been packed yet, yes. Reply to your order confirmation email as soon as you can and
we will do our best. Once it has shipped, you can return it for free instead.

## Sizes and fit

### How do your clothes fit?

Most of our pieces fit true to size. Each product page says whether a style is slim, regular or
relaxed, and our [size guide](/size-guide/) lists body measurements for every size from XS to
3XL.

### Why do some larger sizes cost a little more?

A 2XL or 3XL uses noticeably more fabric than a medium. Rather than raise the price of every
size, we add a few euro to the largest sizes of the styles where the difference is significant.

## Materials and care

### What does "recycled wool" mean?

It is wool that has already been spun, knitted and worn once. Old jumpers and mill offcuts are
sorted by colour, pulled back into fibre and spun again in Prato, Italy, so no new fleece or
new dye is needed. Read more in our story on [why we switched](/stories/why-we-switched-to-recycled-wool/).

### Are your fabrics certified?

Our organic cotton is certified to GOTS, our virgin wool to the Responsible Wool Standard, our
recycled fibres to the Global Recycled Standard, and our linen carries the Masters of Linen
mark. Certificates are available on request.

### How should I care for my clothes?

Wash less, at lower temperatures, and air-dry. Each product page has care notes for its fabric.
Knitwear in particular rarely needs washing: airing it overnight is usually enough.

## Returns and repairs

### What is your returns policy?

You have 30 days from delivery to return anything unworn, and returns within Ireland are free.
See [Returns](/returns/) for the details.

### Do you repair clothes?

Yes. Every Evergreen piece has free repairs for the first year: a broken zip, a loose seam, a
hole in a jumper. After that we repair at cost. Email us a photo and we will tell you how.

## Everything else

### Do you sell gift cards?

Not yet, but they are coming before Christmas. Sign up to our newsletter to hear when.

### Do you have a shop I can visit?

Our Galway studio opens as a shop on Saturdays from 10:00 to 16:00. Come and say hello.
"""),
    ("shipping", "Shipping", "Delivery options, prices and times for Ireland, the EU and the UK.", """
We pack every order by hand in our Galway warehouse, in recycled cardboard or a compostable
mailer, with paper tape and no plastic. Orders placed before **14:00** on a working day are
dispatched the same day.

## Delivery options

### Ireland

- **Standard** with An Post, 1–3 working days: €4.95, or free on orders over €75.
- **Express**, next working day when you order before 14:00: €9.95.

### European Union

- **Standard tracked**, 3–6 working days: €9.95, or free on orders over €150.

### United Kingdom

- **Standard tracked**, 4–7 working days: €12.00.

All prices include VAT. We do not ship outside Europe yet.

## Tracking your order

When your parcel leaves us, we send you an email with its tracking number and a link to your
order's status page, where you can follow it until it arrives.

## Customs and duties

- **Ireland and the EU:** no customs or duties; the price you see is the price you pay.
- **United Kingdom:** orders under £135 are sent with UK VAT already paid, so there is nothing to
  pay on delivery. Larger orders may be charged import VAT by the carrier.

## Something wrong with your delivery?

If your parcel is late, damaged or missing something, [contact us](/contact/) with your order
number and we will put it right.
"""),
    ("returns", "Returns and exchanges", "Thirty days to change your mind, free returns in Ireland.", """
If something is not right, you have **30 days from delivery** to send it back.

## How to return

1. Email [returns@shop.example.com](mailto:returns@shop.example.com) with your order number and
   the items you are returning.
2. We reply with a prepaid label (Ireland) or return instructions (EU and UK).
3. Pack the items in their original packaging if you still have it, and drop the parcel at any
   post office.

## What you can return

- Unworn, unwashed items with their labels attached.
- Sale items, on the same terms as everything else.
- Socks only if they are still in their unopened band, for hygiene reasons.

## Refunds

We refund you within **5 working days** of receiving your return, to the card or account you
paid with. Returns within Ireland are free; for the EU and the UK we deduct €5.00 from the refund
for the label, unless the item was faulty.

## Exchanges

The fastest way to get another size or colour is to place a new order and return the first one.
If the size you want is sold out, we are happy to hold the return until it is back in stock.

## Faulty items

If something arrives damaged or develops a fault that is not down to normal wear, tell us and we
will repair, replace or refund it, at no cost to you. You also have your full statutory rights
as a consumer in the EU.
"""),
    ("privacy", "Privacy policy", "What personal data we collect, why, and how long we keep it.", """
This policy explains how Evergreen Clothing Ltd ("Evergreen", "we") collects and uses your
personal data when you visit shop.example.com or buy from us. We are the data controller. We
collect as little as we can, we never sell it, and we delete it when we no longer need it.

Last updated: 1 March 2026.

## What we collect

- **When you order:** your name, email address, delivery and billing address, phone number
  (for the courier) and what you bought. Card details go directly to our payment provider;
  we never see or store them.
- **When you create an account:** your email address and a password, which we store only as a
  strong one-way hash.
- **When you subscribe to our newsletter:** your email address and the date you confirmed.
- **When you browse:** anonymous page views, counted without cookies and without storing your
  IP address.

## Why we use it, and on what basis

- **Processing and delivering your order, and handling returns:** performance of a contract.
- **Keeping invoices and accounting records:** legal obligation.
- **Sending our newsletter:** your consent, which you can withdraw at any time.
- **Preventing fraud and keeping the shop secure:** our legitimate interest.

## Who we share it with

Only the companies that help us run the shop, under contracts that protect your data: our payment
provider, our carriers (An Post and our EU courier), our email delivery service, and our
hosting provider in the EU. We do not use advertising networks.

## Cookies

We use a single strictly necessary cookie to remember your cart and, if you log in, your session.
We do not use tracking or advertising cookies, so there is no cookie banner to click through.

## How long we keep it

Order records are kept for six years, as Irish tax law requires. Account data is kept until you
delete your account. Newsletter subscriptions are deleted as soon as you unsubscribe.

## Your rights

You can ask us for a copy of your data, ask us to correct or delete it, object to how we use it,
or ask us to send it to you in a portable format. Write to
[privacy@shop.example.com](mailto:privacy@shop.example.com). If you are not happy with our
answer, you can complain to the Data Protection Commission in Ireland.
"""),
    ("terms", "Terms and conditions", "The terms that apply when you buy from Evergreen.", """
These terms apply to every order placed on shop.example.com, which is run by Evergreen Clothing
Ltd, Galway, Ireland. By placing an order you agree to them. They do not affect your statutory
rights as a consumer.

## 1. Orders

Your order is an offer to buy. The contract is formed when we send you the email confirming
that your order has been dispatched. If an item turns out to be unavailable, we will tell you and
refund any amount paid for it.

## 2. Prices and payment

Prices are shown in euro and include VAT at the applicable rate. Delivery costs are shown at
checkout before you pay. Payment is taken when you place your order through our payment
provider's secure page.

## 3. Delivery

We deliver to the addresses and within the times described on our [Shipping](/shipping/) page.
The risk in the goods passes to you when they are delivered.

## 4. Your right to cancel

If you are a consumer in the EU, you may cancel your contract within 14 days of receiving your
goods without giving a reason. Our own [returns policy](/returns/) gives you 30 days. To cancel,
contact us and return the goods within 14 days of telling us.

## 5. Faulty goods

We stand behind what we sell. If goods are faulty or not as described, you are entitled to a
repair, replacement or refund under Irish and EU consumer law.

## 6. Liability

Nothing in these terms limits our liability for death or personal injury caused by our
negligence, or for fraud. Otherwise, our liability is limited to the price of the goods you
ordered.

## 7. Law

These terms are governed by the laws of Ireland. If you live elsewhere in the EU, you also keep
the protection of the mandatory consumer laws of your country.

## 8. Contact

Evergreen Clothing Ltd, Unit 4, Harbour Yard, Galway, Ireland.\\
Email: [hello@shop.example.com](mailto:hello@shop.example.com).
"""),
    ("size-guide", "Size guide", "Body measurements for every size from XS to 3XL.", """
Our sizes are **body measurements**, not garment measurements: measure yourself, then pick the
size whose range you fall into. Each product page tells you whether a style is slim, regular or
relaxed, and whether to size up or down.

## Tops, knitwear and outerwear

| Size | Chest (cm) | Waist (cm) | Hip (cm) | Sleeve (cm) |
|---|---|---|---|---|
| XS | 82–87 | 66–71 | 88–93 | 59 |
| S | 88–93 | 72–77 | 94–99 | 61 |
| M | 94–100 | 78–84 | 100–105 | 63 |
| L | 101–107 | 85–92 | 106–111 | 65 |
| XL | 108–115 | 93–101 | 112–118 | 66 |
| 2XL | 116–123 | 102–110 | 119–125 | 67 |
| 3XL | 124–131 | 111–119 | 126–132 | 68 |

## Trousers, shorts and skirts

| Size | Waist (cm) | Hip (cm) | Inside leg, trousers (cm) |
|---|---|---|---|
| XS | 66–71 | 88–93 | 78 |
| S | 72–77 | 94–99 | 80 |
| M | 78–84 | 100–105 | 81 |
| L | 85–92 | 106–111 | 82 |
| XL | 93–101 | 112–118 | 83 |
| 2XL | 102–110 | 119–125 | 84 |
| 3XL | 111–119 | 126–132 | 84 |

## Socks

| Size | EU shoe size | UK shoe size |
|---|---|---|
| S | 36–39 | 3–6 |
| M | 40–43 | 6½–9 |
| L | 44–47 | 9½–12 |

## How to measure

- **Chest:** around the fullest part of your chest, under the arms, keeping the tape level.
- **Waist:** around your natural waist, the narrowest part of your torso.
- **Hip:** around the fullest part of your hips, with your feet together.
- **Sleeve:** from the centre back of your neck, over the shoulder and down to the wrist.
- **Inside leg:** from the crotch to the floor, without shoes.

Between two sizes? Take the larger one for a relaxed fit, or the smaller one for a closer fit.
Still not sure? [Ask us](/contact/): we can measure any garment for you.
"""),
    ("contact", "Contact us", "How to reach the Evergreen team.", """
We are a small team and we read every message. We answer within one working day, usually much
sooner.

## Email

- **Orders, delivery and returns:** [hello@shop.example.com](mailto:hello@shop.example.com)
- **Repairs:** [repairs@shop.example.com](mailto:repairs@shop.example.com), with a photo of the problem
- **Press and wholesale:** [studio@shop.example.com](mailto:studio@shop.example.com)
- **Privacy requests:** [privacy@shop.example.com](mailto:privacy@shop.example.com)

Please include your order number if you have one: it helps us answer faster.

## Opening hours

- **Monday to Friday:** 09:00–17:30
- **Saturday:** 10:00–16:00, when our studio shop is open
- **Sunday and bank holidays:** closed

## Visit us

Evergreen Clothing Ltd\\
Unit 4, Harbour Yard\\
Galway, Ireland

Our studio shop is a ten-minute walk from Ceannt Station. There is a bike rack outside and a
good coffee place next door.
"""),
]

STORIES = [
    dict(
        handle="why-we-switched-to-recycled-wool", title="Why we switched to recycled wool",
        date="2026-10-02", author="Mara Lind", image="/images/stories/recycled-wool.svg",
        image_alt="Balls of recycled wool yarn in oat, grey, green and burgundy beside a pair of knitting needles",
        description="What it took to close the loop on our knitwear, and why we think it was worth it.",
        body="""
When we launched our first jumper in 2020, it was knitted from new merino. It was lovely, and it
was also the single biggest source of emissions in our whole range. Sheep farming takes land,
water and feed, and it produces methane. A single jumper could account for more carbon than ten
of our tees.

This autumn, every wool knit in our Northwool collection is made from **recycled wool**. Here is
how we got there.

## Prato, where nothing is wasted

The town of Prato, near Florence, has been recycling wool for more than a century. Its mills
buy old knitwear and offcuts by the tonne, sort them by hand into dozens of colours, and pull
them back into loose fibre. Sorted by colour, the fibre needs no new dye: a grey jumper is made
from grey jumpers.

We work with one of those mills, Lanificio Bruni, run by the third generation of the same family.
Their sorters can tell a lambswool from a merino by touch, and they have been doing it for thirty
years.

## The trade-offs

Recycled wool is not the same as new wool, and we want to be honest about it:

- **The fibres are shorter**, so the yarn is a little less smooth. We add 10% recycled polyamide
  to give it strength, which means the yarn is a blend.
- **Colours depend on what comes in.** Our palette follows the sorting room, not a trend report.
- **It costs more to make**, because sorting by hand is slow. We have kept our prices where they
  were by taking a smaller margin.

## What it saves

Compared with the new merino we used before, our recycled wool crew uses about 80% less water and
produces around 70% less carbon, according to the independent life cycle assessment we
commissioned last year. There is no dyeing, no scouring of raw fleece, and no new land.

## What happens next

The loop only closes if old jumpers come back. From November, you can send us any wool knitwear,
from any brand, and we will pass it on to Prato. In return you get 15% off your next order.

Wear your knit for years, repair it when it wears thin, and when it is truly done, send it home.
""",
    ),
    dict(
        handle="inside-the-cotton-mill", title="Inside the mill: how our organic cotton is made",
        date="2026-06-20", author="Aoife Brennan", image="/images/stories/cotton-mill.svg",
        image_alt="Rolls of undyed and dyed organic cotton jersey stacked on wooden shelves, with a basket of raw cotton",
        description="A visit to the family-run mill in northern Portugal that knits and sews our tees.",
        body="""
Barcelos is a quiet town in the Minho, an hour north of Porto. It is also where almost every
Evergreen tee, sweatshirt and jersey dress is knitted, dyed and sewn, at a family business called
Malhas do Vale. In May I spent a week there.

## From bale to roll

The cotton arrives as yarn, already spun from GOTS-certified organic fibre grown in Turkey. On
the ground floor, circular knitting machines turn it into tubes of jersey, a metre wide and a
hundred metres long, that are rolled onto cardboard cores. The room is loud, warm and smells
faintly of machine oil and cotton.

Upstairs, the rolls are dyed with low-impact dyes approved under GOTS, in water that is treated
on site and largely reused. Our ecru colours are not dyed at all.

## The people who sew

Forty-two people work at Malhas do Vale. Most of the sewing team have been there for more than
ten years, and the average wage is around 30% above the Portuguese legal minimum. Paulo, who runs
the cutting room, started as an apprentice when he was sixteen. His daughter now manages the
orders.

What struck me most was the pace. Nobody is timed by the second. Pieces are checked three times:
after cutting, after sewing and before packing. Anything with a flaw goes to a separate rack and
is sold locally as a second, not thrown away.

## Why we stay close

Working with a mill two hours' flight from Galway means we can visit often, make small runs and
reorder what sells instead of guessing months ahead. That is the real reason our tees are rarely
on sale: we simply do not over-produce them.

Next time you pull on one of our tees, think of the green hills of the Minho, the hum of the
knitting floor, and Paulo checking the seams one last time.
""",
    ),
]

CAMPAIGN = dict(
    handle="winter-layers", title="The Winter Layers Edit",
    banner="20% off warm layers until 31 January",
    image="/images/campaigns/winter-layers.svg",
    image_alt="Stacks of folded knitwear on a wooden bench with a rust beanie on top",
    description="Recycled wool knits, down-free puffers and coats, with 20% off until the end of January.",
    products=["recycled-wool-crew", "cable-knit-sweater", "recycled-wool-cardigan", "recycled-puffer-jacket",
              "quilted-recycled-gilet", "recycled-wool-overcoat", "recycled-wool-beanie", "merino-lambswool-scarf"],
    starts="2026-11-20", ends="2027-01-31", percent=20,
    body="""
Winter on the west coast of Ireland is not about one heavy coat. It is about layers: a fine knit
against the skin, a thick jumper over it, and a shell or a coat that keeps the wind out.

From 20 November to 31 January, we are taking **20% off** the pieces we reach for all winter:
recycled wool knits from Northwool, down-free puffers and gilets from Tidewater, and a few
accessories to finish the job.

## How to layer

- **Start light.** A merino or recycled wool knit traps warm air and handles moisture far better
  than cotton.
- **Add loft.** A chunky cardigan or a quilted gilet keeps your core warm without restricting your
  arms.
- **Finish with a shell.** A wool overcoat for the city, a puffer for the weekend.
- **Do not forget your head.** You lose less heat through it than the myth says, but a beanie is
  still the cheapest way to feel warmer.

Everything in the edit is made from recycled or responsibly sourced fibres, and everything is made
to be repaired. Buy once, buy well, and stay warm.
""",
)


# ---------------------------------------------------------------------------------------------
# Writing the store

PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")
YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def y(value):
    """A YAML scalar: plain when that is unambiguous, double-quoted (JSON syntax) otherwise."""
    s = str(value)
    if PLAIN.match(s) and s.lower() not in YAML_WORDS and not re.match(r"^[0-9.+-]+$", s) \
            and not re.match(r"^\d{4}-\d{2}-\d{2}$", s) and not s.endswith(" "):
        return s
    return json.dumps(s, ensure_ascii=False)


def flow(items):
    return "[" + ", ".join(y(i) for i in items) + "]"


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def colour_info(name):
    entry = COLOURS[name]
    swatch, code = entry[0], entry[1]
    fill = entry[2] if len(entry) > 2 else swatch
    stripe = entry[3] if len(entry) > 3 else None
    return swatch, code, fill, stripe


def variants_of(p):
    """(sku, colour, size or None, own price or None) for every combination, colour-major."""
    out = []
    brand = BRANDS[p["brand"]]
    for colour in p["colours"]:
        code = colour_info(colour)[1]
        for size in (p["sizes"] or [None]):
            parts = [brand, p["code"], code] + ([SIZE_CODES.get(size, size)] if size else [])
            price = (p.get("size_prices") or {}).get(size)
            out.append(("-".join(parts), colour, size, price))
    return out


def image_paths(p, colour):
    base = f"/images/products/{p['handle']}-{slug(colour)}"
    return base + "-1.svg", base + "-2.svg"


def second_view_name(p):
    return "close-up" if p["kind"] in DETAIL and DETAIL[p["kind"]] is not None else "back view"


def product_md(p):
    L = ["---", f"title: {y(p['title'])}", f"brand: {y(p['brand'])}",
         f"categories: {flow(p['categories'])}", f"tags: {flow(p['tags'])}", f"date: {p['date']}"]
    if p.get("featured"):
        L.append("featured: true")
    L.append(f'price: "{p["price"]}"')
    if p.get("compare_at"):
        L.append(f'compare_at: "{p["compare_at"]}"')
    L += ["options:", "  - name: Colour", "    values:"]
    for c in p["colours"]:
        L.append(f'      - {{value: {y(c)}, swatch: "{colour_info(c)[0]}"}}')
    if p["sizes"]:
        L += ["  - name: Size", f"    values: {flow(p['sizes'])}"]
    L.append("variants:")
    for sku, colour, size, price in variants_of(p):
        fields = [f"sku: {sku}", f"colour: {y(colour)}"]
        if size:
            fields.append(f"size: {y(size)}")
        if price:
            fields.append(f'price: "{price}"')
        L.append("  - {" + ", ".join(fields) + "}")
    L.append("images:")
    second = second_view_name(p)
    for c in p["colours"]:
        front, back = image_paths(p, c)
        name = f"{p['title']} in {c.lower()}"
        L.append(f"  - {{src: {front}, alt: {y(name + ', front view')}, colour: {y(c)}}}")
        L.append(f"  - {{src: {back}, alt: {y(name + ', ' + second)}, colour: {y(c)}}}")
    if p.get("related"):
        L.append(f"related: {flow(p['related'])}")
    if p.get("seo"):
        L += ["seo:", f"  title: {y(p['seo'][0])}", f"  description: {y(p['seo'][1])}"]
    L.append("---")
    body = "\n\n".join(p["text"])
    body += "\n\n### Details\n\n" + "\n".join(f"- {d}" for d in p["details"])
    body += "\n\n### Care\n\n" + "\n".join(f"- {c}" for c in CARE[p["care"]])
    return "\n".join(L) + "\n" + body + "\n"


def page_md(handle, title, description, body):
    return f"---\ntitle: {y(title)}\ndescription: {y(description)}\n---\n{body.strip()}\n"


def story_md(s):
    return ("---\n"
            f"title: {y(s['title'])}\ndate: {s['date']}\nauthor: {y(s['author'])}\n"
            f"image: {s['image']}\nimage_alt: {y(s['image_alt'])}\ndescription: {y(s['description'])}\n"
            f"---\n{s['body'].strip()}\n")


def campaign_md(c):
    return ("---\n"
            f"title: {y(c['title'])}\nbanner: {y(c['banner'])}\n"
            f"image: {c['image']}\nimage_alt: {y(c['image_alt'])}\n"
            f"products: {flow(c['products'])}\n"
            f"starts: {c['starts']}\nends: {c['ends']}\n"
            f"discount:\n  percent: {c['percent']}\n"
            f"---\n{c['body'].strip()}\n")


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def shelf_toml():
    S = STORE
    L = ["# The demo store: Evergreen. Generated by scripts/demo-content.py; edit that script, not this file.",
         "",
         f"name = {toml_str(S['name'])}",
         f"tagline = {toml_str(S['tagline'])}",
         f"base_url = {toml_str(S['base_url'])}",
         f"currency = {toml_str(S['currency'])}",
         f"locale = {toml_str(S['locale'])}",
         f"language = {toml_str(S['language'])}",
         f"theme = {toml_str(S['theme'])}",
         f"announcement = {toml_str(S['announcement'])}",
         "",
         "[catalogue]",
         "per_page = 12",
         "new_arrivals = 8",
         "featured_categories = [" + ", ".join(toml_str(c) for c in FEATURED_CATEGORIES) + "]",
         "low_stock = 3",
         'size_guide = "/size-guide/"',
         "",
         "[hero]"]
    for key in ("title", "text", "image", "image_alt"):
        L.append(f"{key} = {toml_str(HERO[key])}")
    L += ["", "[build]", "precompress = true"]
    L += ["", "# Checkout: where the shop sells, shipping, VAT (prices include it), codes, payment.",
          "[checkout]",
          'countries = ["IE", "GB", "FR", "DE", "NL", "BE", "ES", "IT", "PT", "AT", "DK", "SE", "US"]',
          "prices_include_tax = true",
          "reservation_minutes = 30",
          "return_days = 30",
          "free_returns = true",
          "", "[payments]", 'provider = "test"',
          "", "[[shipping]]", 'id = "standard"', 'name = "Standard (An Post)"', 'countries = ["IE"]',
          'rate = "4.95"', 'free_from = "75.00"', 'delivery = "2–3 business days"',
          "", "[[shipping]]", 'id = "express"', 'name = "Express (next day)"', 'countries = ["IE"]',
          'rate = "9.95"', 'delivery = "Next business day if ordered by 2 pm"',
          "", "[[shipping]]", 'id = "europe"', 'name = "Europe"',
          'countries = ["GB", "FR", "DE", "NL", "BE", "ES", "IT", "PT", "AT", "DK", "SE"]',
          'rate = "12.00"', 'free_from = "150.00"', 'delivery = "4–7 business days"',
          "", "[[shipping]]", 'id = "world"', 'name = "Rest of the world"', 'countries = "*"',
          'rate = "25.00"', 'delivery = "7–14 business days"',
          "", "[[tax]]", 'name = "VAT"', 'countries = ["IE"]', 'rate = "23"',
          "", "[[tax]]", 'name = "VAT"', 'countries = "*"', 'rate = "23"',
          "", "[[codes]]", 'code = "WELCOME10"', 'percent = "10"', 'minimum = "50.00"',
          "", "[[codes]]", 'code = "WINTER15"', 'amount = "15.00"', 'minimum = "120.00"', 'ends = "2027-02-28"']
    for handle, title, description in CATEGORIES:
        L += ["", "[[categories]]", f"handle = {toml_str(handle)}", f"title = {toml_str(title)}",
              f"description = {toml_str(description)}"]
    L += ["", "# Email. Without a [mail] table the store writes each email to data/mail/ (shown by `shelf serve`",
          "# at /_dev/mail). For real mail, see docs/content.md#mail:",
          "# [mail]", '# from = "Shelf Demo <orders@shop.example.com>"', '# transport = "smtp"',
          '# smtp_host = "smtp.example.com"',
          '# smtp_username = "orders@shop.example.com"   # the password goes in data/secrets.toml as smtp_password']
    return "\n".join(L) + "\n"


def stock_rows():
    """(sku, quantity) for every variant, deterministic."""
    rng = random.Random(20261120)
    rows = {}
    order = []
    for p in sorted(PRODUCTS, key=lambda p: p["handle"]):
        for sku, colour, size, _ in variants_of(p):
            if size in ("2XL", "3XL"):
                qty = rng.randint(4, 14)
            elif size == "XS":
                qty = rng.randint(4, 20)
            else:
                qty = rng.randint(6, 40)
            rows[(p["handle"], colour, size)] = [sku, qty]
            order.append((p["handle"], colour, size))
    for handle, colour, size in SOLD_OUT_ONE:
        rows[(handle, colour, size)][1] = 0
    for handle, colour, size, qty in LOW_STOCK:
        rows[(handle, colour, size)][1] = qty
    for handle in SOLD_OUT:
        for key in order:
            if key[0] == handle:
                rows[key][1] = 0
    return [tuple(rows[k]) for k in order]


class Writer:
    """Writes files under the repository root, leaving unchanged files untouched."""

    def __init__(self, root):
        self.root = root
        self.written = set()
        self.changed = 0

    def write(self, relative, text):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        self.written.add(os.path.normpath(path))
        try:
            with open(path, "rb") as fh:
                if fh.read() == data:
                    return
        except FileNotFoundError:
            pass
        with open(path, "wb") as fh:
            fh.write(data)
        self.changed += 1

    def prune(self, folder, suffix):
        """Removes files ending in suffix under folder that this run did not write."""
        top = os.path.join(self.root, folder)
        removed = 0
        for dirpath, _, names in os.walk(top):
            for name in names:
                path = os.path.normpath(os.path.join(dirpath, name))
                if name.endswith(suffix) and path not in self.written:
                    os.remove(path)
                    removed += 1
        return removed


def generate(root):
    w = Writer(root)
    w.write("shelf.toml", shelf_toml())
    for p in PRODUCTS:
        w.write(f"content/products/{p['handle']}.md", product_md(p))
        for colour in p["colours"]:
            _, _, fill, stripe = colour_info(colour)
            for view, src in zip((1, 2), image_paths(p, colour)):
                w.write("static" + src, garment_svg(p["kind"], fill, view, stripe=stripe, topstitch=TOPSTITCH.get(p["kind"])))
    for handle, title, description, body in PAGES:
        w.write(f"content/pages/{handle}.md", page_md(handle, title, description, body))
    for s in STORIES:
        w.write(f"content/stories/{s['handle']}.md", story_md(s))
    w.write(f"content/campaigns/{CAMPAIGN['handle']}.md", campaign_md(CAMPAIGN))
    w.write("static/images/hero.svg", hero_svg())
    for handle, _, _ in CATEGORIES:
        w.write(f"static/images/categories/{handle}.svg", category_svg(handle))
    w.write("static/images/stories/recycled-wool.svg", story_wool_svg())
    w.write("static/images/stories/cotton-mill.svg", story_cotton_svg())
    w.write("static/images/campaigns/winter-layers.svg", campaign_svg())
    w.write("static/favicon.svg", favicon_svg())
    w.write("demo/stock.csv", "sku,quantity\n" + "".join(f"{sku},{qty}\n" for sku, qty in stock_rows()))
    removed = 0
    for folder in ("content/products", "content/pages", "content/stories", "content/campaigns"):
        removed += w.prune(folder, ".md")
    removed += w.prune("static/images", ".svg")
    return w, removed


# ---------------------------------------------------------------------------------------------
# Checking the result against docs/content.md and the demo's own promises

PRODUCT_KEYS = {"title", "handle", "brand", "categories", "tags", "date", "featured", "published", "price",
                "compare_at", "options", "variants", "images", "related", "seo"}
DOC_KEYS = {
    "pages": {"title", "handle", "description"},
    "stories": {"title", "handle", "date", "author", "image", "image_alt", "description"},
    "campaigns": {"title", "handle", "banner", "image", "image_alt", "products", "starts", "ends", "discount"},
}
RESERVED = {"shop", "products", "stories", "campaigns", "assets", "fn", "images", "search", "404"}
SKU_RE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
PRICE_RE = re.compile(r"^\d+\.\d\d$")


def front_matter_keys(text):
    lines = text.split("\n")
    assert lines[0] == "---", "no front matter"
    end = lines.index("---", 1)
    keys = [m.group(1) for m in (re.match(r"^([a-z_]+):", l) for l in lines[1:end]) if m]
    return keys, "\n".join(lines[1:end]), "\n".join(lines[end + 1:])


def validate(root):
    problems = []

    def check(ok, message):
        if not ok:
            problems.append(message)

    def static(src):
        return os.path.isfile(os.path.join(root, "static", src.lstrip("/")))

    try:
        import yaml  # optional: a full YAML parse when PyYAML happens to be installed
    except ImportError:
        yaml = None

    with open(os.path.join(root, "shelf.toml"), "rb") as fh:
        cfg = tomllib.load(fh)
    declared = [c["handle"] for c in cfg["categories"]]
    check(len(declared) >= 6 and len(set(declared)) == len(declared), "at least 6 distinct categories")
    check(3 <= len(cfg["catalogue"]["featured_categories"]) <= 4, "3-4 featured categories")
    check(all(c in declared for c in cfg["catalogue"]["featured_categories"]), "featured categories declared")
    check(static(cfg["hero"]["image"]), "hero image exists")
    check(not cfg["base_url"].endswith("/"), "base_url without trailing slash")
    for handle in declared:
        check(static(f"/images/categories/{handle}.svg"), f"category image for {handle}")

    handles = {p["handle"] for p in PRODUCTS}
    check(len(handles) == len(PRODUCTS) >= 32, "at least 32 products with distinct handles")
    check(len({p["brand"] for p in PRODUCTS}) >= 3, "at least 3 brands")
    check(sum(1 for p in PRODUCTS if p.get("compare_at")) >= 6, "at least 6 products on sale")
    check(sum(1 for p in PRODUCTS if p.get("size_prices")) >= 3, "a few products with per-variant prices")
    check(any(p.get("featured") for p in PRODUCTS), "some featured products")
    check(len({p["date"][:7] for p in PRODUCTS}) >= 8, "dates spread over the months")
    skus = {}
    for p in PRODUCTS:
        where = p["handle"]
        check(1 <= len(p["categories"]) <= 2 and all(c in declared for c in p["categories"]), f"{where}: categories")
        check(2 <= len(p["colours"]) <= 5, f"{where}: 2-5 colours")
        check(p["sizes"] is None or p["sizes"] == ["One size"] or all(s in SIZES for s in p["sizes"]), f"{where}: sizes")
        check(PRICE_RE.match(p["price"]) is not None, f"{where}: price")
        if p.get("compare_at"):
            check(float(p["compare_at"]) > float(p["price"]), f"{where}: compare_at above price")
        check("2026-03-01" <= p["date"] <= "2026-11-30", f"{where}: date in 2026-03..2026-11")
        for r in p.get("related") or []:
            check(r in handles and r != where, f"{where}: related {r}")
        for sku, colour, size, price in variants_of(p):
            check(SKU_RE.match(sku) is not None, f"{where}: SKU {sku} format")
            check(sku not in skus, f"{where}: SKU {sku} also in {skus.get(sku)}")
            skus[sku] = where
            check(colour in p["colours"] and (size is None or size in p["sizes"]), f"{where}: {sku} options")
            check(price is None or PRICE_RE.match(price) is not None, f"{where}: {sku} price")
        for colour in p["colours"]:
            check(re.match(r"^#[0-9a-f]{6}$", colour_info(colour)[0]) is not None, f"{where}: swatch of {colour}")
            for src in image_paths(p, colour):
                check(static(src), f"{where}: image {src}")
                size = os.path.getsize(os.path.join(root, "static", src.lstrip("/"))) if static(src) else 0
                check(size < 8000, f"{where}: {src} is {size} bytes")
        text = open(os.path.join(root, "content", "products", where + ".md"), encoding="utf-8").read()
        keys, fm, body = front_matter_keys(text)
        check(set(keys) <= PRODUCT_KEYS and len(keys) == len(set(keys)), f"{where}: front matter keys {keys}")
        check(2 <= len([b for b in body.split("\n\n") if b.strip() and not b.startswith(("#", "-"))]) <= 3, f"{where}: 2-3 paragraphs")
        if yaml:
            data = yaml.load(fm, Loader=yaml.BaseLoader)
            check([v["sku"] for v in data["variants"]] == [v[0] for v in variants_of(p)], f"{where}: YAML variants")
            values = {o["name"].lower(): [v["value"] if isinstance(v, dict) else v for v in o["values"]] for o in data["options"]}
            for v in data["variants"]:
                check(set(v) - {"sku", "price", "compare_at"} == set(values), f"{where}: {v['sku']} names every option")
                for k, vals in values.items():
                    check(v.get(k) in vals, f"{where}: {v['sku']} {k}")
            for im in data["images"]:
                check(static(im["src"]) and im["alt"] and im["colour"] in values["colour"], f"{where}: YAML image {im}")

    rows = stock_rows()
    check(sorted(s for s, _ in rows) == sorted(skus), "stock.csv has one row per SKU")
    check(all(0 <= q <= 40 for _, q in rows), "stock between 0 and 40")
    qty = dict(rows)
    one_out = sold_out = low = 0
    for p in PRODUCTS:
        zeros = [v for v in variants_of(p) if qty[v[0]] == 0]
        if len(zeros) == len(variants_of(p)):
            sold_out += 1
        elif len(zeros) == 1 and zeros[0][2] is not None:
            one_out += 1
        if any(1 <= qty[v[0]] <= 3 for v in variants_of(p)):
            low += 1
    check(one_out >= 8, f"at least 8 products with exactly one sold-out size ({one_out})")
    check(sold_out >= 1, "at least one product completely sold out")
    check(low >= 5, f"several products with low stock ({low})")
    with open(os.path.join(root, "demo", "stock.csv"), encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    check(lines[0] == "sku,quantity", "stock.csv header")
    for line in lines[1:]:
        sku, _, q = line.partition(",")
        check(sku in skus and q.isdigit(), f"stock.csv row {line}")

    page_handles = set()
    for kind in ("pages", "stories", "campaigns"):
        folder = os.path.join(root, "content", kind)
        for name in sorted(os.listdir(folder)):
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            keys, fm, body = front_matter_keys(text)
            check(set(keys) <= DOC_KEYS[kind] and "title" in keys, f"{kind}/{name}: keys {keys}")
            if kind == "pages":
                page_handles.add(name[:-3])
                check(name[:-3] not in RESERVED, f"{kind}/{name}: reserved handle")
            if yaml:
                data = yaml.load(fm, Loader=yaml.BaseLoader)
                if "image" in data:
                    check(static(data["image"]), f"{kind}/{name}: image {data['image']}")
                for h in data.get("products", []):
                    check(h in handles, f"{kind}/{name}: product {h}")
    check({"about", "faq", "shipping", "returns", "privacy", "terms", "size-guide", "contact"} <= page_handles, "all pages")
    check(cfg["catalogue"]["size_guide"].strip("/") in page_handles, "size guide resolves")
    check(6 <= len(CAMPAIGN["products"]) <= 8 and all(h in handles for h in CAMPAIGN["products"]), "campaign products")
    for s in STORIES:
        check(static(s["image"]), f"story image {s['image']}")
    check(static(CAMPAIGN["image"]), "campaign image")
    check(os.path.isfile(os.path.join(root, "static", "favicon.svg")), "favicon")
    return problems, dict(products=len(PRODUCTS), categories=len(declared), brands=len({p["brand"] for p in PRODUCTS}),
                          skus=len(skus), one_out=one_out, sold_out=sold_out, low=low, yaml=bool(yaml))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        help="the store folder to write (default: the repository root)")
    parser.add_argument("--check", action="store_true", help="only validate what is already there")
    args = parser.parse_args()
    if not args.check:
        writer, removed = generate(args.root)
        print(f"demo-content: {len(writer.written)} files, {writer.changed} changed, {removed} stale removed")
    problems, counts = validate(args.root)
    for problem in problems:
        print(f"demo-content: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("demo-content: OK: {products} products, {categories} categories, {brands} brands, {skus} SKUs; "
          "{one_out} with one size sold out, {sold_out} sold out, {low} with low stock"
          .format(**counts) + ("" if counts["yaml"] else " (PyYAML not installed: front matter checked by keys only)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
