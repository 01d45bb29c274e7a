/**
 * JSON requests to the local API, anonymous (`send`) or as a signed-in admin (`admin`). The body
 * is sent as JSON when given; the answer is the plain fetch Response.
 */
export function jsonApi(api: () => string, adminToken: () => string) {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const admin = (method: string, path: string, body?: unknown) =>
    send(method, path, body, { authorization: `Bearer ${adminToken()}` });
  return { send, admin };
}
