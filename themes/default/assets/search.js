// Shelf default theme: suggestions under the header's search box, from the search function.
// The layout loads this file only when the store has that function. Without it, or when the
// function does not answer, the box stays what it is: a plain GET form to /fn/search.
(function () {
  "use strict";

  var MOST = 6; // products shown; the last entry leads to all the results
  var SHORTEST = 2; // characters typed before the first suggestion
  var PAUSE = 200; // milliseconds of typing to wait for before asking

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input || !window.fetch || !window.URLSearchParams) return;
    var action = form.getAttribute("action") || "/fn/search";

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    form.classList.add("has-suggestions");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var options = [];
    var active = -1;
    var asked = 0; // the number of the newest question: older answers are dropped
    var timer;

    function highlight(index) {
      if (active >= 0 && options[active]) {
        options[active].classList.remove("is-active");
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var option = options[active];
      option.classList.add("is-active");
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
    }

    function open() {
      if (options.length === 0) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      highlight(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function forget() {
      close();
      options = [];
      list.textContent = "";
      status.textContent = "";
    }

    function text(tag, className, value) {
      var element = document.createElement(tag);
      element.className = className;
      element.textContent = value;
      return element;
    }

    function addOption(href, parts) {
      var option = document.createElement("li");
      option.id = list.id + "-" + options.length;
      option.className = "suggestion";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-href", href);
      parts.forEach(function (part) { option.appendChild(part); });
      list.appendChild(option);
      options.push(option);
    }

    function product(hit) {
      var parts = [];
      if (hit.image && typeof hit.image.src === "string") {
        var image = document.createElement("img");
        image.className = "suggestion__image";
        image.src = hit.image.src;
        image.alt = "";
        image.width = 48;
        image.height = 48;
        image.loading = "lazy";
        parts.push(image);
      } else {
        parts.push(text("span", "suggestion__image", ""));
      }
      var words = document.createElement("span");
      words.className = "suggestion__text";
      words.appendChild(text("span", "suggestion__title", String(hit.title)));
      var price = (hit.from ? "From " : "") + String(hit.price) + (hit.sold_out ? " \u00b7 Sold out" : "");
      words.appendChild(text("span", "suggestion__price", price));
      parts.push(words);
      return parts;
    }

    function show(results, query) {
      forget();
      results.products.slice(0, MOST).forEach(function (hit) {
        // Only this site's own paths: "/products/…", never "//elsewhere" or "javascript:".
        if (typeof hit.url === "string" && /^\/(?![\/\\])/.test(hit.url)) addOption(hit.url, product(hit));
      });
      var all = action + "?" + new URLSearchParams({ q: query }).toString();
      addOption(all, [text("span", "suggestion__all", "See all results for \u201c" + query + "\u201d")]);
      var total = Number(results.total) || 0;
      status.textContent = total === 0 ? "No products found." :
        total === 1 ? "1 product found." : total + " products found" + (total > MOST ? ", " + MOST + " shown." : ".");
      if (document.activeElement === input) open();
    }

    function ask(query) {
      var number = ++asked;
      var url = action + ".json?" + new URLSearchParams({ q: query, limit: String(MOST) }).toString();
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (results) {
          if (number !== asked) return;
          if (results && Array.isArray(results.products)) show(results, query);
          else forget();
        })
        .catch(function () { if (number === asked) forget(); });
    }

    function go(option) {
      window.location.assign(option.getAttribute("data-href"));
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < SHORTEST) {
        asked++;
        forget();
        return;
      }
      timer = window.setTimeout(function () { ask(query); }, PAUSE);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (options.length === 0) return;
        event.preventDefault();
        if (list.hidden) {
          open();
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) next = 0;
        if (next < -1) next = options.length - 1;
        highlight(next);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(options[active]);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", function () { if (input.value.trim().length >= SHORTEST) open(); });

    // Pressing an option must not take the focus from the box (which would close the list).
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var option = event.target.closest ? event.target.closest('[role="option"]') : null;
      if (option) go(option);
    });
  }

  function start() {
    var form = document.querySelector("form.site-search");
    if (form) enhance(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
