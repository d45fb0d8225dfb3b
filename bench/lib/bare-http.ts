// The machine's limit for the heartbeat benchmark (issue 8): a bare Node `http` server that parses the
// JSON body and makes the same single insert as the bare Next.js route. Run by bench/heartbeat.ts:
//   DATABASE_URL=… PORT=… node --import tsx bench/lib/bare-http.ts
import http from "node:http";
import { floorInserter, floorRowOf } from "./floor-insert";

const insert = floorInserter(process.env.DATABASE_URL ?? "");
const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let row;
    try {
      row = floorRowOf(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    } catch {
      row = null;
    }
    if (!row) {
      res.writeHead(400, { "content-type": "application/json" }).end('{"error":"VALIDATION"}');
      return;
    }
    insert(row).then(
      () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
      (error: unknown) => {
        console.error(error);
        res.writeHead(500, { "content-type": "application/json" }).end('{"error":"UNEXPECTED"}');
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 3290), "127.0.0.1");
