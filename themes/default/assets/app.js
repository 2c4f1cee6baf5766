// Shelf default theme: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Product page: keep price, stock note, button and gallery in step with the chosen variant.
  function enhanceProduct(form) {
    var data = document.getElementById("variants");
    var variants;
    try {
      variants = JSON.parse(data ? data.textContent : "[]");
    } catch (error) {
      return;
    }
    if (!Array.isArray(variants) || variants.length === 0) return;

    var bySku = {};
    variants.forEach(function (variant) { bySku[variant.sku] = variant; });

    var picker = form.querySelector("[data-picker]");
    var primaries = picker ? Array.prototype.slice.call(picker.querySelectorAll('input[name="option"]')) : [];
    var groups = picker ? Array.prototype.slice.call(picker.querySelectorAll(".picker__group")) : [];
    var selectedNames = picker ? Array.prototype.slice.call(picker.querySelectorAll(".picker__selected > span")) : [];
    var price = document.querySelector("[data-price]");
    var compareAt = document.querySelector("[data-compare-at]");
    var compareAtValue = document.querySelector("[data-compare-at-value]");
    var saleBadge = document.querySelector("[data-sale-badge]");
    var stockNote = form.querySelector("[data-stock-note]");
    var button = form.querySelector("[data-add-to-cart]");
    var gallery = document.querySelector("[data-gallery]");

    if (picker && primaries.length > 0) picker.classList.add("is-enhanced");
    // The product-level price ("From €29.00") is shown again while no variant is chosen.
    var initial = {
      price: price ? price.textContent : "",
      compareAt: compareAtValue ? compareAtValue.textContent : "",
      onSale: saleBadge ? !saleBadge.hidden : false
    };

    function checkedSku() {
      var radio = form.querySelector('input[name="sku"]:checked') || form.querySelector('input[name="sku"][type="hidden"]');
      return radio ? bySku[radio.value] : undefined;
    }

    function activeIndex() {
      for (var i = 0; i < primaries.length; i++) {
        if (primaries[i].checked) return i;
      }
      return 0;
    }

    function showGroup(index) {
      groups.forEach(function (group, i) { group.classList.toggle("is-active", i === index); });
      selectedNames.forEach(function (name, i) { name.classList.toggle("is-active", i === index); });
    }

    // After a primary change, keep the shopper's second choice (the same size) when it can be bought.
    function selectInGroup(group, previousLabel) {
      if (!group || group.querySelector('input[name="sku"]:checked')) return;
      var radios = Array.prototype.slice.call(group.querySelectorAll('input[name="sku"]:not(:disabled)'));
      var same = radios.filter(function (radio) { return labelOf(radio) === previousLabel; })[0];
      var pick = same || (radios.length === 1 ? radios[0] : undefined);
      if (pick) pick.checked = true;
    }

    function labelOf(radio) {
      var label = radio && form.querySelector('label[for="' + radio.id + '"]');
      return label ? label.firstChild.textContent.trim() : "";
    }

    function moveGallery(variant) {
      if (!gallery) return;
      var items = Array.prototype.slice.call(gallery.children);
      var value = variant && variant.options ? variant.options[0] : primaries.length ? primaries[activeIndex()].getAttribute("data-primary-value") : "";
      var matches = items.filter(function (item) {
        return (value && item.getAttribute("data-option-value") === value) ||
          (variant && variant.image && item.getAttribute("data-src") === variant.image);
      });
      if (matches.length === 0) return;
      items.forEach(function (item) { item.classList.toggle("is-match", matches.indexOf(item) !== -1); });
      gallery.scrollTo({ left: 0, behavior: "smooth" });
    }

    function showPrice(current, former, onSale) {
      if (price) price.textContent = current;
      if (compareAt && compareAtValue) {
        compareAtValue.textContent = former || "";
        compareAt.hidden = !former;
      }
      if (saleBadge) saleBadge.hidden = !onSale;
    }

    function render() {
      var variant = checkedSku();
      if (!variant) {
        // Nothing chosen yet: the button asks for the size, and pressing it says so (see below).
        var group = groups[activeIndex()] || form;
        var choosable = Boolean(group.querySelector('input[name="sku"]:not(:disabled)'));
        showPrice(initial.price, initial.compareAt, initial.onSale);
        if (stockNote) stockNote.textContent = choosable ? "" : "Sold out";
        if (button) {
          button.disabled = !choosable;
          button.textContent = choosable ? button.getAttribute("data-choose") || "Choose an option" : "Sold out";
        }
        return;
      }
      showPrice(variant.price, variant.compare_at, Boolean(variant.compare_at));
      if (stockNote) stockNote.textContent = variant.available ? variant.stock_note || "" : "Sold out";
      if (button) {
        button.disabled = !variant.available;
        button.textContent = variant.available ? "Add to cart \u2014 " + variant.price : "Sold out";
      }
    }

    if (picker) {
      picker.addEventListener("change", function (event) {
        var target = event.target;
        if (target.name === "option") {
          var previous = labelOf(form.querySelector('input[name="sku"]:checked'));
          var index = primaries.indexOf(target);
          showGroup(index);
          var current = form.querySelector('input[name="sku"]:checked');
          if (current && groups[index] && !groups[index].contains(current)) current.checked = false;
          selectInGroup(groups[index], previous);
          moveGallery(checkedSku() || undefined);
        } else if (target.name === "sku") {
          moveGallery(checkedSku());
        }
        render();
      });
    }

    if (primaries.length > 0) showGroup(activeIndex());
    render();
  }

  // Quantity: add − and + buttons around the number input.
  function enhanceQuantity(input) {
    var wrapper = document.createElement("div");
    wrapper.className = "stepper";
    input.parentNode.insertBefore(wrapper, input);
    function step(delta, text, label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "stepper__button";
      button.textContent = text;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", function () {
        var min = Number(input.min) || 1;
        var max = Number(input.max) || 99;
        var value = Math.min(max, Math.max(min, (Number(input.value) || min) + delta));
        input.value = String(value);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
      return button;
    }
    wrapper.appendChild(step(-1, "\u2212", "Decrease quantity"));
    wrapper.appendChild(input);
    wrapper.appendChild(step(1, "+", "Increase quantity"));
  }

  // Header badge: the cart's item count, from the cart function.
  function showCount(count) {
    var badges = document.querySelectorAll("[data-cart-count]");
    for (var i = 0; i < badges.length; i++) badges[i].textContent = count > 0 ? String(count) : "";
  }

  function refreshCount() {
    if (!window.fetch) return;
    fetch("/fn/cart.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (cart) { if (cart && typeof cart.count === "number") showCount(cart.count); })
      .catch(function () {});
  }

  // Header: "Log in" becomes the shopper's name, linking to the account page, when logged in.
  function showAccount() {
    var link = document.querySelector("[data-account-link]");
    if (!link || !window.fetch) return;
    fetch("/fn/account.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (account) {
        if (!account || typeof account.name !== "string") return;
        link.textContent = account.name;
        link.setAttribute("href", "/fn/account");
      })
      .catch(function () {});
  }

  // Add to cart without leaving the page; without fetch (or on a network error) the form posts
  // and the cart page answers, as it does without JavaScript.
  function enhanceAddToCart(form) {
    if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
    var notice = form.querySelector("[data-cart-notice]");
    var button = form.querySelector("[data-add-to-cart]");
    // Pressed before a size was chosen: say so, show the hint and move to the first size.
    function askForChoice() {
      var picker = form.querySelector("[data-picker]");
      if (picker) picker.classList.add("is-asking");
      if (notice) {
        notice.hidden = false;
        notice.classList.add("notice--warning");
        notice.textContent = (button && button.getAttribute("data-choose") || "Choose an option") + ".";
        notice.setAttribute("data-asking", "");
      }
      var groups = form.querySelectorAll(".picker__group");
      for (var i = 0; i < groups.length; i++) {
        var first = groups[i].querySelector('input[name="sku"]:not(:disabled)');
        if (first && groups[i].offsetParent !== null) {
          first.focus();
          return;
        }
      }
    }

    // Once a size is chosen the question is answered: take it away.
    form.addEventListener("change", function (event) {
      if (event.target.name !== "sku" || !notice || !notice.hasAttribute("data-asking")) return;
      notice.hidden = true;
      notice.removeAttribute("data-asking");
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.querySelector('input[name="sku"]:checked, input[name="sku"][type="hidden"]')) {
        askForChoice();
        return;
      }
      var body = new URLSearchParams(new FormData(form)).toString();
      if (button) button.setAttribute("aria-busy", "true");
      fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: body
      })
        .then(function (response) {
          return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        })
        .then(function (result) {
          var message;
          var warning;
          if (result.ok && result.data.cart) {
            showCount(result.data.cart.count);
            message = result.data.notice ? result.data.notice.message : "Added to your cart.";
            warning = result.data.notice && result.data.notice.tone === "warning";
          } else {
            message = result.data && result.data.error ? result.data.error.message : "Sorry, that did not work. Please try again.";
            warning = true;
          }
          if (notice) {
            notice.hidden = false;
            notice.removeAttribute("data-asking");
            notice.classList.toggle("notice--warning", Boolean(warning));
            notice.innerHTML = "";
            notice.appendChild(document.createTextNode(message + " "));
            var link = document.createElement("a");
            link.href = "/fn/cart";
            link.textContent = "View cart";
            notice.appendChild(link);
          }
        })
        .catch(function () { form.submit(); })
        .then(function () { if (button) button.removeAttribute("aria-busy"); });
    });
  }

  function start() {
    document.documentElement.classList.add("js");
    refreshCount();
    showAccount();
    var form = document.querySelector("[data-buy-form]");
    if (form) {
      enhanceProduct(form);
      enhanceAddToCart(form);
    }
    var quantity = document.querySelector("[data-quantity]");
    if (quantity) enhanceQuantity(quantity);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// Wish list hearts: the static page never knows what a shopper saved, so the filled state comes
// from /fn/wishlist.json, asked once per page; a press then saves or unsaves without a reload.
// Without this script each heart is a plain form that saves and shows the list.
(function () {
  "use strict";

  function start() {
    var forms = Array.prototype.slice.call(document.querySelectorAll("[data-wish]"));
    if (forms.length === 0 || !window.fetch) return;
    var token = null;
    var saved = {};

    function product(form) { return form.querySelector('input[name="product"]').value; }

    function show() {
      forms.forEach(function (form) {
        form.querySelector("[data-wish-button]").setAttribute("aria-pressed", saved[product(form)] ? "true" : "false");
      });
    }

    fetch("/fn/wishlist.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        token = data.token;
        (data.products || []).forEach(function (handle) { saved[handle] = true; });
        show();
        forms.forEach(function (form) { form.addEventListener("submit", toggle); });
      })
      .catch(function () {});

    function toggle(event) {
      var form = event.currentTarget;
      var handle = product(form);
      var removing = Boolean(saved[handle]);
      if (removing && !token) return;
      event.preventDefault();
      var headers = { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" };
      if (token) headers["X-Shelf-Token"] = token;
      fetch(removing ? "/fn/wishlist/remove" : form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: headers,
        body: new URLSearchParams({ product: handle }).toString()
      })
        .then(function (response) {
          if (!response.ok) throw new Error("refused");
          return response.json();
        })
        .then(function (data) {
          token = data.token || token;
          saved[handle] = Boolean(data.saved);
          show();
        })
        .catch(function () { if (!removing) form.submit(); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
