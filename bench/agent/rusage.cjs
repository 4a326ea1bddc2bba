// Preloaded with `node -r` into the process under measurement: at exit it writes its own CPU time
// and peak RSS (getrusage(2) through process.resourceUsage) to the file named by BENCH_RUSAGE.
// A `-r` preload is CommonJS, so require() is the way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.BENCH_RUSAGE,
    JSON.stringify({ userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS }),
  );
});
