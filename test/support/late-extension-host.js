// Loaded into code-server's Node (node --require, which it passes on to the extension host it forks) by the
// e2e test of a window whose remote extension host starts late: in the extension host process only, it holds
// the start for MENTORSHIP_E2E_HOST_DELAY_MS, so that host starts after the web worker host activated the extension.
'use strict';
if (process.argv.includes('--type=extensionHost')) {
  const ms = Number(process.env.MENTORSHIP_E2E_HOST_DELAY_MS || 4000);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
