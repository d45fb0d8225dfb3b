// The CJK font of every PDF we make (certificates, records): Noto Sans SC from the npm package
// @expo-google-fonts/noto-sans-sc (SIL Open Font License), so no system font is needed. pdfkit embeds
// only the glyphs a document uses.
import { readFileSync } from "node:fs";
import path from "node:path";

const FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc";
const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const;
export type FontWeight = keyof typeof FONT_FILES;

/** The font files, read once per process (they are large; pdfkit parses and subsets them per document). */
const fontCache = new Map<FontWeight, Buffer>();

export function cjkFontPath(weight: FontWeight): string {
  // A path read at run time, not a module: the bundler must not try to import a .ttf. The app and its
  // scripts run from the project root, where node_modules is.
  return path.join(process.cwd(), "node_modules", FONT_PACKAGE, FONT_FILES[weight]);
}

export function cjkFont(weight: FontWeight): Buffer {
  let data = fontCache.get(weight);
  if (!data) {
    data = readFileSync(cjkFontPath(weight));
    fontCache.set(weight, data);
  }
  return data;
}
