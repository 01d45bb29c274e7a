import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  historyKey,
  record,
  redo,
  redoName,
  startHistory,
  undo,
  undoName,
} from '../../web/src/features/console/forms/editor/history.ts';

describe('the editor history', () => {
  it('undoes and redoes named steps in order, and a new change drops the redo steps', () => {
    let history = startHistory({ n: 0 });
    history = record(history, { n: 1 }, 'add field', 0);
    history = record(history, { n: 2 }, 'add Arabic', 5000);
    expect(undoName(history)).toBe('add Arabic');
    history = undo(history);
    expect(history.present).toEqual({ n: 1 });
    expect(redoName(history)).toBe('add Arabic');
    expect(undoName(history)).toBe('add field');
    history = redo(history);
    expect(history.present).toEqual({ n: 2 });
    history = undo(undo(history));
    expect(history.present).toEqual({ n: 0 });
    expect(undo(history)).toBe(history);
    history = record(history, { n: 9 }, 'rename', 9000);
    expect(redoName(history)).toBeUndefined();
    expect(redo(history)).toBe(history);
  });

  it('merges quick changes of the same name (typing) into one step, but not different ones', () => {
    let history = startHistory('');
    history = record(history, 'H', 'label', 1000);
    history = record(history, 'Ha', 'label', 1300);
    history = record(history, 'Hal', 'label', 1900);
    expect(history.past).toHaveLength(1);
    history = record(history, 'Hal!', 'help text', 2000);
    history = record(history, 'Hallo!', 'label', 2100);
    expect(history.past.map((step) => step.what)).toEqual(['label', 'help text', 'label']);
    // A pause makes a new step.
    history = record(history, 'Hallo!!', 'label', 9000);
    expect(history.past).toHaveLength(4);
    expect(undo(history).present).toBe('Hallo!');
    expect(undo(undo(undo(undo(history)))).present).toBe('');
  });

  it('keeps at most the last HISTORY_LIMIT steps', () => {
    let history = startHistory(0);
    for (let n = 1; n <= HISTORY_LIMIT + 20; n++) history = record(history, n, `step ${n}`, n * 10_000);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    while (history.past.length > 0) history = undo(history);
    expect(history.present).toBe(20);
  });

  it('knows the keyboard shortcuts', () => {
    const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }>) =>
      historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', {})).toBeUndefined();
    expect(key('s', { ctrlKey: true })).toBeUndefined();
  });
});
