// The adapter for the demo directory's search API (demo/server/directory-api.mjs). A data source is
// any object with `search(query, { signal })`, so this needs no import from the library.
const API = new URL('/api/therapists', location.href);

const directoryApi = {
  label: 'the demo directory API',
  // The server applies these itself; the engine checks them again anyway.
  applies: ['clientType', 'formats', 'jurisdiction', 'near', 'acceptingNewClients'],

  async search(query, { signal }) {
    const url = new URL(API);
    const params = url.searchParams;
    if (query.clientType) params.set('clientType', query.clientType);
    if (query.formats) params.set('formats', query.formats.join(','));
    if (query.jurisdiction) params.set('jurisdiction', query.jurisdiction);
    if (query.near) {
      params.set('lat', query.near.lat);
      params.set('lng', query.near.lng);
      params.set('radiusKm', query.near.radiusKm);
    }
    if (query.acceptingNewClients) params.set('acceptingNewClients', 'true');
    params.set('limit', '2000');

    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`the demo directory API answered HTTP ${response.status}`);
    const { therapists, total } = await response.json();
    showRequest(url, therapists.length, total);
    return { records: therapists, total };
  },

  async get(id, { signal }) {
    const response = await fetch(new URL(encodeURIComponent(id), `${API}/`), { signal });
    return response.ok ? response.json() : undefined;
  },
};

function showRequest(url, received, total) {
  const status = document.getElementById('last-request');
  status.textContent = `Last request: ${url.pathname}${url.search} → ${received} of ${total} candidates sent to the browser.`;
}

const widget = document.querySelector('therapist-match');
widget.source = directoryApi;
widget.addEventListener('tm-error', (event) => console.error('therapist-match:', event.detail.message));
