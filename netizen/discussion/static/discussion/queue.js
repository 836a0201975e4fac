/*
 * The moderation queue without page reloads, and with keyboard shortcuts.
 *
 * The queue's forms work on their own (POST, then a redirect back). This module submits the
 * same forms with fetch() and swaps in the HTML fragment the server answers with: every
 * top-level element of the fragment that has an id replaces the page's element with that id
 * (the comment's row, the tab counts, the queue health). Nothing is loaded from elsewhere.
 *
 * Shortcuts (also listed on the page): j/k next/previous, a approve, r reject (then 1-6 for
 * the reason, Esc to cancel), s spam, x select, o open, ? help. They follow the keyboard
 * shortcut setting of the user's Wagtail account.
 */

const queue = document.querySelector("[data-queue]");

function wagtailConfig() {
  try {
    return JSON.parse(document.getElementById("wagtail-config")?.textContent || "{}");
  } catch {
    return {};
  }
}

function announce(text, type = "success") {
  // Wagtail's own message bar at the top of the page (role="status").
  document.dispatchEvent(
    new CustomEvent("w-messages:add", { detail: { clear: true, text, type } }),
  );
}

// --- Rows and the current row ----------------------------------------------------------------

const rows = () => [...queue.querySelectorAll("[data-queue-item]")];
const openRows = () => rows().filter((row) => !row.hasAttribute("data-queue-decided"));
let current = null;

function setCurrent(row, { focus = true } = {}) {
  if (!row) return;
  current?.classList.remove("is-current");
  current = row;
  row.classList.add("is-current");
  if (focus) {
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
}

function move(step) {
  const open = openRows();
  if (!open.length) return;
  const index = open.indexOf(current);
  if (index === -1) {
    setCurrent(step > 0 ? open[0] : open[open.length - 1]);
    return;
  }
  setCurrent(open[Math.min(open.length - 1, Math.max(0, index + step))]);
}

/** After ``row`` was decided: the next open row below it, else the last open one above. */
function nextAfter(row) {
  const all = rows();
  const start = all.indexOf(row);
  const below = all.slice(start + 1).find((r) => !r.hasAttribute("data-queue-decided"));
  if (below) return below;
  return all
    .slice(0, Math.max(start, 0))
    .reverse()
    .find((r) => !r.hasAttribute("data-queue-decided"));
}

// --- Bulk selection --------------------------------------------------------------------------

function updateSelection() {
  const boxes = [...queue.querySelectorAll("[data-queue-select]")];
  const ticked = boxes.filter((box) => box.checked);
  const count = queue.querySelector("[data-queue-selected-count]");
  if (count) {
    count.textContent = ticked.length
      ? `${ticked.length} selected`
      : "Tick comments to decide on several at once";
  }
  // The bulk actions appear once something is ticked (without script they always show).
  const actions = queue.querySelector("[data-queue-bulk-actions]");
  if (actions) actions.hidden = ticked.length === 0;
  const all = queue.querySelector("[data-queue-select-all]");
  if (all) {
    all.checked = boxes.length > 0 && ticked.length === boxes.length;
    all.indeterminate = ticked.length > 0 && ticked.length < boxes.length;
  }
  boxes.forEach((box) => box.closest("[data-queue-item]")?.classList.toggle("is-selected", box.checked));
}

// --- Submitting with fetch -------------------------------------------------------------------

function applyFragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const replaced = [];
  for (const element of [...template.content.children]) {
    if (element.matches("[data-queue-message]")) {
      announce(element.textContent.trim(), element.dataset.level || "success");
    } else if (element.id) {
      const old = document.getElementById(element.id);
      if (old) {
        const wasCurrent = old === current;
        old.replaceWith(element);
        replaced.push({ element, wasCurrent });
      }
    }
  }
  return replaced;
}

async function submit(form, submitter) {
  const data = new FormData(form, submitter);
  const busy = form.closest("[data-queue-item]") || queue;
  busy.classList.add("is-busy");
  form.querySelectorAll("button").forEach((button) => (button.disabled = true));
  let response;
  try {
    // form.action would be the "action" buttons here, not the form's address.
    response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: {
        "X-Requested-With": "XMLHttpRequest",
        "X-CSRFToken": data.get("csrfmiddlewaretoken") || "",
      },
    });
  } catch {
    announce("Could not reach the server. Nothing was changed; try again.", "error");
    busy.classList.remove("is-busy");
    form.querySelectorAll("button").forEach((button) => (button.disabled = false));
    return;
  }
  if (!response.headers.has("X-Queue-Fragment")) {
    announce(
      response.status === 403
        ? "Not allowed: your session may have ended. Reload the page and sign in again."
        : `The server could not take the decision (error ${response.status}). Reload the page.`,
      "error",
    );
    busy.classList.remove("is-busy");
    form.querySelectorAll("button").forEach((button) => (button.disabled = false));
    return;
  }
  const previous = current;
  const replaced = applyFragment(await response.text());
  updateSelection();
  // Keep going where the moderator was: the row itself if it is still open, else the next.
  const mine = replaced.find(({ wasCurrent }) => wasCurrent)?.element;
  if (mine) {
    current = null;
    setCurrent(mine.hasAttribute("data-queue-decided") ? nextAfter(mine) || mine : mine);
  } else if (previous && !previous.isConnected) {
    setCurrent(openRows()[0]);
  }
}

