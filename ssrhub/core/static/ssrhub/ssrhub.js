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

// Behaviours that would otherwise be inline handlers, which the Content-Security-Policy refuses.
document.addEventListener('change', (event) => {
  const select = event.target;
  if (select.matches('[data-navigate-on-change]')) window.location = select.value;
  if (select.matches('[data-submit-on-change]')) select.form.submit();
});
document.addEventListener('click', (event) => {
  if (!event.target.closest('[data-history-back]')) return;
  event.preventDefault();
  history.back();
});
