/*
 * A small stand-in for Shopify's App Bridge script, served by the local emulator only (the real one is
 * loaded from Shopify's CDN inside the real admin, and neither is reachable offline). It gives the
 * embedded app what it relies on: the `shopify` global with idToken(), fetch carrying the session token,
 * the session-token bounce page, toasts, a save bar, the loading bar, and the ui-nav-menu / ui-title-bar /
 * ui-save-bar / ui-modal elements, which it reports to the emulator's admin frame through postMessage.
 */
(function () {
  "use strict";
  if (window.shopify) return;

  var script = document.currentScript;
  var emulatorOrigin = new URL(script.src).origin;
  var params = new URLSearchParams(location.search);
  var apiKey =
    script.getAttribute("data-api-key") || (document.querySelector('meta[name="shopify-api-key"]') || {}).content || "";
  // Storage can be off limits to a framed app (third-party storage blocked): remember in memory then.
  var memory = {};
  function remember(key, value) {
    try {
      if (value) sessionStorage.setItem(key, value);
      return value || sessionStorage.getItem(key) || "";
    } catch {
      if (value) memory[key] = value;
      return value || memory[key] || "";
    }
  }
  var shop = remember("resolve-emulator-shop", params.get("shop"));
  var host = remember("resolve-emulator-host", params.get("host"));

  function post(message) {
    if (window.parent !== window)
      window.parent.postMessage(Object.assign({ source: "resolve-app-bridge" }, message), emulatorOrigin);
  }

  var cachedToken = null;
  function idToken() {
    if (cachedToken && cachedToken.expires > Date.now() + 10000) return Promise.resolve(cachedToken.value);
    return originalFetch(emulatorOrigin + "/admin/session-token?shop=" + encodeURIComponent(shop), {
      credentials: "omit",
    })
      .then(function (response) {
        if (!response.ok) throw new Error("The emulator refused a session token (" + response.status + ")");
        return response.json();
      })
      .then(function (body) {
        cachedToken = { value: body.token, expires: Date.now() + 50000 };
        return body.token;
      });
  }

  // App Bridge adds the session token to the app's own requests, as the real script does.
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (new URL(request.url, location.href).origin !== location.origin || request.headers.has("Authorization")) {
      return originalFetch(request);
    }
    return idToken().then(function (token) {
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return originalFetch(new Request(request, { headers: headers }));
    });
  };

  // The library's bounce page (/auth/session-token) asks App Bridge for a token and reloads with it.
  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }

  var saveBars = {};
  var leaveRequests = {};
  function saveBarElement(id) {
    return document.getElementById(id);
  }

  window.shopify = {
    config: { apiKey: apiKey, shop: shop, host: host, locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    origin: emulatorOrigin,
    idToken: idToken,
    toast: {
      show: function (message, options) {
        post({ type: "toast", message: String(message), isError: Boolean(options && options.isError) });
        return "toast-" + Date.now();
      },
      hide: function () {},
    },
    loading: function (isLoading) {
      post({ type: "loading", loading: isLoading !== false });
    },
    saveBar: {
      show: function (id) {
        saveBars[id] = true;
        post({ type: "save-bar", id: id, visible: true });
        return Promise.resolve();
      },
      hide: function (id) {
        delete saveBars[id];
        post({ type: "save-bar", id: id, visible: false });
        return Promise.resolve();
      },
      toggle: function (id) {
        return saveBars[id] ? this.hide(id) : this.show(id);
      },
      // Resolves when the merchant chooses to leave in the admin's dialog, or at once without a visible save bar.
      leaveConfirmation: function () {
        if (Object.keys(saveBars).length === 0) return Promise.resolve();
        var requestId = "leave-" + Date.now() + "-" + Math.random();
        return new Promise(function (resolve) {
          leaveRequests[requestId] = resolve;
          post({ type: "leave-confirmation", requestId: requestId });
        });
      },
    },
    modal: {
      show: function (id) {
        var modal = document.getElementById(id);
        if (modal && modal.show) modal.show();
        return Promise.resolve();
      },
      hide: function (id) {
        var modal = document.getElementById(id);
        if (modal && modal.hide) modal.hide();
        return Promise.resolve();
      },
    },
  };

  // Messages from the admin frame: navigation from its app menu, and save-bar buttons.
  window.addEventListener("message", function (event) {
    if (event.origin !== emulatorOrigin || !event.data || event.data.source !== "resolve-admin") return;
    if (event.data.type === "navigate") {
      // The admin asked before leaving, as Shopify's does: its save bar goes, so the app's own check lets it go.
      if (event.data.leaveConfirmed) {
        Object.keys(saveBars).forEach(function (id) {
          window.shopify.saveBar.hide(id);
        });
      }
      var link = document.createElement("a");
      link.setAttribute("href", event.data.href);
      link.hidden = true;
      document.body.appendChild(link);
      link.dispatchEvent(new Event("shopify:navigate", { bubbles: true }));
      link.remove();
    } else if (event.data.type === "leave-confirmed") {
      var resolveLeave = leaveRequests[event.data.requestId];
      delete leaveRequests[event.data.requestId];
      if (resolveLeave) resolveLeave();
    } else if (event.data.type === "save-bar-action") {
      var bar = saveBarElement(event.data.id);
      var button =
        bar &&
        bar.querySelector(
          event.data.action === "save" ? 'button[variant="primary"]' : 'button:not([variant="primary"])',
        );
      if (button) button.click();
    }
  });

  function defineHidden(name, onChange) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
          if (onChange) {
            onChange(this);
            this._observer = new MutationObserver(() => onChange(this));
            this._observer.observe(this, { subtree: true, childList: true, attributes: true, characterData: true });
          }
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
        }
      },
    );
  }

  defineHidden("ui-nav-menu", function (menu) {
    var items = Array.prototype.map.call(menu.querySelectorAll("a"), function (link) {
      return {
        label: link.textContent.trim(),
        href: link.getAttribute("href"),
        home: link.getAttribute("rel") === "home",
      };
    });
    post({ type: "nav", items: items });
  });
  defineHidden("ui-title-bar", function (bar) {
    post({ type: "title", title: bar.getAttribute("title") || "" });
  });
  // The React SaveBar calls show()/hide() on the element, as on the real one.
  if (!customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
        }
        // A page that goes away takes its unsaved-changes bar with it.
        disconnectedCallback() {
          if (saveBars[this.id]) window.shopify.saveBar.hide(this.id);
        }
        get showing() {
          return Boolean(saveBars[this.id]);
        }
        show() {
          return window.shopify.saveBar.show(this.id).then(() => this.dispatchEvent(new Event("show")));
        }
        hide() {
          if (!saveBars[this.id]) return Promise.resolve();
          return window.shopify.saveBar.hide(this.id).then(() => this.dispatchEvent(new Event("hide")));
        }
        toggle() {
          return this.showing ? this.hide() : this.show();
        }
      },
    );
  }

  if (!customElements.get("ui-modal")) {
    customElements.define(
      "ui-modal",
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
        }
        show() {
          this.style.display = "block";
          this.setAttribute("open", "");
        }
        hide() {
          this.style.display = "none";
          this.removeAttribute("open");
        }
      },
    );
  }

  post({ type: "ready", path: location.pathname + location.search });
})();
