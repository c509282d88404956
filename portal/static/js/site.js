/* Public site behaviour, no framework. Loaded from <head> (not deferred) so the
 * reader's text size and contrast apply before the first paint; every choice
 * lives in localStorage, so pages served from the full-page cache carry no
 * per-visitor state. No inline script: the site runs under a strict CSP. */
(function () {
  "use strict";

  var root = document.documentElement;
  var SIZE_KEY = "hdnd:co-chu";
  var CONTRAST_KEY = "hdnd:tuong-phan";
  var SIZES = ["co-chu-nho", "", "co-chu-lon", "co-chu-rat-lon"];
  var DEFAULT_SIZE = 1;

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function currentSize() {
    var stored = parseInt(read(SIZE_KEY), 10);
    return isNaN(stored) || stored < 0 || stored >= SIZES.length ? DEFAULT_SIZE : stored;
  }
  function applySize(level) {
    SIZES.forEach(function (name) { if (name) { root.classList.remove(name); } });
    if (SIZES[level]) { root.classList.add(SIZES[level]); }
  }
  function applyContrast(on) {
    root.classList.toggle("tuong-phan-cao", on);
  }

  root.classList.remove("no-js");
  root.classList.add("js");
  applySize(currentSize());
  applyContrast(read(CONTRAST_KEY) === "1");

  function announce(message) {
    var status = document.getElementById("thong-bao-hien-thi");
    if (status) { status.textContent = message; }
  }

  function syncButtons() {
    var level = currentSize();
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      var action = button.getAttribute("data-text-size");
      if (action === "smaller") { button.disabled = level <= 0; }
      if (action === "larger") { button.disabled = level >= SIZES.length - 1; }
      if (action === "reset") { button.setAttribute("aria-pressed", String(level === DEFAULT_SIZE)); }
    });
    var contrast = root.classList.contains("tuong-phan-cao");
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(contrast));
    });
  }

  function onTextSize(event) {
    var action = event.currentTarget.getAttribute("data-text-size");
    var level = currentSize();
    if (action === "smaller") { level = Math.max(0, level - 1); }
    else if (action === "larger") { level = Math.min(SIZES.length - 1, level + 1); }
    else { level = DEFAULT_SIZE; }
    write(SIZE_KEY, level === DEFAULT_SIZE ? null : String(level));
    applySize(level);
    syncButtons();
    announce(level === DEFAULT_SIZE ? "Cỡ chữ mặc định" : "Đã đổi cỡ chữ");
  }

  function onContrast() {
    var on = !root.classList.contains("tuong-phan-cao");
    write(CONTRAST_KEY, on ? "1" : null);
    applyContrast(on);
    syncButtons();
    announce(on ? "Đã bật chế độ tương phản cao" : "Đã tắt chế độ tương phản cao");
  }

  function onCopy(event) {
    var link = event.currentTarget;
    var url = link.getAttribute("data-url") || link.href;
    var status = link.parentNode.querySelector(".share__status");
    if (!navigator.clipboard || !navigator.clipboard.writeText) { return; }
    event.preventDefault();
    navigator.clipboard.writeText(url).then(function () {
      if (status) { status.textContent = "Đã sao chép liên kết"; }
    }, function () {
      if (status) { status.textContent = "Không sao chép được, hãy sao chép địa chỉ trên thanh trình duyệt"; }
    });
  }

  /* The main menu is a <details> disclosure, folded on a phone and usable without
   * JavaScript. Here it only follows the width: open from 48em up (where site.css
   * hides its toggle), folded below; Escape folds it again and returns to the toggle. */
  var WIDE = window.matchMedia ? window.matchMedia("(min-width: 48em)") : null;

  function syncNavFold() {
    var wide = !!(WIDE && WIDE.matches);
    document.querySelectorAll("[data-nav-fold]").forEach(function (fold) {
      fold.open = wide;
    });
  }

  function onNavKey(event) {
    var fold = event.currentTarget;
    if (event.key !== "Escape" || !fold.open || (WIDE && WIDE.matches)) { return; }
    fold.open = false;
    var toggle = fold.querySelector("summary");
    if (toggle) { toggle.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    syncNavFold();
    document.querySelectorAll("[data-nav-fold]").forEach(function (fold) {
      fold.addEventListener("keydown", onNavKey);
    });
    if (WIDE) {
      if (WIDE.addEventListener) { WIDE.addEventListener("change", syncNavFold); }
      else if (WIDE.addListener) { WIDE.addListener(syncNavFold); }
    }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.addEventListener("click", onTextSize);
    });
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.addEventListener("click", onContrast);
    });
    document.querySelectorAll(".js-print").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".js-copy-link").forEach(function (link) {
      link.addEventListener("click", onCopy);
    });
    syncButtons();
  });
})();
