// Small behaviours that htmx does not cover. Delegated, so they also work on swapped-in content.
document.addEventListener('click', (event) => {
  const toggle = event.target.closest('[data-tree-toggle]');
  if (!toggle) return;
  const open = toggle.dataset.treeToggle === 'open';
  document.querySelectorAll('.framework-tree details').forEach((details) => { details.open = open; });
});

// A form sent back with errors: focus its summary, so a screen reader reads every error and the page scrolls to it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
});
