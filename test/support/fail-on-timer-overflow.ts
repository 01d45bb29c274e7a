/**
 * Every test file fails on a TimeoutOverflowWarning: Node runs a setTimeout longer than 24.8 days
 * after 1 ms, which once ended every one-year workflow at once while all tests passed.
 */
const guard = Symbol.for('lotse.timerOverflowGuard');
const state = globalThis as { [guard]?: boolean };
if (!state[guard]) {
  state[guard] = true;
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutOverflowWarning') throw warning;
  });
}
