/**
 * The server's dependency check (`npm run lint:deps`, part of `npm run lint`) and its module graph
 * (`npm run deps:graph`). dependency-cruiser reads server/ with .dependency-cruiser.cjs and reports
 * what its rules forbid (a cycle between files, a reach into another module past its index.ts,
 * core importing a module); this script adds the one rule it cannot state: no cycle between
 * modules. Test code (tests, test helpers) is left out of the module graph.
 *
 *   node scripts/deps.ts          check: prints every violation, exits 1 when there is one
 *   node scripts/deps.ts graph    prints the module graph as text (for ARCHITECTURE.md)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Folders under server/ that are not domain modules. */
export const NOT_DOMAIN = new Set(['core', 'http', 'db', 'testing', 'demo']);
const TEST = /(\.test|testing|\.fixture)\.ts$|^server\/testing\//;

type Violation = { from: string; to: string; rule: { name: string; severity: string }; cycle?: unknown[] };
type Cruised = {
  modules: { source: string; dependencies: { resolved: string; coreModule?: boolean }[] }[];
  summary: { violations: Violation[] };
};

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs dependency-cruiser over server/ and gives its JSON answer. */
export function cruiseServer(): Cruised {
  const bin = fileURLToPath(
    new URL('../../bin/dependency-cruiser.mjs', import.meta.resolve('dependency-cruiser')),
  );
  const run = spawnSync(
    process.execPath,
    [bin, 'server', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.status === null || !run.stdout.trim().startsWith('{')) {
    throw new Error(`dependency-cruiser failed:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Cruised;
}

function domainOf(path: string): string | null {
  const match = /^server\/([^/]+)\//.exec(path);
  return match && !NOT_DOMAIN.has(match[1]!) ? match[1]! : null;
}

/** Each domain module and the domain modules its code (not its tests) imports. */
export function moduleGraph(cruised: Cruised): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const m of cruised.modules) {
    const from = domainOf(m.source);
    if (!from || TEST.test(m.source)) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const d of m.dependencies) {
      const to = domainOf(d.resolved);
      if (to && to !== from) targets.add(to);
    }
  }
  return graph;
}

/** The groups of modules that import each other in a cycle (strongly connected, more than one). */
export function moduleCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The module graph as text: one line per module, the modules it imports (each imports core). */
export function graphText(graph: Map<string, Set<string>>): string {
  const names = [...graph.keys()].sort();
  const width = Math.max(...names.map((n) => n.length));
  return names
    .map((n) => {
      const targets = [...graph.get(n)!].sort();
      return `${n.padEnd(width)}  → ${targets.length ? targets.join(', ') : '(core only)'}`;
    })
    .join('\n');
}

function check(): number {
  const cruised = cruiseServer();
  const problems = cruised.summary.violations.map((v) =>
    v.rule.name === 'no-cycle' && Array.isArray(v.cycle)
      ? `${v.rule.name}: ${v.from} → ${v.cycle.map((c) => (typeof c === 'string' ? c : (c as { name: string }).name)).join(' → ')}`
      : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
  for (const cycle of moduleCycles(moduleGraph(cruised))) {
    problems.push(`module-cycle: ${cycle.join(' ↔ ')}`);
  }
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `${problems.length} dependency problem(s) in ${cruised.modules.length} files`
      : `dependencies: no cycle, every import between modules through a front door (${cruised.modules.length} files)`,
  );
  return problems.length ? 1 : 0;
}

if (import.meta.main) {
  if (process.argv[2] === 'graph') console.log(graphText(moduleGraph(cruiseServer())));
  else process.exitCode = check();
}
