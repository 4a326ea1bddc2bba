#!/usr/bin/env node
import { summariseProfile, type Hotspot } from './profile/cpu-profile';

/** `node dist/profile.js <file.cpuprofile> [top]`: where a `node --cpu-prof` profile spent its time. */
function main(argv: string[]): void {
  const [path, top] = argv;
  if (!path) throw new Error('usage: profile <file.cpuprofile> [top]');
  const summary = summariseProfile(path, Number(top ?? 20));
  const print = (title: string, spots: Hotspot[]) => {
    console.log(`\n${title}`);
    for (const spot of spots) {
      console.log(
        `${(spot.share * 100).toFixed(1).padStart(6)}% ${String(spot.ms).padStart(8)} ms  ${spot.name}`,
      );
    }
  };
  console.log(`sampled ${Math.round(summary.totalMs)} ms`);
  print('self time by module', summary.modules);
  print('self time by function', summary.functions);
  print('inclusive time of our functions', summary.inclusive);
}

main(process.argv.slice(2));
