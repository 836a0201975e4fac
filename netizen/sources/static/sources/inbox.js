// The inbox's conveniences: tick all posts of the page, count the ticked ones, and apply the
// order and copies choices at once. Every form also works without this script.

const inbox = document.querySelector("[data-inbox]");

if (inbox) {
  const boxes = () => [...inbox.querySelectorAll("[data-inbox-select]")];
  const all = inbox.querySelector("[data-inbox-select-all]");
  const count = inbox.querySelector("[data-inbox-selected-count]");
  const hint = count ? count.textContent : "";

  const update = () => {
    const ticked = boxes().filter((box) => box.checked);
    for (const box of boxes()) {
      box.closest("[data-inbox-post]")?.classList.toggle("is-selected", box.checked);
    }
    if (count) count.textContent = ticked.length ? `${ticked.length} selected` : hint;
    if (all) {
      all.checked = ticked.length > 0 && ticked.length === boxes().length;
      all.indeterminate = ticked.length > 0 && ticked.length < boxes().length;
    }
  };

  inbox.addEventListener("change", (event) => {
    if (event.target.matches("[data-inbox-select]")) update();
  });
  all?.addEventListener("change", () => {
    for (const box of boxes()) box.checked = all.checked;
    update();
  });
  update();

  // Typing a new collection name means "not one of the existing ones".
  const existing = inbox.querySelector("[data-inbox-collection]");
  const fresh = inbox.querySelector("[data-inbox-new-collection]");
  fresh?.addEventListener("input", () => {
    if (fresh.value.trim() && existing) existing.value = "";
  });
  existing?.addEventListener("change", () => {
    if (existing.value && fresh) fresh.value = "";
  });

  // The filters fold away behind their button while none is set.
  const filters = inbox.querySelector("[data-inbox-filters]");
  const toggle = inbox.querySelector("[data-inbox-filters-toggle]");
  if (filters && toggle) {
    const open = (shown) => {
      filters.hidden = !shown;
      toggle.setAttribute("aria-expanded", String(shown));
    };
    toggle.hidden = false;
    open(filters.hasAttribute("data-active"));
    toggle.addEventListener("click", () => open(filters.hidden));
  }

  // Order and folding apply as soon as they change.
  const search = inbox.querySelector("[data-inbox-search]");
  for (const name of ["sort", "copies"]) {
    search?.elements[name]?.addEventListener("change", () => search.requestSubmit());
  }
}
