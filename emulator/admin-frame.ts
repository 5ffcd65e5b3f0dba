/**
 * The emulator's stand-in for the Shopify admin around an embedded app: a top bar, the admin's side
 * navigation with the app's own menu (reported by the App Bridge stand-in from <ui-nav-menu>), the app in
 * an iframe, toasts and a save bar. Only what a merchant needs to use the app locally.
 */
export function renderAdminFrame(options: {
  shopName: string;
  appSrc: string;
  appOrigin: string;
  storefrontUrl: string;
}) {
  const escape = (value: string) =>
    value.replace(
      /[&<>"']/g,
      (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resolve · ${escape(options.shopName)} · Shopify admin (local emulator)</title>
<style>
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  * { box-sizing: border-box; }
  body { margin: 0; display: grid; grid-template-rows: 56px 1fr; grid-template-columns: 240px 1fr; height: 100vh; background: #f1f1f1; }
  header { grid-column: 1 / -1; background: #1a1a1a; color: #fff; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  header strong { font-size: 15px; }
  header .note { font-size: 12px; color: #d4d4d4; margin-inline-start: auto; }
  header a { color: #fff; }
  nav { background: #ebebeb; padding: 12px 8px; overflow: auto; }
  nav h2 { font-size: 12px; color: #4a4a4a; margin: 16px 8px 4px; text-transform: uppercase; letter-spacing: .04em; }
  nav a, nav button { display: block; width: 100%; text-align: start; padding: 6px 8px; border-radius: 8px; color: #303030; text-decoration: none; font: inherit; font-size: 14px; background: none; border: 0; cursor: pointer; }
  nav a:hover, nav button:hover, nav [aria-current="page"] { background: #fafafa; }
  nav button:focus-visible, nav a:focus-visible { outline: 2px solid #005bd3; }
  main { display: flex; flex-direction: column; min-width: 0; }
  #title { margin: 0; padding: 12px 20px; font-size: 16px; background: #f1f1f1; }
  #save-bar { display: none; align-items: center; gap: 8px; padding: 8px 20px; background: #303030; color: #fff; }
  #save-bar.visible { display: flex; }
  #save-bar span { margin-inline-end: auto; }
  #save-bar button { font: inherit; padding: 6px 12px; border-radius: 8px; border: 0; cursor: pointer; }
  #loading { height: 3px; background: transparent; }
  #loading.active { background: linear-gradient(90deg, #005bd3 30%, transparent 30%); background-size: 200% 100%; animation: load 1s linear infinite; }
  @keyframes load { to { background-position: -200% 0; } }
  iframe { flex: 1; width: 100%; border: 0; background: #f1f1f1; }
  #toasts { position: fixed; inset-block-end: 24px; inset-inline-start: 50%; transform: translateX(-50%); display: grid; gap: 8px; }
  .toast { background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 8px; }
  .toast.error { background: #8e1f0b; }
  @media (max-width: 720px) { body { grid-template-columns: 1fr; } nav { display: none; } }
</style>
</head>
<body>
<header>
  <strong>${escape(options.shopName)}</strong>
  <span class="note">Local Shopify emulator · <a href="${escape(options.storefrontUrl)}">Open storefront</a></span>
</header>
<nav aria-label="Admin">
  <h2>Apps</h2>
  <div id="app-nav"><button type="button" data-href="/app">Resolve</button></div>
</nav>
<main>
  <h1 id="title">Resolve</h1>
  <div id="loading" role="progressbar" aria-label="Loading" aria-hidden="true"></div>
  <div id="save-bar" role="region" aria-label="Unsaved changes"><span>Unsaved changes</span>
    <button type="button" data-action="discard">Discard</button>
    <button type="button" data-action="save">Save</button></div>
  <iframe id="app" title="Resolve" src="${escape(options.appSrc)}"></iframe>
</main>
<dialog id="leave-dialog" aria-labelledby="leave-title">
  <h2 id="leave-title">Leave page with unsaved changes?</h2>
  <p>Leaving this page will delete all unsaved changes.</p>
  <button type="button" data-leave="stay">Stay</button>
  <button type="button" data-leave="leave">Leave page</button>
</dialog>
<div id="toasts" role="status" aria-live="polite"></div>
<script>
(function () {
  var appOrigin = ${JSON.stringify(options.appOrigin)};
  var frame = document.getElementById("app");
  var saveBarId = null;
  function send(message) {
    frame.contentWindow.postMessage(Object.assign({ source: "resolve-admin" }, message), appOrigin);
  }
  // Like Shopify's admin: leaving while the save bar shows asks first (its own menu, or the app's request).
  var leaveDialog = document.getElementById("leave-dialog");
  var pendingLeave = null;
  function confirmLeave(leave) {
    if (!saveBarId) return leave();
    pendingLeave = leave;
    leaveDialog.showModal();
  }
  leaveDialog.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-leave]");
    if (!button) return;
    var leave = button.getAttribute("data-leave") === "leave" ? pendingLeave : null;
    pendingLeave = null;
    leaveDialog.close();
    if (leave) leave();
  });
  leaveDialog.addEventListener("close", function () { pendingLeave = null; });
  document.getElementById("app-nav").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-href]");
    if (!button) return;
    // Once the merchant chose to leave here, the app's unsaved changes are dropped: the app must not ask again.
    var asked = Boolean(saveBarId);
    confirmLeave(function () { send({ type: "navigate", href: button.getAttribute("data-href"), leaveConfirmed: asked }); });
  });
  document.getElementById("save-bar").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (button && saveBarId) send({ type: "save-bar-action", id: saveBarId, action: button.getAttribute("data-action") });
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== appOrigin || !event.data || event.data.source !== "resolve-app-bridge") return;
    var data = event.data;
    if (data.type === "nav") {
      var nav = document.getElementById("app-nav");
      nav.textContent = "";
      data.items.forEach(function (item) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = item.home ? "Resolve" : item.label;
        button.setAttribute("data-href", item.href);
        nav.appendChild(button);
      });
    } else if (data.type === "title") {
      document.getElementById("title").textContent = data.title || "Resolve";
    } else if (data.type === "toast") {
      var toast = document.createElement("div");
      toast.className = "toast" + (data.isError ? " error" : "");
      toast.textContent = data.message;
      document.getElementById("toasts").appendChild(toast);
      setTimeout(function () { toast.remove(); }, 5000);
    } else if (data.type === "save-bar") {
      saveBarId = data.visible ? data.id : null;
      document.getElementById("save-bar").classList.toggle("visible", Boolean(data.visible));
    } else if (data.type === "leave-confirmation") {
      confirmLeave(function () { send({ type: "leave-confirmed", requestId: data.requestId }); });
    } else if (data.type === "loading") {
      document.getElementById("loading").classList.toggle("active", Boolean(data.loading));
    }
  });
})();
</script>
</body>
</html>`;
}
