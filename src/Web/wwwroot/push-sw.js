// The web app's service worker, for browser push only (docs/decisions/025): shows what the service pushed
// ({id, type, priority, title, body, created_at, url}) and opens the notification center when it is clicked.
self.addEventListener('push', event => {
    let message;
    try {
        message = event.data ? event.data.json() : {};
    } catch {
        message = { body: event.data.text() };
    }
    event.waitUntil(self.registration.showNotification(message.title || 'RiskPlatform', {
        body: message.body || '',
        tag: message.id,
        timestamp: Date.parse(message.created_at) || Date.now(),
        requireInteraction: message.priority === 'urgent',
        data: { url: message.url || '/notifications' },
    }));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    event.waitUntil(self.clients.openWindow(new URL(event.notification.data.url, self.location.origin).href));
});
