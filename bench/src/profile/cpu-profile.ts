import { readFileSync } from 'node:fs';

/** The parts of V8's .cpuprofile format (as `node --cpu-prof` writes it) that the summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  /** Share of all sampled time, 0..1. */
  share: number;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per package (node_modules name), per workspace part, node's own code, or V8. */
  modules: Hotspot[];
  /** Self time per function. */
  functions: Hotspot[];
  /** Time inside each of the workspace's functions and everything they call. */
  inclusive: Hotspot[];
}

/** Where a script lives: an npm package, a part of this repository, node itself, or V8 (native, GC). */
export function moduleOf(url: string): string {
  if (url === '') return '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node';
  const part = /\/(apps\/[^/]+|packages\/[^/]+|bench)\//.exec(url);
  return part ? part[1] : url;
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const { functionName, url, lineNumber } = frame;
  const at = url.lastIndexOf('node_modules/');
  const place =
    at >= 0
      ? url.slice(at + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '')
      : url.replace(/^file:\/\//, '').replace(/^.*?\/(apps|packages|bench)\//, '$1/');
  return `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
}

const ours = (url: string): boolean => /\/(apps|packages)\/[^/]+\/dist\//.test(url);

/** The hottest modules and functions by self time, and the workspace's functions by inclusive time. */
export function summariseProfile(path: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    const name = frameName(node.callFrame);
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const module = moduleOf(node.callFrame.url);
    modules.set(module, (modules.get(module) ?? 0) + ms);
  }
  const rank = (map: Map<string, number>): Hotspot[] =>
    [...map.entries()]
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs === 0 ? 0 : ms / totalMs }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return {
    totalMs,
    modules: rank(modules),
    functions: rank(functions),
    inclusive: rank(inclusiveOf(profile, selfMs)),
  };
}

/** Inclusive time of the workspace's functions, counted once per stack even when recursive. */
function inclusiveOf(profile: CpuProfile, selfMs: Map<number, number>): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const onStack = new Set<string>();
  const walk = (id: number): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const name = frameName(node.callFrame);
    const counted = ours(node.callFrame.url) && !onStack.has(name);
    if (counted) onStack.add(name);
    let ms = selfMs.get(id) ?? 0;
    for (const child of node.children ?? []) ms += walk(child);
    if (counted) {
      onStack.delete(name);
      totals.set(name, (totals.get(name) ?? 0) + ms);
    }
    return ms;
  };
  if (profile.nodes.length > 0) walk(profile.nodes[0].id);
  return totals;
}
