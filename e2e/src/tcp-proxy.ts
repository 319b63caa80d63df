import net from "node:net";

/**
 * A TCP proxy in front of the server that a test can cut and restore. Cutting destroys every open connection
 * (the browser's WebSocket gets no close frame, as when a network drops) and stops listening, so reconnection
 * attempts are refused until `restore` listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  origin: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, host = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, host);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, host, () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await listen();
  return {
    port,
    origin: `http://${host}:${port}`,
    cut: stop,
    restore: listen,
    close: stop,
  };
}
