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

// A filter form brings its results as its fields change. A typed field fires "change" again when it loses focus,
// after its typing already brought the results: a request for the results the page already shows is not sent, so
// they are not replaced under the reader's next click (a download link clicked as the field loses focus).
const filterQuery = (form) => new URLSearchParams(new FormData(form)).toString();
document.addEventListener('htmx:load', (event) => {
  const root = event.target;
  const forms = root.matches('form.filter-form') ? [root] : root.querySelectorAll('form.filter-form');
  forms.forEach((form) => { form.dataset.shown = filterQuery(form); });
});
document.addEventListener('htmx:beforeRequest', (event) => {
  const form = event.detail.elt;
  if (!form.matches('form.filter-form')) return;
  const query = filterQuery(form);
  if (query === form.dataset.shown) event.preventDefault();
  else form.dataset.shown = query;
});
document.addEventListener('htmx:afterRequest', (event) => {
  if (!event.detail.successful && event.detail.elt.matches('form.filter-form')) delete event.detail.elt.dataset.shown;
});
