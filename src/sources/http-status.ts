// The words for a server's error answer. Loaded only when one comes (`request` in http.ts imports
// it then), which keeps them out of a first visit's download.

/** Reason phrases for when the server (or HTTP/2) sends none. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function advice(status: number, hint: string): string {
  if (status === 404 || status === 410) return hint;
  if (status === 401 || status === 403) return 'check the headers or credentials the server needs';
  if (status === 429) return 'the server is rate limiting: try again later';
  if (status >= 500) return 'the server failed: check its logs, then Retry';
  return 'the server rejected the request: check the URL and the request mapping';
}

/** `HTTP 404 Not Found: check the src URL`, with the phrase the server sent or the usual one. */
export function statusMessage(status: number, statusText: string, hint: string): string {
  const text = statusText || STATUS_TEXT[status] || '';
  return `HTTP ${status}${text ? ` ${text}` : ''}: ${advice(status, hint)}`;
}
