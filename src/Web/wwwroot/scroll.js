// Infinite scroll (docs/decisions/022): tells .NET when the end of a paged list comes into view. Blazor loads the next page;
// the list's "Show older" button does the same for keyboards and for a browser where this script does not run.
export function observe(end, dotnet) {
    let loading = false;
    const observer = new IntersectionObserver(async entries => {
        if (loading || !entries.some(entry => entry.isIntersecting)) return;
        loading = true;
        try {
            await dotnet.invokeMethodAsync('EndVisibleAsync');
        } finally {
            loading = false;
        }
        // Still in view after that page (a tall screen)? Observing again reports it again, and the next page loads.
        observer.unobserve(end);
        observer.observe(end);
    }, { rootMargin: '0px 0px 200px 0px' });
    observer.observe(end);
    return { dispose: () => observer.disconnect() };
}