// --- The reason chooser (r, then 1-6) --------------------------------------------------------

let chooser = null;

function closeChooser({ refocus = true } = {}) {
  if (!chooser) return;
  const row = chooser.closest("[data-queue-item]");
  chooser.remove();
  chooser = null;
  if (refocus && row?.isConnected) setCurrent(row);
}

function choose(row, value) {
  const form = row.querySelector("[data-queue-action]");
  const select = form?.querySelector("[data-queue-reason]");
  const reject = form?.querySelector('button[value="reject"]');
  if (!select || !reject) return;
  select.value = value;
  closeChooser({ refocus: false });
  form.requestSubmit(reject);
}

function openChooser(row) {
  const select = row.querySelector("[data-queue-reason]");
  if (!select) return;
  closeChooser({ refocus: false });
  chooser = document.createElement("div");
  chooser.className = "queue-chooser";
  chooser.setAttribute("role", "group");
  chooser.setAttribute("aria-label", "Reason for rejecting");
  const title = document.createElement("p");
  title.className = "queue-chooser__title";
  title.textContent = "Reject because… (press 1–6, Esc to cancel)";
  chooser.append(title);
  const list = document.createElement("ol");
  for (const option of select.options) {
    if (!option.value) continue;
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "queue-chooser__option";
    if (option.hasAttribute("data-suggested")) button.classList.add("is-suggested");
    const key = document.createElement("kbd");
    key.textContent = option.dataset.queueKey;
    button.append(key, ` ${option.textContent.trim()}`);
    button.addEventListener("click", () => choose(row, option.value));
    item.append(button);
    list.append(item);
  }
  chooser.append(list);
  select.closest(".queue-actions__reject").after(chooser);
  (chooser.querySelector(".is-suggested") || chooser.querySelector("button")).focus();
}

// --- Keys ------------------------------------------------------------------------------------

function typing(target) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches("input, select, textarea"))
  );
}

function press(row, action) {
  const button = row?.querySelector(`[data-queue-action] button[value="${action}"]`);
  if (button) button.form.requestSubmit(button);
}

function showHelp() {
  document
    .getElementById("queue-shortcuts")
    ?.dispatchEvent(new CustomEvent("w-dialog:show", { bubbles: false }));
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (chooser) {
    const row = chooser.closest("[data-queue-item]");
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopImmediatePropagation();
      closeChooser();
    } else if (/^[1-9]$/.test(event.key)) {
      const option = row.querySelector(`[data-queue-reason] option[data-queue-key="${event.key}"]`);
      if (option) {
        event.preventDefault();
        event.stopImmediatePropagation();
        choose(row, option.value);
      }
    }
    return;
  }
  if (typing(event.target)) return;
  if (document.querySelector(".w-dialog:not([aria-hidden='true'])")) return;
  const handlers = {
    j: () => move(1),
    k: () => move(-1),
    a: () => press(current, "approve"),
    r: () => current && openChooser(current),
    s: () => press(current, "spam"),
    x: () => {
      const box = current?.querySelector("[data-queue-select]");
      if (box) {
        box.checked = !box.checked;
        updateSelection();
      }
    },
    o: () => current?.querySelector("[data-queue-open]")?.click(),
    "?": showHelp,
  };
  const handler = handlers[event.key];
  if (!handler) return;
  // Ours, not Wagtail's general "?" dialog, on this page.
  event.preventDefault();
  event.stopImmediatePropagation();
  if (!current && "asrxo".includes(event.key)) {
    setCurrent(openRows()[0]);
    if (event.key !== "x" && event.key !== "o") return; // show which row first
  }
  handler();
}

// --- Wiring ----------------------------------------------------------------------------------

if (queue) {
  queue.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("[data-queue-action], [data-queue-bulk]")) return;
    event.preventDefault();
    submit(form, event.submitter);
  });
  queue.addEventListener("change", (event) => {
    if (event.target.matches("[data-queue-select-all]")) {
      queue.querySelectorAll("[data-queue-select]").forEach((box) => {
        box.checked = event.target.checked;
      });
    }
    if (event.target.matches("[data-queue-select], [data-queue-select-all]")) updateSelection();
  });
  // Clicking or tabbing into a row makes it the current one, without moving the focus.
  queue.addEventListener("focusin", (event) => {
    const row = event.target.closest?.("[data-queue-item]");
    if (row && row !== current) setCurrent(row, { focus: false });
  });
  queue.addEventListener("pointerdown", (event) => {
    const row = event.target.closest?.("[data-queue-item]");
    if (row && row !== current) setCurrent(row, { focus: false });
    if (chooser && !event.target.closest(".queue-chooser")) closeChooser({ refocus: false });
  });
  queue.querySelector("[data-queue-select-all-label]")?.removeAttribute("hidden");
  updateSelection();

  if (wagtailConfig().KEYBOARD_SHORTCUTS_ENABLED !== false) {
    // Capture on window: runs before Wagtail's own shortcuts, which listen on the document.
    window.addEventListener("keydown", onKey, { capture: true });
  }
}
