// Registers the service worker that keeps the app shell for a start without network (see /sw.js); app.js calls it
// once the first page is on screen. Without support (or over plain http from another host, where browsers allow no
// service workers) the UI works as before, online.
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return Promise.resolve(null);
  return navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((e) => {
    console.warn('service worker not registered', e);
    return null;
  });
}
