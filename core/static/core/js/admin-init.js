// Starts the Wagtail admin widgets that Wagtail would start with inline scripts (date pickers,
// inline panels, choosers), from the inert JSON core/admin_scripts.py writes instead, so the
// admin works under a Content-Security-Policy without 'unsafe-inline'. Loaded with `defer`:
// it runs once the page is parsed, before DOMContentLoaded, in document order like the inline
// scripts did; HTML inserted later (a new inline form, a chooser modal) is started as it arrives.
(() => {
  "use strict";
  const SELECTOR = 'script[type="application/json"][data-expoo-init]';
  const ALLOWED = /^(init(Date|Time|DateTime)Chooser|InlinePanel|MultipleChooserPanel|create[A-Za-z]*Chooser|[A-Z][A-Za-z]*Chooser)$/;
  const started = new WeakSet();

  const start = (element) => {
    if (started.has(element)) return;
    started.add(element);
    try {
      const spec = JSON.parse(element.textContent);
      const target = window[spec.call];
      if (!ALLOWED.test(spec.call) || typeof target !== "function") {
        throw new Error(`Unknown admin initialiser: ${spec.call}`);
      }
      if (spec.new) {
        new target(...spec.args); // eslint-disable-line no-new, new-cap
      } else {
        target(...spec.args);
      }
    } catch (error) {
      // One broken widget must not stop the others; the error still reaches the console.
      setTimeout(() => {
        throw error;
      });
    }
  };

  const scan = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) start(node);
    node.querySelectorAll(SELECTOR).forEach(start);
  };

  scan(document.documentElement);
  new MutationObserver((records) => {
    records.forEach((record) => record.addedNodes.forEach(scan));
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
