// The import form shows the options of the chosen format (all of them for "detect"), and
// says that it is working while a big file uploads and imports.

const form = document.querySelector("[data-import-form]");

if (form) {
  const format = form.elements.format;
  const groups = [...form.querySelectorAll("[data-import-options]")];

  const show = () => {
    for (const group of groups) {
      const formats = group.dataset.importOptions.split(" ");
      group.hidden = format.value !== "auto" && !formats.includes(format.value);
    }
  };
  format?.addEventListener("change", show);
  show();

  form.addEventListener("submit", () => {
    const button = form.querySelector("[data-import-submit]");
    if (button) {
      button.setAttribute("aria-disabled", "true");
      button.classList.add("button-longrunning-active");
      button.lastChild.textContent = "Importing…";
    }
  });
}
