#!/usr/bin/env python3
"""Serves www/ on 127.0.0.1 for scripts/serve.sh and the end-to-end tests.

Like `python3 -m http.server`, plus the headers an article's host would see:
every HTML page carries the strict Content-Security-Policy the explorer must
work under (the full page also allows blob: images, to save its chart as
PNG), and every file may be loaded from another origin (a page that
embeds <scope-explorer> or the iframe from elsewhere fetches the module, the
wasm and the styles with CORS).

Usage: python3 scripts/serve.py PORT [DIRECTORY]
"""
import functools
import http.server
import sys

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
# The full page also draws its chart as an image from a blob: URL, to save
# it as PNG ("Download chart"); the embeds keep the strict policy above.
PAGE_CSP = CSP + "; img-src 'self' blob:"
PAGE_PATHS = ("/", "/index.html")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        path = self.path.split("?")[0]
        if path in PAGE_PATHS:
            self.send_header("Content-Security-Policy", PAGE_CSP)
        elif path.endswith((".html", "/")):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


def main():
    if len(sys.argv) < 2 or not sys.argv[1].isdigit():
        sys.exit("usage: serve.py PORT [DIRECTORY]")
    port = int(sys.argv[1])
    directory = sys.argv[2] if len(sys.argv) > 2 else "www"
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"Serving {directory} at http://127.0.0.1:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
