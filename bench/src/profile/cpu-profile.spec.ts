import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleOf, summariseProfile } from './cpu-profile';

describe('moduleOf', () => {
  it('names packages, workspace parts and node itself', () => {
    expect(
      moduleOf('file:///r/node_modules/.pnpm/class-validator@0.15.1/node_modules/class-validator/cjs/x.js'),
    ).toBe('class-validator');
    expect(moduleOf('file:///r/node_modules/.pnpm/@nestjs+core@11/node_modules/@nestjs/core/a.js')).toBe(
      '@nestjs/core',
    );
    expect(moduleOf('file:///work/main/apps/api/dist/snapshots/digest.js')).toBe('apps/api');
    expect(moduleOf('node:zlib')).toBe('node');
    expect(moduleOf('')).toBe('(native)');
  });
});

describe('summariseProfile', () => {
  it('adds self time per function and module, and inclusive time of our functions', () => {
    const api = 'file:///w/apps/api/dist/snapshots/snapshots.service.js';
    const lib = 'file:///w/node_modules/class-validator/cjs/v.js';
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
        { id: 2, callFrame: { functionName: 'ingest', url: api, lineNumber: 9 }, children: [3] },
        { id: 3, callFrame: { functionName: 'validate', url: lib, lineNumber: 0 } },
      ],
      samples: [2, 3, 3, 3],
      timeDeltas: [1000, 1000, 1000, 1000],
    };
    const path = join(mkdtempSync(join(tmpdir(), 'profile-')), 'p.cpuprofile');
    writeFileSync(path, JSON.stringify(profile));
    const summary = summariseProfile(path);
    expect(summary.totalMs).toBe(4);
    expect(summary.modules[0]).toEqual({ name: 'class-validator', ms: 3, share: 0.75 });
    expect(summary.inclusive).toEqual([
      { name: 'ingest apps/api/dist/snapshots/snapshots.service.js:10', ms: 4, share: 1 },
    ]);
  });
});
