import { ready, validateCreate, countries } from "billing-account-form";

// Called before `ready`, validation either answers (the module started at import) or throws an
// Error naming `ready` (Chromium's main thread compiles it in the background); nothing else.
let beforeReady;
try {
  beforeReady = validateCreate({}).ok === false ? "answered" : "wrong answer";
} catch (error) {
  beforeReady = /\bready\b/.test(error?.message) ? "threw naming ready" : `threw ${error}`;
}

// What every browser consumer shows in <pre id="out">: the refused field, the normalized name, a
// country's name and what a call before `ready` did, e.g.
// RESULT|address.country:country|Acme|Germany|before ready: threw naming ready (or ERROR|...).
async function check() {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
  if (refused.ok || !accepted.ok) throw new Error(JSON.stringify({ refused, accepted }));
  const errors = refused.errors.map((e) => `${e.path}:${e.code}`).join(",");
  const germany = countries("en").find((c) => c.code === "DE")?.name;
  return ["RESULT", errors, accepted.value.name, germany, `before ready: ${beforeReady}`].join("|");
}

const out = document.getElementById("out");
check().then(
  (text) => (out.textContent = text),
  (error) => (out.textContent = `ERROR|${error?.stack ?? error}`),
);
