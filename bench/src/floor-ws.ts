/**
 * The fan-out floor, run as its own process: a bare `ws` server that, on each command from the bench, serialises
 * one dashboard message (the size of the API's) once and sends it to every client of an affected unit.
 * Prints "FLOOR_WS <port>".
 */
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

interface Broadcast {
  type: "broadcast";
  confirmedCount: number;
  units: string[];
}
interface Template {
  type: "template";
  /** A graphql-ws "next" message as the API sent it. */
  message: string;
}

let template: any = {
  id: "1",
  type: "next",
  payload: { data: { dashboard: { confirmedCount: 0 } } },
};
const clientsOf = new Map<string, Set<WebSocket>>();

const server = http.createServer((_request, response) => response.writeHead(426).end());
const wss = new WebSocketServer({ server });
wss.on("connection", (socket, request) => {
  const unit = new URL(request.url ?? "/", "http://floor").searchParams.get("unit") ?? "";
  let clients = clientsOf.get(unit);
  if (!clients) clientsOf.set(unit, (clients = new Set()));
  clients.add(socket);
  socket.on("close", () => clients.delete(socket));
  // The first message, as graphql-ws sends the current dashboard on subscribing.
  socket.send(JSON.stringify(template));
});

process.on("message", (message: Broadcast | Template) => {
  if (message.type === "template") {
    template = JSON.parse(message.message);
    template.payload.data.dashboard.confirmedCount = 0;
    return;
  }
  template.payload.data.dashboard.confirmedCount = message.confirmedCount;
  const text = JSON.stringify(template);
  for (const unit of message.units) for (const socket of clientsOf.get(unit) ?? []) socket.send(text);
});

server.listen(0, "127.0.0.1", () => {
  console.log(`FLOOR_WS ${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => process.exit(0));
