import { ready, validateCreate, countries } from "billing-account-form";

// What every browser consumer shows in <pre id="out">: the refused field, the normalized name and
// a country's name, e.g. RESULT|address.country:country|Acme|Germany (or ERROR|... on a failure).
async function check() {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
  if (refused.ok || !accepted.ok) throw new Error(JSON.stringify({ refused, accepted }));
  const errors = refused.errors.map((e) => `${e.path}:${e.code}`).join(",");
  const germany = countries("en").find((c) => c.code === "DE")?.name;
  return ["RESULT", errors, accepted.value.name, germany].join("|");
}

const out = document.getElementById("out");
check().then(
  (text) => (out.textContent = text),
  (error) => (out.textContent = `ERROR|${error?.stack ?? error}`),
);
