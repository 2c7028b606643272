// A hostile HTTP server for the client's tests (tests/client/suite.mjs), in Node and in
// Chromium. The first path segment picks the misbehaviour: the client's base URL is
// http://127.0.0.1:PORT/<case>, so its requests arrive as /<case>/workspaces/….
//
//   node scripts/hostile-server.mjs      prints "hostile: listening on http://127.0.0.1:PORT"
//
// Loopback only. Every misbehaviour stops by itself within 15 s, and the server exits after
// 15 minutes or when its parent closes stdin, whichever comes first.
import net from "node:net";

const LIMIT_MS = 15_000;
const CORS =
  "Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: Retry-After\r\n";

const account = JSON.stringify({
  id: "cus_1", workspace_id: "ws_pooled", name: "A", email: "a@b.co", phone: null,
  description: null, currency: "usd", address: null,
  created_at: "2025-10-29T00:40:06.000000Z", updated_at: "2025-10-29T00:40:06.000000Z",
});

/** A whole answer with a correct length. */
function answer(status, headers, body) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status}\r\nConnection: close\r\n${CORS}${headers}Content-Length: ${bytes.length}\r\n\r\n`),
    bytes,
  ]);
}

const json = "Content-Type: application/json\r\n";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Writes `piece` every `everyMs` until the client goes or time is up. */
async function drip(socket, head, piece, everyMs) {
  const started = Date.now();
  if (head) socket.write(head);
  while (!socket.destroyed && Date.now() - started < LIMIT_MS) {
    await sleep(everyMs);
    socket.write(piece);
  }
  socket.destroy();
}

/** Streams `total` bytes of `fill` after `head` as fast as the client reads. */
async function stream(socket, head, fill, total) {
  const started = Date.now();
  const piece = Buffer.alloc(64 * 1024, fill);
  socket.write(head);
  let sent = 0;
  while (!socket.destroyed && sent < total && Date.now() - started < LIMIT_MS) {
    if (!socket.write(piece)) await new Promise((r) => socket.once("drain", r).once("close", r));
    sent += piece.length;
  }
  socket.end();
}

const TEN_MB = 10 * 1024 * 1024;

/** Each case: what to do with a connection once the request has arrived. */
const cases = {
  "never-answers": async (s) => { await sleep(LIMIT_MS); s.destroy(); },
  "drip-head": (s) => drip(s, `HTTP/1.1 200 OK\r\n${CORS}`, "X-Drip: a\r\n", 30),
  "drip-body": (s) => drip(s, `HTTP/1.1 200 OK\r\n${CORS}${json}Content-Length: 100000\r\n\r\n`, "{", 20),
  "ten-mb": (s) => stream(s, `HTTP/1.1 200 OK\r\n${CORS}${json}Content-Length: ${TEN_MB}\r\n\r\n`, 32, TEN_MB),
  "ten-mb-chunked": (s) => stream(s, `HTTP/1.1 200 OK\r\n${CORS}${json}Connection: close\r\n\r\n`, 91, TEN_MB),
  "endless": (s) => stream(s, `HTTP/1.1 200 OK\r\n${CORS}${json}Connection: close\r\n\r\n`, 120, Infinity),
  "invalid-utf8": (s) => s.end(answer("200 OK", json, Buffer.concat([Buffer.from(account.slice(0, 30)), Buffer.from([0xff, 0xfe]), Buffer.from(account.slice(30))]))),
  "text-html": (s) => s.end(answer("200 OK", "Content-Type: text/html; charset=utf-8\r\n", account)),
  "no-content-type": (s) => s.end(answer("200 OK", "", account)),
  "login-page": (s) => s.end(answer("200 OK", "Content-Type: text/html\r\n", "<!doctype html><form action=/login>")),
  "error-body": (s) => s.end(answer("200 OK", json, '{"message":"Unauthenticated."}')),
  "redirect-elsewhere": (s) => s.end(answer("302 Found", "Location: http://evil.example:9/steal\r\n", "")),
  "redirect-here": (s) => s.end(answer("307 Temporary Redirect", `Location: /ok/workspaces/ws_pooled/billing-accounts/cus_1\r\n${json}`, account)),
  "reset": (s) => s.resetAndDestroy(),
  "html-then-reset": async (s) => {
    s.write(`HTTP/1.1 200 OK\r\n${CORS}Content-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>`);
    await sleep(50);
    s.resetAndDestroy();
  },
  "cut-short": (s) => s.end(`HTTP/1.1 200 OK\r\n${CORS}${json}Content-Length: 500\r\n\r\n{"id":`),
  "not-http": (s) => s.end("SSH-2.0-OpenSSH_9.6\r\n"),
  "retry-after-a-day": (s) => s.end(answer("429 Too Many Requests", `${json}Retry-After: 86400\r\n`, "{}")),
  "ok": (s) => s.end(answer("200 OK", json, account)),
};

const server = net.createServer((socket) => {
  socket.on("error", () => {});
  let head = "";
  socket.on("data", function onData(chunk) {
    head += chunk.toString("latin1");
    const end = head.indexOf("\r\n\r\n");
    if (end < 0) return;
    socket.off("data", onData);
    const [method, target = "/"] = head.slice(0, head.indexOf("\r\n")).split(" ");
    // Chromium asks first: allow the client's headers from any origin.
    if (method === "OPTIONS") {
      socket.end(`HTTP/1.1 204 No Content\r\n${CORS}Access-Control-Allow-Methods: GET, POST, PATCH\r\nAccess-Control-Allow-Headers: Authorization, Content-Type, Accept, Idempotency-Key\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const name = target.split("/")[1] ?? "";
    const script = cases[name];
    if (!script) {
      socket.end(answer("404 Not Found", json, '{"message":"no such case"}'));
      return;
    }
    Promise.resolve(script(socket)).catch(() => socket.destroy());
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(`hostile: listening on http://127.0.0.1:${server.address().port}`);
});
setTimeout(() => process.exit(0), 15 * 60_000).unref();
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
