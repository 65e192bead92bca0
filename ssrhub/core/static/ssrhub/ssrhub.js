// Small behaviours that htmx does not cover. Delegated, so they also work on swapped-in content.
document.addEventListener('click', (event) => {
  const toggle = event.target.closest('[data-tree-toggle]');
  if (!toggle) return;
  const open = toggle.dataset.treeToggle === 'open';
  document.querySelectorAll('.framework-tree details').forEach((details) => { details.open = open; });
});
