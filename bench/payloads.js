// The same generated create bodies for every library: seeded, so every run measures the same data.
import { COUNTRIES, CURRENCIES } from "./schemas/rules.js";

/** mulberry32: a small seeded generator, enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Müller", "Škoda", "Soylent", "Vandelay", "Wayne", "株式会社", "مؤسسة"];
const SUFFIXES = ["Ltd", "GmbH", "Pty Ltd", "Inc.", "BV", "SA", "LLC", "Holdings"];
const DOMAINS = ["acme.com", "example.co.za", "mail.example.org", "globex.io", "hooli.xyz", "gmail.com", "outlook.com", "firma.de"];
const LOCALS = ["billing", "accounts", "finance", "ap", "invoices", "jane.doe", "j.smith", "payables+acme"];
const CITIES = ["Cape Town", "Jakarta", "Dubai", "Berlin", "London", "Austin", "Sydney", "Johannesburg"];
const STREETS = ["Main Road", "Jalan Sudirman", "Sheikh Zayed Rd", "Unter den Linden", "High Street"];

const pick = (r, list) => list[Math.floor(r() * list.length)];

/** A body every library here accepts: nothing for trim to change in the email, lengths in range. */
export function validBody(r) {
  const body = {
    name: `${pick(r, NAMES)} ${pick(r, SUFFIXES)}`,
    email: `${pick(r, LOCALS)}@${pick(r, DOMAINS)}`,
  };
  if (r() < 0.7) body.phone = `+${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 900 + 100)} ${Math.floor(r() * 9000 + 1000)}`;
  if (r() < 0.4) body.description = `Invoices for the ${pick(r, CITIES)} office, quarterly.`;
  if (r() < 0.6) body.currency = pick(r, CURRENCIES);
  if (r() < 0.7) {
    body.address = {
      country: pick(r, COUNTRIES),
      line1: `${Math.floor(r() * 400 + 1)} ${pick(r, STREETS)}`,
      city: pick(r, CITIES),
      postal_code: String(Math.floor(r() * 90000 + 10000)),
    };
    if (r() < 0.3) body.address.state = "Western Cape";
  }
  return body;
}

/** A body every library here refuses: one to three fields broken in ways each of them catches. */
export function invalidBody(r) {
  const body = validBody(r);
  const breaks = [
    () => { body.email = body.email.replace("@", "@@"); },
    () => { body.name = "x".repeat(101); },
    () => { body.currency = "EUR"; },
    () => { body.address = { ...(body.address ?? {}), country: "Za" }; },
    () => { body.address = { ...(body.address ?? {}), postalCode: "8001" }; },
    () => { body.phone = 27215550100; },
    () => { delete body.name; },
  ];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) pick(r, breaks)();
  return body;
}

/** `count` bodies, a `validShare` of them valid, the rest invalid, in a seeded order. */
export function bodies(count, { seed = 1, validShare = 1 } = {}) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) out.push(r() < validShare ? validBody(r) : invalidBody(r));
  return out;
}

/** The per-call pools (bench/percall.js, bench/native.js): `size` valid bodies and `size` invalid ones. */
export function perCallPools(size) {
  return {
    valid: bodies(size, { seed: 11, validShare: 1 }),
    invalid: bodies(size, { seed: 12, validShare: 0 }),
  };
}
