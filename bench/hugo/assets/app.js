// Progressive enhancement only: the variant picker works without it.
document.addEventListener("change", (e) => {
  const form = e.target.closest("form.add-to-cart");
  if (!form || e.target.name !== "colour") return;
  const first = form.querySelector(`.group[data-colour="${CSS.escape(e.target.id.slice(7))}"] input`);
  if (first && !form.querySelector(".group input:checked")) first.checked = true;
});
