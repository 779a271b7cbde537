// The journalists' site: a single page app on the public API only (/api/v1). The URL holds the view,
// so a link can be shared: /fy/2027, /org/HEALTH?fy=2027, /trace/ID, /record/ID.
import { el } from './dom.js';

const view = document.getElementById('view');
const pages = [
  [/^\/$/, () => import('./home.js')],
  [/^\/fy\/(\d{4})$/, () => import('./year.js')],
  [/^\/org\/([A-Za-z0-9._-]+)$/, () => import('./org.js')],
  [/^\/trace\/([A-Za-z0-9._-]+)$/, () => import('./trace.js')],
  [/^\/record\/([A-Za-z0-9._-]+)$/, () => import('./record.js')],
];

export function navigate(href) {
  history.pushState(null, '', href);
  render().then(() => view.focus());
}

async function render() {
  const params = new URLSearchParams(location.search);
  view.replaceChildren();
  view.setAttribute('aria-busy', 'true');
  delete document.body.dataset.ready;
  try {
    const found = pages.find(([re]) => re.test(location.pathname));
    if (!found) throw new Error('No such page: ' + location.pathname);
    const arg = decodeURIComponent(location.pathname.match(found[0])[1] || '');
    const page = await found[1]();
    await page.render(view, arg, params, navigate);
  } catch (e) {
    view.append(el('p', { class: 'error', role: 'alert' }, e.message));
  } finally {
    view.removeAttribute('aria-busy');
    document.body.dataset.ready = location.pathname + location.search;
    performance.mark('fundtrail-rendered');
  }
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-nav]');
  if (a && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
    e.preventDefault();
    navigate(a.getAttribute('href'));
  }
});
window.addEventListener('popstate', render);
render();
