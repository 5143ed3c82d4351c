/** The collaboration endpoint on the server that served this page (proxied by Vite in development). */
export function collabUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/collab`;
}
