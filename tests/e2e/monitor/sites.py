#!/usr/bin/env python3
"""Five school sites for tests/e2e/site_monitoring.sh, served on 127.0.0.1 only, each on its own port.

    sites.py ROOT PORTFILE

ROOT/<name>/ holds each site's files (the test copies tests/fixtures/foreign_site there and changes
them between the rounds); ROOT/<name>.conf (key=value) says how the server behaves:
  charset=windows-1251   the Content-Type of pages names it (else none: the page's <meta> decides)
  delay=N                seconds before every answer (the slow site)
  redirect=/a=>URL       a redirect (several, separated by «;»)
  html_instead=/a.pdf    paths answered with an HTML page instead of the file
  huge=/a.pdf            a path answered with an endless PDF that claims to be 2 GB
PORTFILE receives «name port» lines once every server listens.
"""
import http.server
import os
import socketserver
import sys
import threading
import time

ROOT = sys.argv[1]
NAMES = ["cp1251", "redirects", "documents", "slow", "robots"]


def conf(name):
    out = {}
    path = os.path.join(ROOT, name + ".conf")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v
    return out


def handler_for(name):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body=b"", ctype="text/html", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            c = conf(name)
            if c.get("delay"):
                time.sleep(float(c["delay"]))
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            ua = self.headers.get("User-Agent", "")
            with open(os.path.join(ROOT, name + ".agents"), "a", encoding="utf-8", errors="replace") as log:
                log.write(path + "\t" + ua + "\n")
            for rule in filter(None, c.get("redirect", "").split(";")):
                src, dst = rule.split("=>", 1)
                if path == src:
                    return self.send(301, b"", headers=[("Location", dst)])
            if path in filter(None, c.get("html_instead", "").split(";")):
                return self.send(200, "<!DOCTYPE html><html><body><h1>Документ не найден</h1></body></html>".encode("utf-8"),
                                 "text/html; charset=utf-8")
            if path == c.get("huge"):
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(2 << 30))
                self.end_headers()
                chunk = b"%PDF-1.7\n" + b"0" * (1 << 20)
                try:
                    for _ in range(2048):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
                return
            local = os.path.normpath(os.path.join(ROOT, name, path.lstrip("/")))
            if not local.startswith(os.path.join(ROOT, name)):
                return self.send(404, b"not found")
            if os.path.isdir(local):
                if not path.endswith("/"):
                    return self.send(301, b"", headers=[("Location", path + "/")])
                local = os.path.join(local, "index.html")
            elif not os.path.exists(local) and os.path.exists(local + ".html"):
                return self.send(301, b"", headers=[("Location", path + ".html")])
            if not os.path.isfile(local):
                return self.send(404, "<h1>404</h1>".encode("utf-8"))
            body = open(local, "rb").read()
            if local.endswith(".html"):
                ctype = "text/html" + ("; charset=" + c["charset"] if c.get("charset") else "")
            elif local.endswith(".pdf"):
                ctype = "application/pdf"
            elif local.endswith(".css"):
                ctype = "text/css"
            elif local.endswith(".txt"):
                ctype = "text/plain"
            else:
                ctype = "application/octet-stream"
            self.send(200, body, ctype)

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


servers = []
for n in NAMES:
    s = Server(("127.0.0.1", 0), handler_for(n))
    servers.append((n, s))
    threading.Thread(target=s.serve_forever, daemon=True).start()
with open(sys.argv[2] + ".tmp", "w") as f:
    for n, s in servers:
        f.write(f"{n} {s.server_address[1]}\n")
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
while True:
    time.sleep(3600)
