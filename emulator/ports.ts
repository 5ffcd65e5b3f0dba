import net from "node:net";

/** A TCP port free on 127.0.0.1 right now, for servers the demo and the tests start. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Whether another program listens on `port` on any local address. Checked on every address at once, because a
 * server on ::1 alone leaves 127.0.0.1 free while "localhost" may still reach it.
 */
export async function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(true);
      else reject(error);
    });
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** The first port above `port` that nothing listens on, to suggest instead of a taken one. */
export async function nextFreePort(port: number): Promise<number | null> {
  for (let candidate = port + 1; candidate <= Math.min(port + 100, 65_535); candidate += 1) {
    if (!(await isPortTaken(candidate))) return candidate;
  }
  return null;
}
