"use client";
// A client component: validates in the browser once the package is ready.
import { useEffect, useState } from "react";
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

export default function ClientCheck() {
  const [text, setText] = useState("loading");
  useEffect(() => {
    check().then(setText, (error) => setText(`ERROR|${error?.stack ?? error}`));
  }, []);
  return <pre id="out">{text}</pre>;
}
