// Another process writing to the app's SQLite file (a second instance, a script run beside the server):
// opens its own connection, takes the write lock (BEGIN IMMEDIATE), prints LOCKED, and holds the lock
// for --hold-ms milliseconds or, without it, until a line "release" arrives on stdin; then commits,
// prints RELEASED and exits. Used by tests/integration/faults-sqlite-busy.test.ts.
//   node --import tsx tests/support/sqlite-lock-holder.ts <file> [--hold-ms N]
import Database from "better-sqlite3";

function main() {
  const [file, flag, value] = process.argv.slice(2);
  if (!file) throw new Error("usage: sqlite-lock-holder.ts <file> [--hold-ms N]");
  const sqlite = new Database(file, { timeout: 0 });
  sqlite.exec("BEGIN IMMEDIATE");
  console.log("LOCKED");
  const release = () => {
    sqlite.exec("COMMIT");
    sqlite.close();
    console.log("RELEASED");
    process.exit(0);
  };
  if (flag === "--hold-ms") {
    setTimeout(release, Number(value));
    return;
  }
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    input += chunk;
    if (input.split("\n").some((line) => line.trim() === "release")) release();
  });
}

main();
