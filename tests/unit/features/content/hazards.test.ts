// 两降两增 hazard reports as content: validated, named by file and field.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError, loadContent } from "@/features/content/load";
import { creditCodeCheckChar } from "@/lib/identifiers";

const REPO_CONTENT = path.join(process.cwd(), "content");
const CODE = `91510411MA6230K1X${creditCodeCheckChar("91510411MA6230K1X")}`;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const hazard = (over: Record<string, string> = {}) => ({
  id: "h-01",
  category: "MACHINERY",
  level: "GENERAL",
  location: "一号车间",
  description: "皮带输送机尾轮防护罩缺失。",
  measure: "加装防护罩。",
  foundOn: "2026-03-10",
  status: "RECTIFIED",
  rectifiedOn: "2026-03-20",
  ...over,
});

function rootWith(report: unknown): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "hazards-test-"));
  roots.push(root);
  cpSync(path.join(REPO_CONTENT, "reference"), path.join(root, "reference"), { recursive: true });
  mkdirSync(path.join(root, "enterprises/demo"), { recursive: true });
  writeFileSync(path.join(root, "enterprises/demo/hazards.yaml"), JSON.stringify(report)); // JSON is YAML
  return root;
}
const report = (hazards: unknown[], enterprise = CODE) => ({
  enterprise,
  investigation: { by: "服务中心", startedOn: "2026-03-09", endedOn: "2026-03-13", summary: "现场排查。" },
  hazards,
});
function problems(root: string) {
  try {
    loadContent(root);
  } catch (e) {
    return (e as ContentError).problems;
  }
  return [];
}

describe("hazard reports", () => {
  it("loads a valid report with dates", () => {
    const content = loadContent(rootWith(report([hazard()])));
    expect(content.hazardReports).toHaveLength(1);
    expect(content.hazardReports[0]!.hazards[0]!.rectifiedOn).toEqual(new Date("2026-03-20T00:00:00Z"));
  });

  it("needs rectifiedOn exactly when rectified, and not before the finding", () => {
    const file = "enterprises/demo/hazards.yaml";
    expect(problems(rootWith(report([hazard({ status: "OPEN" })])))).toContainEqual({ file, field: "hazards[0].rectifiedOn", message: expect.stringContaining("exactly when") });
    expect(problems(rootWith(report([hazard({ rectifiedOn: "2026-03-01" })])))).toContainEqual({ file, field: "hazards[0].rectifiedOn", message: expect.stringContaining("before foundOn") });
  });

  it("names an unknown category and an invalid credit code", () => {
    const file = "enterprises/demo/hazards.yaml";
    expect(problems(rootWith(report([hazard({ category: "WEATHER" })])))).toContainEqual(expect.objectContaining({ file, field: "hazards[0].category" }));
    expect(problems(rootWith(report([hazard()], "91510411MA6230K1X0")))).toContainEqual(expect.objectContaining({ file, field: "enterprise", message: expect.stringContaining("GB 32100") }));
  });

  it("names a hazard id used twice", () => {
    expect(problems(rootWith(report([hazard(), hazard()])))).toContainEqual(expect.objectContaining({ field: "hazards[1].id", message: expect.stringContaining("duplicate hazard id") }));
  });
});
