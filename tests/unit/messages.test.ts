// The two interface languages stay in step: same keys, no empty strings, same placeholders.
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** ICU argument names: {name}, {count, plural, …}. */
const placeholders = (s: string) => [...s.matchAll(/\{\s*([a-zA-Z_][\w]*)\s*(?:[,}])/g)].map((m) => m[1]).sort();

const zhKeys = flatten(zh as Tree);
const enKeys = flatten(en as Tree);

describe("messages", () => {
  it("zh-CN and en have the same keys", () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
  });

  it("no message is empty", () => {
    for (const [k, v] of [...zhKeys, ...enKeys]) expect(v.trim(), k).not.toBe("");
  });

  it("both languages use the same placeholders", () => {
    for (const [k, v] of zhKeys) expect(placeholders(enKeys.get(k) ?? ""), k).toEqual(placeholders(v));
  });

  it("the Chinese messages are in Chinese", () => {
    expect(zhKeys.get("login.submit")).toBe("登录");
    expect(enKeys.get("login.submit")).toBe("Sign in");
  });
});
