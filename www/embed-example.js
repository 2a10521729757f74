// Prints every article-widget:* event the widgets on this page send.
const log = document.getElementById('event-log');
const names = ['ready', 'error', 'share', 'notify', 'subscribe', 'login', 'donate', 'prompt-dismissed'];
for (const name of names) {
  document.addEventListener(`article-widget:${name}`, (event) => {
    const item = document.createElement('li');
    const source = event.target.getAttribute('src') ?? 'data island';
    item.textContent = `${new Date().toLocaleTimeString()} ${event.type} ${JSON.stringify(event.detail)} (${source})`;
    log.append(item);
  });
}
