"""A local stand-in for GDELT's file server (data.gdeltproject.org), on 127.0.0.1, for the fetch
and follow tests: serves a folder laid out like the server, makes gdeltv2/masterfilelist.txt,
gdeltv2/lastupdate.txt, events/md5sums and events/filesizes from the files it serves (their real
sizes and MD5s), honours Range requests, and injects faults on request.

    server = GdeltServer(root)            # root holds gdeltv2/*.export.CSV.zip, events/*.zip
    server.faults["20250525001500.export.CSV.zip"] = ["503:2", "truncate"]   # then served
    server.until = 20250525120000         # lists only slots up to this one (follow tests)
    ... server.url ... server.requests ...
    server.stop()

Faults, each used by one GET of that file, in order: "404", "500", "503:SECONDS" (with
Retry-After), "truncate" (half the body, then the connection closes), "corrupt" (the right
length, wrong bytes), "stall:SECONDS" (a little of the body, then silence), "reset" (the
connection is reset before any answer)."""
import hashlib
import http.server
import os
import socket
import struct
import threading
import time

GDELT_HOST = "http://data.gdeltproject.org"


def md5_of(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


class GdeltServer:
    def __init__(self, root, rate=None):
        self.root = root
        self.rate = rate  # bytes per second per connection (a slow network), None: as fast as can be
        self.faults = {}
        self.until = None  # the newest GDELT 2.0 slot listed (YYYYMMDDHHMMSS), None: all
        self.requests = []  # (monotonic time, path, status, range header)
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                server.handle(self)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- the lists -------------------------------------------------------------------------
    def exports(self):
        folder = os.path.join(self.root, "gdeltv2")
        names = sorted(n for n in os.listdir(folder) if n.endswith(".export.CSV.zip")) \
            if os.path.isdir(folder) else []
        if self.until is not None:
            names = [n for n in names if int(n[:14]) <= self.until]
        return names

    def gdelt2_line(self, name):
        path = os.path.join(self.root, "gdeltv2", name)
        return "%d %s %s/gdeltv2/%s" % (os.path.getsize(path), md5_of(path), GDELT_HOST, name)

    def masterfilelist(self):
        lines = []
        for name in self.exports():
            lines.append(self.gdelt2_line(name))
            # GDELT lists the slot's mentions and gkg files too: fetch must skip them.
            stamp = name[:14]
            lines.append("1234 0123456789abcdef0123456789abcdef %s/gdeltv2/%s.mentions.CSV.zip"
                         % (GDELT_HOST, stamp))
            lines.append("5678 fedcba9876543210fedcba9876543210 %s/gdeltv2/%s.gkg.csv.zip"
                         % (GDELT_HOST, stamp))
        return "\n".join(lines) + "\n"

    def lastupdate(self):
        names = self.exports()
        if not names:
            return ""
        stamp = names[-1][:14]
        return "\n".join([self.gdelt2_line(names[-1]),
                          "1234 0123456789abcdef0123456789abcdef %s/gdeltv2/%s.mentions.CSV.zip"
                          % (GDELT_HOST, stamp)]) + "\n"

    def events_list(self, what):
        folder = os.path.join(self.root, "events")
        lines = []
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            path = os.path.join(folder, name)
            if what == "md5sums":
                lines.append("%s  %s" % (md5_of(path), name))
            else:
                lines.append("%d %s" % (os.path.getsize(path), name))
        return "\n".join(lines) + "\n"

    # --- serving -----------------------------------------------------------------------------
    def record(self, path, status, rng):
        with self.lock:
            self.requests.append((time.monotonic(), path, status, rng))

    def requests_for(self, name):
        with self.lock:
            return [r for r in self.requests if r[1].endswith("/" + name)]

    def handle(self, h):
        path = h.path.split("?")[0]
        rng = h.headers.get("Range")
        generated = {"/gdeltv2/masterfilelist.txt": self.masterfilelist,
                     "/gdeltv2/lastupdate.txt": self.lastupdate,
                     "/events/md5sums": lambda: self.events_list("md5sums"),
                     "/events/filesizes": lambda: self.events_list("filesizes")}
        if path in generated:
            self.send(h, 200, generated[path]().encode())
            self.record(path, 200, rng)
            return
        name = os.path.basename(path)
        with self.lock:
            queue = self.faults.get(name)
            fault = queue.pop(0) if queue else None
        local = os.path.normpath(os.path.join(self.root, path.lstrip("/")))
        if not local.startswith(os.path.abspath(self.root)) or not os.path.isfile(local):
            fault = fault or "404"
        if fault == "reset":
            self.record(path, "reset", rng)
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True
            return
        if fault in ("404", "500"):
            self.record(path, int(fault), rng)
            self.send(h, int(fault), b"error page\n")
            return
        if fault and fault.startswith("503"):
            wait = fault.split(":")[1] if ":" in fault else "1"
            self.record(path, 503, rng)
            self.send(h, 503, b"busy\n", {"Retry-After": wait})
            return
        with open(local, "rb") as f:
            body = f.read()
        status, start = 200, 0
        if rng and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
            if start >= len(body):
                self.record(path, 416, rng)
                self.send(h, 416, b"", {"Content-Range": "bytes */%d" % len(body)})
                return
            status = 206
        part = body[start:]
        headers = {"Content-Range": "bytes %d-%d/%d" % (start, len(body) - 1, len(body))} \
            if status == 206 else {}
        self.record(path, fault or status, rng)
        if fault == "corrupt":
            part = bytes(b ^ 0x5A for b in part[:64]) + part[64:]
            self.send(h, status, part, headers)
        elif fault == "truncate":
            self.send(h, status, part[: len(part) // 2], headers, length=len(part))
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
        elif fault and fault.startswith("stall"):
            seconds = float(fault.split(":")[1]) if ":" in fault else 30
            self.send(h, status, part[:1000], headers, length=len(part))
            time.sleep(seconds)
            h.close_connection = True
        else:
            self.send(h, status, part, headers)

    def send(self, h, status, body, headers=None, length=None):
        try:
            h.send_response(status)
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body) if length is None else length))
            h.end_headers()
            if self.rate is None:
                h.wfile.write(body)
            else:
                start, chunk = time.monotonic(), 65536
                for i in range(0, len(body), chunk):
                    h.wfile.write(body[i:i + chunk])
                    ahead = (i + chunk) / self.rate - (time.monotonic() - start)
                    if ahead > 0:
                        time.sleep(ahead)
            h.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
