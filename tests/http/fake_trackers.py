"""A loopback stand-in for the seven trackers' REST APIs (127.0.0.1 only), for submit's tests. It checks what
each vendor documents for its create call (method, path, the credential's form, the body's required fields,
the marker where the tracker keeps it), answers in each vendor's shapes, searches by the marker as the real
API does, and injects the faults a test queues for the next create call: a 429 with Retry-After, a 500 (with or
without the ticket made behind it), the connection dropped after the ticket was made, an answer slower than
the client waits, a 401, and the tracker's own 400/422 error shape.
"""
import base64
import json
import socket
import ssl
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "s3cret-token"
USER = "ops@acme.example"

# tracker: (create path, search path, auth form)
APIS = {
    "jira": ("/rest/api/3/issue", "/rest/api/3/search/jql", "basic"),
    "jira-server": ("/rest/api/2/issue", "/rest/api/2/search", "bearer"),
    "github": ("/repos/acme/ops/issues", "/repos/acme/ops/issues", "bearer"),
    "gitlab": ("/api/v4/projects/acme%2Fops/issues", "/api/v4/projects/acme%2Fops/issues", "private-token"),
    "zendesk": ("/api/v2/tickets", "/api/v2/tickets", "basic-token"),
    "servicenow": ("/api/now/table/incident", "/api/now/table/incident", "basic"),
    "redmine": ("/issues.json", "/issues.json", "redmine-key"),
}

# Each tracker's documented error shape for a ticket it refuses.
REFUSALS = {
    "jira": (400, {"errorMessages": [], "errors": {"customfield_10010": "Team is required"}}),
    "jira-server": (400, {"errorMessages": [], "errors": {"customfield_10010": "Team is required"}}),
    "github": (422, {"message": "Validation Failed",
                     "errors": [{"resource": "Issue", "code": "invalid", "field": "assignees"}]}),
    "gitlab": (400, {"message": {"title": ["is too long (maximum is 255 characters)"]}}),
    "zendesk": (422, {"error": "RecordInvalid", "description": "Record validation errors",
                      "details": {"requester": [{"description": "Requester: Email is invalid"}]}}),
    "servicenow": (400, {"error": {"message": "Invalid field", "detail": "assignment_group: no such group"},
                         "status": "failure"}),
    "redmine": (422, {"errors": ["Tracker cannot be blank"]}),
}
REFUSAL_TEXT = {
    "jira": "customfield_10010: Team is required",
    "jira-server": "customfield_10010: Team is required",
    "github": "Validation Failed; assignees: invalid",
    "gitlab": "title: is too long (maximum is 255 characters)",
    "zendesk": "RecordInvalid; Record validation errors; requester: Requester: Email is invalid",
    "servicenow": "Invalid field; assignment_group: no such group",
    "redmine": "Tracker cannot be blank",
}


