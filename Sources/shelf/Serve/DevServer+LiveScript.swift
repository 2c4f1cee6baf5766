/// `/_shelf/live.js`, the one script `shelf serve` adds to every page.
///
/// It polls `/_shelf/status`: a new generation reloads the page; a failed build's error is shown
/// over the page (the last good build) until a build succeeds. It builds its elements with the
/// DOM and styles them through CSSOM, which the site's Content-Security-Policy allows.
extension DevServer {
    static let liveScript = """
        (function () {
          var seen = null, overlay = null;
          function element(tag, text, style) {
            var node = document.createElement(tag);
            node.textContent = text;
            Object.assign(node.style, style || {});
            return node;
          }
          function show(error) {
            if (!error) {
              if (overlay) { overlay.remove(); overlay = null; }
              return;
            }
            if (!overlay) {
              overlay = element("section", "", {
                position: "fixed", top: "0", right: "0", bottom: "0", left: "0", zIndex: "2147483647", overflow: "auto",
                padding: "2rem", background: "rgba(24, 24, 24, 0.95)", color: "#fff", font: "15px/1.5 system-ui, sans-serif"
              });
              overlay.setAttribute("role", "alert");
              overlay.setAttribute("data-shelf-build-error", "");
              document.body.appendChild(overlay);
            }
            overlay.replaceChildren(
              element("h2", "The build failed", { margin: "0 0 1rem", fontSize: "1.4rem" }),
              element("pre", error, { whiteSpace: "pre-wrap", font: "14px/1.5 ui-monospace, monospace", color: "#ffb4a8" }),
              element("p", "This page is the last good build. Fix the file and save: the page reloads by itself.")
            );
          }
          function poll() {
            fetch("/_shelf/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (status) {
              if (seen !== null && status.generation !== seen) { location.reload(); return; }
              seen = status.generation;
              show(status.error);
              setTimeout(poll, 700);
            }).catch(function () { setTimeout(poll, 2000); });
          }
          poll();
        })();

        """
}
