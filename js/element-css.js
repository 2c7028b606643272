// <billing-account-form>'s stylesheet, adopted by its shadow root (a constructed stylesheet, so a
// page's CSP needs no 'unsafe-inline'). Themed through the custom properties on :host and ::part().
export default `
:host {
  --baf-ink: #1b1f24;
  --baf-muted: #555d66;
  --baf-line: #6b7580;
  --baf-surface: #fff;
  --baf-surface-muted: #eceff2;
  --baf-accent: #1d4ed8;
  --baf-accent-ink: #fff;
  --baf-error: #b3261e;
  --baf-error-bg: #fdecea;
  --baf-warning: #7a4b00;
  --baf-warning-bg: #fff4d6;
  --baf-ok: #1e6b34;
  --baf-ok-bg: #e7f5ea;
  --baf-focus: #1d4ed8;
  --baf-radius: 6px;
  --baf-font: inherit;
  display: block;
  color: var(--baf-ink);
  font: var(--baf-font);
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :host {
    --baf-ink: #e8eaed;
    --baf-muted: #b4bcc5;
    --baf-line: #8d97a2;
    --baf-surface: #1e2227;
    --baf-surface-muted: #2b3037;
    --baf-accent: #8ab4f8;
    --baf-accent-ink: #10141a;
    --baf-error: #ffb4ab;
    --baf-error-bg: #3b1a17;
    --baf-warning: #ffd27a;
    --baf-warning-bg: #352a12;
    --baf-ok: #9dd8a8;
    --baf-ok-bg: #18301e;
    --baf-focus: #8ab4f8;
    color-scheme: dark;
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
h2 { margin: 0 0 0.75rem; font-size: 1.35rem; }
.group {
  margin: 0 0 1rem; padding: 0.75rem 1rem; border: 1px solid var(--baf-line);
  border-radius: var(--baf-radius); background: var(--baf-surface);
}
legend { padding-inline: 0.25rem; font-weight: 600; }
.field { margin-block: 0.75rem 1rem; }
.field > label { display: block; font-weight: 600; }
.required-mark { font-weight: 400; color: var(--baf-muted); }
.help { margin-block: 0.1rem 0.35rem; font-size: 0.9rem; color: var(--baf-muted); }
input, textarea, select {
  inline-size: 100%; min-block-size: 2.75rem; padding: 0.45rem 0.6rem;
  border: 2px solid var(--baf-line); border-radius: 4px; font: inherit;
  background: var(--baf-surface); color: inherit;
}
input:disabled, textarea:disabled, select:disabled { background: var(--baf-surface-muted); color: var(--baf-muted); }
:focus-visible, input:focus, textarea:focus, select:focus {
  outline: 3px solid var(--baf-focus); outline-offset: 2px;
}
.has-error input, .has-error textarea, .has-error select {
  border-color: var(--baf-error); border-inline-start-width: 6px;
}
.has-warning input, .has-warning textarea, .has-warning select { border-color: var(--baf-warning); border-style: dashed; }
.messages:empty { display: none; }
.msg {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-block: 0.3rem 0;
  padding: 0.2rem 0.5rem; border-radius: 4px; font-size: 0.95rem;
}
.msg-error { color: var(--baf-error); background: var(--baf-error-bg); font-weight: 600; }
.msg-warning { color: var(--baf-warning); background: var(--baf-warning-bg); }
.counter { margin-block: 0.2rem 0; font-size: 0.85rem; color: var(--baf-muted); text-align: end; }
.counter.over { color: var(--baf-error); font-weight: 700; }
.error-summary {
  margin-block: 0 1rem; padding: 0.75rem 1rem; border: 3px solid var(--baf-error);
  border-radius: var(--baf-radius); background: var(--baf-surface);
}
.error-summary h3 { margin-block: 0 0.25rem; font-size: 1.2rem; }
.error-summary p { margin-block: 0 0.25rem; }
.error-summary a { color: var(--baf-error); font-weight: 600; }
.notice {
  margin-block: 0.75rem; padding: 0.6rem 0.9rem; border-radius: var(--baf-radius);
  border-inline-start: 6px solid; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem;
}
.notice:empty { margin: 0; padding: 0; border: 0; background: none; }
.notice-error { border-color: var(--baf-error); background: var(--baf-error-bg); color: var(--baf-error); }
.notice-ok { border-color: var(--baf-ok); background: var(--baf-ok-bg); color: var(--baf-ok); }
.notice-warning { border-color: var(--baf-warning); background: var(--baf-warning-bg); color: var(--baf-warning); }
.notice p { margin: 0; flex-basis: 100%; }
.notice ul { margin: 0; padding-inline-start: 1.25rem; flex-basis: 100%; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-block: 1rem 0; }
button {
  min-block-size: 2.75rem; padding: 0.55rem 1.1rem; border: 2px solid var(--baf-accent);
  border-radius: 4px; font: inherit; font-weight: 600; background: var(--baf-accent);
  color: var(--baf-accent-ink); cursor: pointer;
}
button.secondary, button.link { background: var(--baf-surface); color: var(--baf-accent); }
button.link { min-block-size: 2.25rem; padding: 0.2rem 0.6rem; }
button:disabled { opacity: 0.6; cursor: progress; }
.loading { padding-block: 0.5rem; color: var(--baf-muted); }
`;
