/**
 * Preloaded into a server under test (`node --expose-gc --require gcProbe.js main.js`): on SIGUSR2
 * it collects garbage and answers on stderr with the heap and resident sizes, so that a memory test
 * reads settled figures instead of whatever the last allocation left.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`gc-probe ${JSON.stringify({ collected: gc !== undefined, heapUsed: m.heapUsed, rss: m.rss })}\n`);
});
