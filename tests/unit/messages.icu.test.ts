// The two interface languages, read as ICU MessageFormat the way next-intl reads them: every message
// parses, and each key uses the same arguments, of the same kinds, in both languages. Complements
// tests/unit/messages.test.ts, whose placeholder check is a regular expression.
import { isStructurallySame, parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

/** Dotted key → message text, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(dotted, value);
    else for (const [k, v] of flatten(value, dotted)) out.set(k, v);
  }
  return out;
}

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "argument",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
  [TYPE.tag]: "tag",
};

/** Every argument of a parsed message as "name:kind", including those nested in plural/select branches and tags. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  const out = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      const kind = KIND[el.type];
      if (kind && "value" in el) out.add(`${el.value}:${kind}`);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(elements);
  return [...out].sort();
}

const languages = { "zh-CN": flatten(zh as Tree), en: flatten(en as Tree) };
const keys = [...languages["zh-CN"].keys()];

describe("argumentsOf (the helper these checks rely on)", () => {
  it("finds simple, formatted and nested arguments", () => {
    const ast = parse("{name} has {count, plural, one {# lesson in {course}} other {# lessons}} since {day, date, short}");
    expect(argumentsOf(ast)).toEqual(["count:plural", "course:argument", "day:date", "name:argument"]);
  });

  it("tells two messages with different arguments apart", () => {
    expect(argumentsOf(parse("until {time}"))).not.toEqual(argumentsOf(parse("until {date}")));
    expect(isStructurallySame(parse("until {time}"), parse("until {date}")).success).toBe(false);
  });
});

describe.each(Object.entries(languages))("%s messages", (_language, messages) => {
  it("have at least one message", () => {
    expect(messages.size).toBeGreaterThan(0);
  });

  it("all parse as ICU MessageFormat", () => {
    const unparsable: string[] = [];
    for (const [key, text] of messages) {
      try {
        parse(text);
      } catch (error) {
        unparsable.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(unparsable).toEqual([]);
  });

  it("have no message that is empty or only spaces", () => {
    expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });
});

describe("zh-CN and en", () => {
  it("have the same keys", () => {
    expect([...languages.en.keys()].sort()).toEqual([...languages["zh-CN"].keys()].sort());
  });

  it("use the same arguments, of the same kinds, for every key", () => {
    const mismatches: string[] = [];
    for (const key of keys) {
      const zhText = languages["zh-CN"].get(key)!;
      const enText = languages.en.get(key) ?? "";
      const [zhArgs, enArgs] = [argumentsOf(parse(zhText)), argumentsOf(parse(enText))];
      if (zhArgs.join() !== enArgs.join() || !isStructurallySame(parse(zhText), parse(enText)).success) {
        mismatches.push(`${key}: zh-CN [${zhArgs}] vs en [${enArgs}]`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("checks the keys that have arguments", () => {
    const withArguments = keys.filter((key) => argumentsOf(parse(languages["zh-CN"].get(key)!)).length > 0);
    expect(withArguments).toEqual(expect.arrayContaining(["login.lockedAccount", "account.rules"]));
  });
});
