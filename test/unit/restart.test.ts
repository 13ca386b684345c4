import * as assert from 'node:assert/strict';
import { MAX_CONNECTION_ERRORS, MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restart';

describe('client restart policy', () => {
  it(`restarts a crashed server ${MAX_RESTARTS} times within the window and gives up at the next crash`, () => {
    let now = 0;
    const policy = new RestartPolicy(MAX_RESTARTS, RESTART_WINDOW_MS, () => now);
    for (let i = 1; i <= MAX_RESTARTS; i++) {
      now += 1000;
      assert.deepEqual(policy.closed(), { restart: true, crash: i });
    }
    now += 1000;
    assert.deepEqual(policy.closed(), { restart: false, crashes: MAX_RESTARTS + 1, windowMinutes: 3 });
  });

  it('forgets crashes older than the window, so that a server crashing now and then keeps being restarted', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 60_000, () => now);
    assert.deepEqual(policy.closed(), { restart: true, crash: 1 });
    now = 30_000;
    assert.deepEqual(policy.closed(), { restart: true, crash: 2 });
    now = 60_000; // the first crash has left the window
    assert.deepEqual(policy.closed(), { restart: true, crash: 2 });
    now = 60_001;
    assert.deepEqual(policy.closed(), { restart: false, crashes: 3, windowMinutes: 1 });
    for (let i = 0; i < 10; i++) {
      now += 61_000;
      assert.equal(policy.closed().restart, true, `an isolated crash ${i}`);
    }
  });

  it(`tolerates ${MAX_CONNECTION_ERRORS} connection errors in a row, then shuts the connection down`, () => {
    const policy = new RestartPolicy();
    for (let n = 1; n <= MAX_CONNECTION_ERRORS; n++) assert.equal(policy.error(n), 'continue');
    assert.equal(policy.error(MAX_CONNECTION_ERRORS + 1), 'shutdown');
    assert.equal(policy.error(undefined), 'shutdown');
  });
});
