import { vi } from 'vitest';
import type { TestSystem } from './system.js';

/**
 * Time a test moves itself, for deadlines. The engine's timers (a stage's deadline, a peer's)
 * run on a fake clock that otherwise keeps pace with real time, and `pass(ms)` moves it and the
 * system's clock together: a deadline passes where the test says (after the answers it gives
 * first), never at some moment while it is still acting on a slow machine. Only setTimeout is
 * faked, from this call on; `restore` (or `vi.useRealTimers()` after the test) ends it.
 */
export function controlTime(s: TestSystem) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  return {
    pass(ms: number) {
      s.clock.advance(ms);
      vi.advanceTimersByTime(ms);
    },
    restore: () => vi.useRealTimers(),
  };
}
