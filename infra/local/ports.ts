import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The lowest port the OS hands to outgoing connections. A port asked for with `listen(0)` comes
 * from that same range, so a test that stops a server and starts it again on the same port could
 * find it taken by some other test's HTTP client in between (CI saw `EADDRINUSE` that way). We
 * pick below it instead.
 */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > 12_000 ? value : 32_768;
  } catch {
    return 32_768;
  }
}

const handedOut = new Set<number>();

function tryListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A free port on the host, below the range used for outgoing connections: for tests that run
 * several runtimes side by side and restart them on the same ports.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const high = ephemeralLow() - 1;
  const low = 10_000;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (handedOut.has(port)) continue;
    if (await tryListen(port, host)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port between ${low} and ${high} on ${host}`);
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

/** A free port for each of the local runtime's servers, for a runtime started in this process. */
export async function freeRuntimePorts(host = '127.0.0.1') {
  return {
    port: await freePort(host),
    dynamodbPort: await freePort(host),
    stepFunctionsPort: await freePort(host),
    sesPort: await freePort(host),
    authPort: await freePort(host),
  };
}
