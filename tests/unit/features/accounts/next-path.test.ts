// The login's `next`: only same-site relative paths are followed (no open redirect).
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/features/accounts/next-path";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeNextPath("/s/QRTEST23")).toBe("/s/QRTEST23");
    expect(safeNextPath("/learn/surveys/abc?x=1#top")).toBe("/learn/surveys/abc?x=1#top");
  });

  it("refuses other sites, schemes and protocol-relative forms", () => {
    for (const bad of [
      "https://evil.example/s/1",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "s/QRTEST23",
      "/\t/evil.example",
      "/ /evil.example",
      "",
      "/".padEnd(2001, "a"),
    ]) {
      expect(safeNextPath(bad), bad).toBeNull();
    }
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/learn"])).toBeNull();
  });
});
