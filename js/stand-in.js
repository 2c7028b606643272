#!/usr/bin/env node
// bin `billing-account-form`: the stand-in API as an HTTP server in Node, no Rust needed.
//
//   npx billing-account-form stand-in [--port N] [--token T] [--data FILE] [--faults] [--page] [--quiet]
//
// The same answers as the Rust stand-in (devserver/): it shares mock-core.js with the MSW
// handlers, and the contract suite holds both servers to the same answers.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createStandIn, DEFAULT_WORKSPACE, DEFAULT_WORKSPACES, route } from "./mock-core.js";

const USAGE = `usage: billing-account-form stand-in [--port N] [--token T] [--data FILE] [--faults] [--page] [--quiet]

  --port N     listen on 127.0.0.1:N (default 8080; 0 picks a free port)
  --token T    the bearer token the API accepts (default: a random demo token)
  --data FILE  keep accounts in FILE across restarts (default: in memory)
  --faults     enable fault injection and request counts for tests (/__faults, /__stats, /__reset; they need the token)
  --page       serve the sample page at / (its settings at /config.json, this package at /pkg/)
  --quiet      no line per request`;

const MAX_BODY = 1024 * 1024;
const PACKAGE = dirname(fileURLToPath(import.meta.url));
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";
const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm",
  ".json": "application/json", ".map": "application/json", ".ts": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
};

