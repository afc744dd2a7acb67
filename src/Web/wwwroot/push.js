// Browser push for the Delivery settings page (docs/decisions/022, 025): the app's one script of its own besides the service
// worker it registers (push-sw.js). It only drives the browser's Push API and answers plain data; the page talks to the API.
const worker = new URL('push-sw.js', import.meta.url).href;

const supported = () =>
    window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const current = async () => {
    const registration = await navigator.serviceWorker.getRegistration(worker);
    return registration ? registration.pushManager.getSubscription() : null;
};

// The worker's scope is its own folder, not the page, so navigator.serviceWorker.ready would never resolve: wait for this one.
const activated = registration => new Promise((resolve, reject) => {
    const installing = registration.installing || registration.waiting;
    if (registration.active || !installing) {
        resolve(registration);
        return;
    }
    installing.addEventListener('statechange', () => {
        if (installing.state === 'activated') resolve(registration);
        if (installing.state === 'redundant') reject(new Error('The push service worker could not be installed.'));
    });
});

const bytes = base64url => {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
};

/** {supported, permission: 'default'|'granted'|'denied'|'unsupported', endpoint of this browser's subscription or null} */
export async function state() {
    if (!supported()) return { supported: false, permission: 'unsupported', endpoint: null };
    const subscription = await current();
    return { supported: true, permission: Notification.permission, endpoint: subscription ? subscription.endpoint : null };
}

/** Asks for permission, registers the worker and subscribes with the service's VAPID key: {permission, subscription: toJSON() or null}. */
export async function subscribe(publicKey) {
    if (!supported()) return { permission: 'unsupported', subscription: null };
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return { permission, subscription: null };
    const registration = await activated(await navigator.serviceWorker.register(worker));
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(publicKey) });
    return { permission, subscription: subscription.toJSON() };
}

/** Ends this browser's subscription; answers its endpoint, or null when there was none. */
export async function unsubscribe() {
    const subscription = supported() ? await current() : null;
    if (subscription) await subscription.unsubscribe();
    return subscription ? subscription.endpoint : null;
}
