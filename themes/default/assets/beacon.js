// Shelf default theme: one page view for the store's own analytics (/fn/beacon). No cookie is
// read or set; only the path, the referring site, UTM tags and a width class are sent. The
// layout loads this file only when the store has the beacon function. See docs/analytics.md.
(function () {
  "use strict";
  var here = location;
  if (!navigator.sendBeacon || here.pathname.indexOf("/fn/") === 0) return;

  function send() {
    var view = { path: here.pathname, width: Math.max(0, Math.min(100000, Math.round(window.innerWidth || 0))) };
    try {
      var from = new URL(document.referrer).host;
      if (from && from !== here.host) view.referrer = from;
    } catch (e) {} // no referrer
    var tags = new URLSearchParams(here.search);
    ["source", "medium", "campaign"].forEach(function (name) {
      var value = tags.get("utm_" + name);
      if (value) view["utm_" + name] = value.slice(0, 100);
    });
    navigator.sendBeacon("/fn/beacon", JSON.stringify(view));
  }

  // A prerendered page counts once someone looks at it.
  if (document.prerendering) document.addEventListener("prerenderingchange", send, { once: true });
  else send();
})();
