// An empty page of this build: bench/js-budget.ts measures the JavaScript every page of the app loads
// (the framework's floor) here, to compare the lesson page against it. No data, no session needed.
export default function Blank() {
  return <main />;
}
