import { ready, validateCreate, countries } from "billing-account-form";

async function check() {
  await ready;
  const refused = validateCreate({ name: "Acme", email: "billing@acme.com", address: { country: "XX" } });
  const accepted = validateCreate({ name: "  Acme  ", email: "billing@acme.com" });
  if (refused.ok || !accepted.ok) throw new Error(JSON.stringify({ refused, accepted }));
  const errors = refused.errors.map((e) => `${e.path}:${e.code}`).join(",");
  const germany = countries("en").find((c) => c.code === "DE")?.name;
  return ["RESULT", errors, accepted.value.name, germany].join("|");
}

check().then(
  (text) => postMessage(text),
  (error) => postMessage(`ERROR|${error?.stack ?? error}`),
);