class FakeTracker:
    def __init__(self, tracker, tls_folder=None, host="127.0.0.1"):
        self.tracker = tracker
        self.host = host  # how the client names it: Schannel (the Windows build) matches names, not addresses
        self.scheme = "https" if tls_folder else "http"
        self.tickets = []  # the stored items, in the tracker's item shape
        self.faults = []  # queued for the next create calls
        self.problems = []  # what a request did wrong against the documented API
        self.calls = []  # (method, path)
        self.idempotency = {}  # Zendesk: key -> ticket
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                fake.handle(self, "GET")

            def do_POST(self):
                fake.handle(self, "POST")

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client that gave up on a slow answer is a scenario here, not a failure

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        if tls_folder:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls_folder + "/server.pem", tls_folder + "/server.key")
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def base_url(self):
        return "%s://%s:%d%s" % (self.scheme, self.host, self.port, "/api/v4" if self.tracker == "gitlab" else "")

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # --- checks -------------------------------------------------------------------------------------
    def problem(self, text):
        self.problems.append(text)

    def check_auth(self, headers):
        form = APIS[self.tracker][2]
        auth = headers.get("Authorization", "")
        if form == "bearer" and auth != "Bearer " + TOKEN:
            return False
        if form == "basic" and auth != "Basic " + base64.b64encode((USER + ":" + TOKEN).encode()).decode():
            return False
        if form == "basic-token" and auth != "Basic " + base64.b64encode(
                (USER + "/token:" + TOKEN).encode()).decode():
            return False
        if form == "private-token" and headers.get("PRIVATE-TOKEN") != TOKEN:
            return False
        if form == "redmine-key" and headers.get("X-Redmine-API-Key") != TOKEN:
            return False
        return True

    def check_body(self, body, headers):
        t = self.tracker
        need = []
        if t in ("jira", "jira-server"):
            f = body.get("fields", {})
            need = [("fields.project.key", f.get("project", {}).get("key")), ("fields.summary", f.get("summary")),
                    ("fields.issuetype.name", f.get("issuetype", {}).get("name"))]
            if t == "jira" and not (isinstance(f.get("description"), dict) and f["description"].get("type") == "doc"):
                self.problem("jira: description is not an ADF doc")
            if t == "jira-server" and not isinstance(f.get("description"), str):
                self.problem("jira-server: description is not wiki text")
            labels = f.get("labels", [])
        elif t == "github":
            need = [("title", body.get("title")), ("body", body.get("body"))]
            labels = body.get("labels", [])
        elif t == "gitlab":
            need = [("title", body.get("title")), ("description", body.get("description"))]
            labels = (body.get("labels") or "").split(",")
        elif t == "zendesk":
            ticket = body.get("ticket", {})
            need = [("ticket.subject", ticket.get("subject")),
                    ("ticket.comment.html_body", ticket.get("comment", {}).get("html_body"))]
            labels = [ticket.get("external_id")]
            if not (headers.get("Idempotency-Key") or "").startswith(ticket.get("external_id") or "?"):
                self.problem("zendesk: Idempotency-Key is not the external_id")
        elif t == "servicenow":
            need = [("short_description", body.get("short_description")), ("description", body.get("description"))]
            labels = [body.get("correlation_id")]
        else:
            issue = body.get("issue", {})
            need = [("issue.project_id", issue.get("project_id")), ("issue.subject", issue.get("subject")),
                    ("issue.description", issue.get("description"))]
            labels = [(issue.get("description") or "").split("\n")[-1]]
        for name, value in need:
            if value in (None, "", {}):
                self.problem("%s: required field %s missing" % (t, name))
        markers = [label for label in labels if isinstance(label, str) and label.startswith("backup-request-")]
        if len(markers) != 1:
            self.problem("%s: the marker is not in the body once: %r" % (t, labels))
        return markers[0] if markers else None

    # --- shapes -------------------------------------------------------------------------------------
    def new_item(self, marker):
        n = len(self.tickets) + 1
        t = self.tracker
        base = "%s://%s:%d" % (self.scheme, self.host, self.port)
        if t in ("jira", "jira-server"):
            return {"id": str(10000 + n), "key": "OPS-%d" % n, "self": base + "/rest/api/2/issue/%d" % (10000 + n),
                    "fields": {"labels": [marker], "created": "2026-11-20T12:00:0%d.000+0000" % n}}
        if t == "github":
            return {"number": n, "html_url": "https://github.example/acme/ops/issues/%d" % n,
                    "labels": [{"name": marker}], "state": "open"}
        if t == "gitlab":
            return {"iid": n, "web_url": "https://gitlab.example/acme/ops/-/issues/%d" % n, "labels": [marker]}
        if t == "zendesk":
            return {"id": n, "external_id": marker}
        if t == "servicenow":
            return {"number": "INC001000%d" % n, "sys_id": "%032x" % n, "correlation_id": marker}
        return {"id": n, "description": "The case.\r\n\r\n" + marker}

    def created_answer(self, item):
        t = self.tracker
        if t in ("jira", "jira-server"):
            return {k: item[k] for k in ("id", "key", "self")}
        if t == "zendesk":
            return {"ticket": item}
        if t == "servicenow":
            return {"result": item}
        if t == "redmine":
            return {"issue": item}
        return item

    def search_answer(self, found):
        t = self.tracker
        if t in ("jira", "jira-server"):
            return {"issues": found}
        if t == "zendesk":
            return {"tickets": found, "count": len(found)}
        if t == "servicenow":
            return {"result": found}
        if t == "redmine":
            return {"issues": found, "total_count": len(found)}
        return found

    def search_marker(self, query):
        t = self.tracker
        if t in ("jira", "jira-server"):
            jql = query.get("jql", [""])[0]
            return jql.split('"')[1] if '"' in jql else None
        if t in ("github", "gitlab"):
            return query.get("labels", [None])[0]
        if t == "zendesk":
            return query.get("external_id", [None])[0]
        if t == "servicenow":
            q = query.get("sysparm_query", [""])[0]
            return q.split("^")[0].split("=", 1)[1] if "=" in q else None
        return query.get("v[description][]", [None])[0]

    def holds(self, item, marker):
        t = self.tracker
        if t in ("jira", "jira-server"):
            return marker in item["fields"]["labels"]
        if t == "github":
            return any(label["name"] == marker for label in item["labels"])
        if t == "gitlab":
            return marker in item["labels"]
        if t == "zendesk":
            return item["external_id"] == marker
        if t == "servicenow":
            return item["correlation_id"] == marker
        return marker in item["description"]

    # --- the handler --------------------------------------------------------------------------------
    def reply(self, handler, status, document, headers=()):
        body = json.dumps(document).encode()
        handler.send_response(status)
        for name, value in headers:
            handler.send_header(name, value)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def handle(self, handler, method):
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        path, _, query_text = handler.path.partition("?")
        with self.lock:
            self.calls.append((method, path))
        create_path, search_path, _ = APIS[self.tracker]
        if not self.check_auth(handler.headers):
            self.problem("%s %s: the credential is not in %s's form" % (method, path, self.tracker))
            return self.reply(handler, 401, {"message": "Bad credentials"})
        if method == "GET" and path == search_path:
            marker = self.search_marker(urllib.parse.parse_qs(query_text))
            with self.lock:
                found = [item for item in self.tickets if marker and self.holds(item, marker)]
            return self.reply(handler, 200, self.search_answer(found))
        if method != "POST" or path != create_path:
            self.problem("unexpected %s %s" % (method, path))
            return self.reply(handler, 404, {"message": "Not Found"})
        if handler.headers.get("Content-Type") != "application/json":
            self.problem("%s: Content-Type is %r" % (self.tracker, handler.headers.get("Content-Type")))
        try:
            body = json.loads(raw)
        except ValueError:
            self.problem("%s: the body is not JSON" % self.tracker)
            return self.reply(handler, 400, {"message": "Problems parsing JSON"})
        with self.lock:
            fault = self.faults.pop(0) if self.faults else "ok"
        if fault == "401":
            return self.reply(handler, 401, {"message": "Bad credentials"})
        if fault == "refuse":
            status, document = REFUSALS[self.tracker]
            return self.reply(handler, status, document)
        if fault == "429":
            return self.reply(handler, 429, {"message": "slow down"}, [("Retry-After", "1")])
        if fault == "500":
            return self.reply(handler, 500, {"message": "Internal Server Error"})
        marker = self.check_body(body, handler.headers)
        with self.lock:
            key = handler.headers.get("Idempotency-Key")
            if self.tracker == "zendesk" and key in self.idempotency:
                item = self.idempotency[key]
            else:
                item = self.new_item(marker)
                self.tickets.append(item)
                if key:
                    self.idempotency[key] = item
        if fault == "500-after-create":
            return self.reply(handler, 502, {"message": "Bad Gateway"})
        if fault == "drop-after-create":
            handler.connection.shutdown(socket.SHUT_RDWR)
            handler.close_connection = True
            return None
        if fault == "slow-after-create":
            time.sleep(4)
        return self.reply(handler, 201, self.created_answer(item))
