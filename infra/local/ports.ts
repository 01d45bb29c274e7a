import { createServer } from 'node:net';

/** Asks the OS for a free port on the host: for tests that run several runtimes side by side. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Fails early with a message naming the variable to change when a port is taken. */
export function assertPortFree(port: number, variable: string, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(`Port ${port} on ${host} is in use. Stop what uses it or set ${variable} to another port.`),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
