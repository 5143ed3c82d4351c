// Makes sure Playwright has a Chromium before the end-to-end tests run, installing one if it can.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  return (
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0
  );
}

if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE && !findChromium()) {
  console.error(
    `ensure-chromium: PLAYWRIGHT_CHROMIUM_EXECUTABLE=${process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE} does not exist.`,
  );
  process.exit(1);
}

let found = findChromium();
if (!found) {
  // Playwright's own download works where the internet allows; Debian's package where we are root.
  if (!run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && run('apt-get', ['update', '-qq'])) run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  found = findChromium();
}

if (!found) {
  console.error(`
ensure-chromium: no Chromium found, and none could be installed.
Do one of these, then run the tests again:
  - on Debian/Ubuntu:  sudo apt-get install -y chromium
  - with internet:     npx playwright install chromium
  - or point at one:   PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chromium npm test
`);
  process.exit(1);
}
console.log(`ensure-chromium: using ${found}`);
