#!/usr/bin/env python3
"""Links the release cart's own objects again, as SwiftPM last linked them, into another file
with extra inputs: the bench-only variant of the cart that loads libsodium.

    relink-cart.py BUILD_YAML OUTPUT EXTRA...

BUILD_YAML is SwiftPM's build manifest (.build/release.yaml); its command that links the cart
executable is run with "-o OUTPUT" instead of the cart's path and EXTRA appended. The shipped
.build/release/cart is left as it is. Python 3 standard library only.
"""
import json
import subprocess
import sys


def link_arguments(manifest):
    """The args of the command whose name starts with C.cart- and ends with .exe."""
    with open(manifest) as f:
        lines = f.read().splitlines()
    for index, line in enumerate(lines):
        name = line.strip().rstrip(":").strip('"')
        if name.startswith("C.cart-") and name.endswith(".exe"):
            for following in lines[index + 1:index + 12]:
                if following.strip().startswith("args:"):
                    return json.loads(following.split("args:", 1)[1])
    sys.exit(f"relink-cart.py: no link command of the cart in {manifest}: build the cart with swift build -c release first")


def main():
    manifest, output, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    args = link_arguments(manifest)
    at = args.index("-o")
    args[at + 1] = output
    subprocess.run(args + extra, check=True)


if __name__ == "__main__":
    main()
