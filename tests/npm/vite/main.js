// A small app bundled by Vite: imports the package by name and runs a validation.
import { validateCreate, createSchema, countries, ready } from "billing-account-form";

// In a browser the module starts in the background: validation waits for `ready`.
ready.then(() => {
  const bad = validateCreate({ name: "Acme", email: "a@b.co", address: { country: "us" } });
  const good = createSchema["~standard"].validate({ name: " Acme ", email: "a@b.co" });
  const germany = countries("en").find((c) => c.code === "DE");
  document.getElementById("out").textContent = [
    "RESULT",
    bad.ok ? "ok" : bad.errors.map((e) => `${e.path}:${e.code}`).join(","),
    good.value?.name,
    germany?.name,
  ].join("|");
});