export function parseArgs(args) {
  const o = { port: 8080, token: undefined, data: undefined, faults: false, page: false, quiet: false };
  for (let i = 0; i < args.length; i++) {
    let [name, inline] = args[i].startsWith("--") && args[i].includes("=") ? args[i].split(/=(.*)/s) : [args[i], undefined];
    const value = (what) => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${name} needs ${what}`);
      return v;
    };
    if (name === "--port") {
      const v = value("a port number");
      o.port = Number(v);
      if (!/^\d+$/.test(v) || o.port > 65535) throw new Error("--port needs a number from 0 to 65535");
    } else if (name === "--token") {
      o.token = value("a token");
      if (!/^[\x21-\x7e]+$/.test(o.token)) throw new Error("--token must be visible ASCII without spaces");
    } else if (name === "--data") o.data = value("a file");
    else if (name === "--faults") o.faults = true;
    else if (name === "--page") o.page = true;
    else if (name === "--quiet") o.quiet = true;
    else if (name === "-h" || name === "--help") return null;
    else throw new Error(`unknown option ${name}`);
  }
  return o;
}

/** The accounts in `path`, or none when it does not exist yet; a file that cannot be read is an error. */
function load(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw new Error(`cannot read ${path}: ${error.message}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not a stand-in data file: ${error.message}`);
  }
  if (!Array.isArray(value?.accounts)) throw new Error(`${path} has no "accounts"`);
  return value.accounts;
}

/** Replaces `path` with these accounts: written beside it, flushed to disk, renamed over it. */
function save(path, accounts) {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, JSON.stringify({ version: 1, accounts }, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    process.stderr.write(`stand-in: cannot write ${path}: ${error.message}\n`);
    throw error;
  }
}

/** Whether `Host` names this machine (a rebinding page elsewhere cannot read /config.json). */
function localHost(host) {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(1).split("]")[0] : host.split(":")[0];
  return ["127.0.0.1", "localhost", "::1"].includes(name.toLowerCase());
}

const loopbackOrigin = (origin) => {
  const host = origin?.startsWith("http://") ? origin.slice(7) : undefined;
  return host !== undefined && !/[/@?#]/.test(host) && localHost(host);
};

/** The file `relative` (still percent-encoded) names inside `root`, or null if it would leave it. */
function inside(root, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\") || decoded.split("/").includes("..")) return null;
  let file = resolve(root, "." + (decoded.startsWith("/") ? decoded : "/" + decoded));
  if (decoded === "" || decoded.endsWith("/")) file = join(file, "index.html");
  try {
    const real = realpathSync(file);
    const realRoot = realpathSync(root);
    return real === realRoot || real.startsWith(realRoot + sep) ? real : null;
  } catch {
    return null;
  }
}

/** Starts a stand-in; resolves to { url, token, server, standIn, close() }. */
export async function start(o, log = (line) => process.stdout.write(line + "\n")) {
  const token = o.token ?? "demo_" + randomBytes(18).toString("base64url").replace(/[-_]/g, "x").slice(0, 24);
  const standIn = createStandIn({
    token,
    accounts: o.data ? load(o.data) : [],
    onChange: o.data ? (accounts) => save(o.data, accounts) : undefined,
  });

  const send = (res, answer, extra = {}) => {
    const headers = { ...answer.headers, ...extra };
    const body = answer.body ?? "";
    res.writeHead(answer.status, { ...headers, "Content-Length": Buffer.byteLength(body) });
    res.end(res.req.method === "HEAD" ? undefined : body);
  };
  const json = (status, value, headers = {}) => ({ status, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(value) });
  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After, Date", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
  const pageHeaders = {
    "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin", "Cache-Control": "no-cache",
  };

  function control(req, body) {
    const notFound = json(404, { message: "Not Found." });
    if (!o.faults) return notFound;
    const origin = req.headers.origin;
    const controlCors = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", Vary: "Origin", ...(loopbackOrigin(origin) ? { "Access-Control-Allow-Origin": origin } : {}) };
    const withCors = (a) => ({ ...a, headers: { ...a.headers, ...controlCors } });
    if (req.method === "OPTIONS") {
      if (!loopbackOrigin(origin)) return json(403, { message: "The test controls are not offered to other origins." });
      return withCors({ status: 204, headers: { "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS", "Access-Control-Allow-Headers": "Authorization, Content-Type", "Access-Control-Max-Age": "600" } });
    }
    if (!standIn.authorized(req.headers.authorization ?? "")) return withCors(json(401, { message: "Unauthenticated." }, { "WWW-Authenticate": "Bearer" }));
    const path = req.url.split("?")[0];
    const key = `${req.method} ${path}`;
    if (key === "GET /__stats") return withCors(json(200, standIn.stats()));
    if (key === "DELETE /__stats") return withCors((standIn.resetStats(), { status: 204, headers: {} }));
    if (key === "GET /__faults") return withCors(json(200, standIn.faults()));
    if (key === "DELETE /__faults") return withCors((standIn.clearFaults(), { status: 204, headers: {} }));
    if (key === "POST /__faults") {
      let spec;
      try {
        spec = JSON.parse(body);
      } catch {
        return withCors(json(400, { message: "The body must be JSON." }));
      }
      try {
        return withCors(json(201, standIn.fault(spec)));
      } catch (error) {
        return withCors(json(400, { message: error.message }));
      }
    }
    if (key === "POST /__reset") {
      try {
        standIn.reset();
      } catch {
        return withCors(json(500, { message: "Server Error" }));
      }
      return withCors({ status: 204, headers: {} });
    }
    const id = req.method === "GET" && /^\/__faults\/(\d+)$/.exec(path)?.[1];
    const found = id && standIn.faults().find((f) => f.id === Number(id));
    return withCors(found ? json(200, found) : notFound);
  }

  function page(req) {
    if (!o.page) return json(404, { message: "Not Found." });
    if (req.method !== "GET" && req.method !== "HEAD") return { status: 405, headers: { "Content-Type": "text/plain; charset=utf-8", Allow: "GET, HEAD" }, body: "Method Not Allowed\n" };
    const path = req.url.split("?")[0];
    if (path === "/config.json") {
      const host = req.headers.host ?? "127.0.0.1";
      return json(200, {
        baseUrl: `http://${host}`,
        token,
        workspaceId: DEFAULT_WORKSPACE,
        workspaces: standIn.workspaces().map((w) => ({ id: w.id, billingMode: w.billingMode, limit: w.limit })),
      });
    }
    if (path === "/pkg") return { status: 301, headers: { Location: "/pkg/" }, body: "" };
    const file = path.startsWith("/pkg/") ? inside(PACKAGE, path.slice(5)) : inside(join(PACKAGE, "www"), path.slice(1));
    let body;
    try {
      body = file && readFileSync(file);
    } catch {
      body = undefined;
    }
    if (!body) return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "Not Found\n" };
    return { status: 200, headers: { "Content-Type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream" }, body };
  }

  async function answer(req, res, body) {
    const path = req.url.split("?")[0];
    if (!localHost(req.headers.host)) return send(res, { status: 421, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "This server answers only to localhost.\n" }, pageHeaders);
    if (path === "/workspaces" || path.startsWith("/workspaces/")) {
      if (req.method === "OPTIONS") {
        return send(res, { status: 204, headers: { "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE, OPTIONS", "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Idempotency-Key", "Access-Control-Max-Age": "600" } }, cors);
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      const out = await standIn.handle({ method: req.method, path, headers, body: body.toString("utf8") }, (ms) => new Promise((r) => setTimeout(r, ms)));
      if (out.drop) return req.socket.destroy();
      return send(res, out, cors);
    }
    if (path.startsWith("/__")) return send(res, control(req, body.toString("utf8")));
    return send(res, page(req), pageHeaders);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const chunks = [];
    let size = 0;
    let refused = false;
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) {
      res.writeHead(413, { "Content-Type": "text/plain", Connection: "close" }).end("Content Too Large");
      return req.socket.destroySoon?.();
    }
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY && !refused) {
        refused = true;
        res.writeHead(413, { "Content-Type": "text/plain", Connection: "close" }).end("Content Too Large");
      }
      if (!refused) chunks.push(c);
    });
    req.on("end", () => {
      if (refused) return;
      answer(req, res, Buffer.concat(chunks)).then(
        () => o.quiet || process.stderr.write(`stand-in: ${req.method} ${req.url.split("?")[0]} -> ${res.statusCode} (${Date.now() - started} ms)\n`),
        (error) => {
          process.stderr.write(`stand-in: ${error.stack}\n`);
          if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" }).end('{"message":"Server Error"}');
        },
      );
    });
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(o.port, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  log(`stand-in: listening on ${url}`);
  log(`stand-in: token ${token}`);
  log(`stand-in: workspaces ${DEFAULT_WORKSPACES.map((w) => `${w.id} (${w.billingMode}, ${standIn.accounts().filter((a) => a.workspace_id === w.id).length} of ${w.limit})`).join(", ")}`);
  if (o.page) log(`stand-in: page ${url}/ (settings at /config.json), package at /pkg/`);
  log(o.data ? `stand-in: accounts kept in ${o.data}` : "stand-in: accounts kept in memory (--data FILE keeps them)");
  if (o.faults) log("stand-in: fault injection on: POST /__faults, GET /__stats, POST /__reset (with the token)");
  return { url, token, server, standIn, close: () => new Promise((r) => server.close(r)) };
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command !== "stand-in") {
    process.stderr.write(`billing-account-form: unknown command ${command ?? "(none)"}\n${USAGE}\n`);
    return process.exit(2);
  }
  let o;
  try {
    o = parseArgs(rest);
  } catch (error) {
    process.stderr.write(`stand-in: ${error.message}\n${USAGE}\n`);
    return process.exit(2);
  }
  if (o === null) return process.stdout.write(USAGE + "\n");
  try {
    const s = await start(o);
    const stop = () => s.server.close(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    process.stderr.write(`stand-in: ${error.message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
