/**
 * The fan-out floor, run as its own process: a bare `ws` server speaking just enough of graphql-transport-ws
 * (init → ack, subscribe → the current dashboard, ping → pong) for the same clients as the API's. On each command
 * from the bench it serialises the dashboard (a message the API sent, byte for byte, with the new count) once and
 * sends it to every subscriber of an affected unit. Prints "FLOOR_WS <port>".
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

let payload: any = { data: { dashboard: { confirmedCount: 0 } } };
let payloadJson = JSON.stringify(payload);
/** Subscribers per unit, with the id of their subscription (each client picks its own). */
const subscribersOf = new Map<string, Map<WebSocket, string>>();
const frame = (id: string, json: string) => `{"id":${JSON.stringify(id)},"type":"next","payload":${json}}`;

const server = http.createServer((_request, response) => response.writeHead(426).end());
const wss = new WebSocketServer({ server, handleProtocols: () => "graphql-transport-ws" });
wss.on("connection", (socket) => {
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.type === "connection_init") socket.send('{"type":"connection_ack"}');
    else if (message.type === "ping") socket.send('{"type":"pong"}');
    else if (message.type === "subscribe") {
      const unit = String(message.payload?.variables?.unit ?? "");
      let subscribers = subscribersOf.get(unit);
      if (!subscribers) subscribersOf.set(unit, (subscribers = new Map()));
      subscribers.set(socket, message.id);
      socket.on("close", () => subscribers.delete(socket));
      socket.send(frame(message.id, payloadJson));
    }
  });
});

process.on("message", (message: Broadcast | Template) => {
  if (message.type === "template") {
    payload = JSON.parse(message.message).payload;
    payload.data.dashboard.confirmedCount = 0;
    payloadJson = JSON.stringify(payload);
    return;
  }
  payload.data.dashboard.confirmedCount = message.confirmedCount;
  // One serialisation per broadcast; only the subscription id differs per client.
  payloadJson = JSON.stringify(payload);
  for (const unit of message.units)
    for (const [socket, id] of subscribersOf.get(unit) ?? []) socket.send(frame(id, payloadJson));
});

server.listen(0, "127.0.0.1", () => {
  console.log(`FLOOR_WS ${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => process.exit(0));
