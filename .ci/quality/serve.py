#!/usr/bin/env python3
"""A quiet static file server for the gates: serves DIR on 127.0.0.1:PORT.

It answers with a `LinkChecker` header, which tells linkchecker it may send requests without its
politeness delay (about 0.35 s per URL otherwise).
"""
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local test server")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=os.path.abspath(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
